#!/usr/bin/env node
// The static checks of `pnpm test` in one process: the type check (what `tsc -p tsconfig.json --noEmit`
// reports) and the type-aware lint (what `eslint .` reports), sharing one TypeScript program.
//
// Why one process: `eslint .` with typed rules builds its own program of the whole repository and type
// checks what its rules ask about, then `tsc` builds and checks the same program again. Handing ESLint
// the program tsc has already checked (typescript-eslint's `parserOptions.programs`) does that work
// once: about a third of the CPU of the two run apart. The rules and the files are those of
// eslint.config.js and tsconfig.json; a TypeScript file the program does not hold is an error from
// typescript-eslint, so nothing is linted without its types.
//
// Exit code 1 when either reports an error; both always run, so one run shows every problem.
import ts from 'typescript';
import { ESLint } from 'eslint';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const colour = process.stdout.isTTY === true;
const host = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
};

/** The program `tsc -p tsconfig.json` builds, and its diagnostics (as tsc prints them). */
function typeCheck() {
  const configFile = resolve(root, 'tsconfig.json');
  const problems = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => problems.push(d) },
  );
  if (!parsed) return { program: undefined, diagnostics: problems };
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  return { program, diagnostics: [...problems, ...ts.getPreEmitDiagnostics(program)] };
}

const t0 = performance.now();
const { program, diagnostics } = typeCheck();
const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
if (diagnostics.length)
  process.stdout.write(
    colour
      ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host)
      : ts.formatDiagnostics(diagnostics, host),
  );
const t1 = performance.now();
console.log(
  `typecheck: ${errors.length ? `${errors.length} error(s)` : 'ok'} (${((t1 - t0) / 1000).toFixed(1)} s)`,
);

let lintFailed = true;
if (program) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parserOptions: { projectService: false, project: false, programs: [program] } },
    },
  });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  const text = await formatter.format(results);
  if (text) process.stdout.write(`${text}\n`);
  lintFailed = results.some((r) => r.errorCount > 0 || r.fatalErrorCount > 0);
  const files = results.length;
  console.log(
    `lint: ${lintFailed ? 'errors' : 'ok'}, ${files} files (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
  );
} else console.log('lint: not run (tsconfig.json did not parse)');

process.exit(errors.length || lintFailed ? 1 : 0);
