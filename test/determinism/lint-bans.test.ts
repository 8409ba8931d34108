import { ESLint } from 'eslint';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The probes this file lints, by absolute path: each a file of its own (engine/src/probe-3.ts, …), so
 * one TypeScript program holds them all. They are registered while the tests are collected and linted
 * once all are known.
 */
const probes = new Map<string, string>();
function probe(code: string, dir: 'engine/src' | 'cli/src'): string {
  const path = resolve(root, dir, `probe-${probes.size}.ts`);
  probes.set(path, code);
  return path;
}

/**
 * ESLint as `pnpm test` runs it (test/tools/check.mjs): eslint.config.js with the type-aware rules
 * reading a TypeScript program handed to them, here a program of the probes alone with the compiler
 * options of tsconfig.json. Left to itself (projectService), ESLint would build a program of the whole
 * repository for the first probe (the default project is tsconfig.json): about 14 s of CPU to lint
 * thirteen one-line files, all of it work check.mjs does anyway.
 */
let linter: ESLint | undefined;
function eslint(): ESLint {
  if (linter) return linter;
  const parsed = ts.getParsedCommandLineOfConfigFile(
    resolve(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => probes.has(f) || fileExists(f);
  host.readFile = (f) => probes.get(f) ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) => {
    const code = probes.get(f);
    return code === undefined ? getSourceFile(f, lang, ...rest) : ts.createSourceFile(f, code, lang, true);
  };
  const program = ts.createProgram({ rootNames: [...probes.keys()], options: parsed.options, host });
  linter = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parserOptions: { projectService: false, project: false, programs: [program] } },
    },
  });
  return linter;
}

async function messages(path: string): Promise<string[]> {
  const [r] = await eslint().lintText(probes.get(path)!, { filePath: path });
  // A probe the program did not hold would be a parse error (fatal), not silence.
  expect(r!.fatalErrorCount).toBe(0);
  return r!.messages.map((m) => m.message);
}

describe('the determinism contract is enforced by lint inside engine/', () => {
  const banned = [
    ['Math.random()', /seeded generator/],
    ['Date.now()', /scenario clock/],
    ['new Date()', /new Date\(\) is banned/],
    ['performance.now()', /scenario clock/],
    ['setTimeout(() => 0, 10)', /not allowed inside engine/],
    ['setInterval(() => 0, 10)', /not allowed inside engine/],
    ["eval('1')", /never eval/],
    ["new Function('return 1')", /never new Function/],
  ] as const;
  for (const [code, msg] of banned) {
    const file = probe(`export const x = ${code};\n`, 'engine/src');
    it(`rejects ${code} in engine/src`, async () => {
      expect((await messages(file)).join('\n')).toMatch(msg);
    });
  }
  const io = probe("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'engine/src');
  it('rejects file-system and network imports in engine/src', async () => {
    expect((await messages(io)).join('\n')).toMatch(/No I\/O inside engine/);
  });
  const shell = probe('export const x = Date.now() + Math.random();\n', 'cli/src');
  it('allows the same code outside the engine (the shells own clocks and I/O)', async () => {
    expect(await messages(shell)).toEqual([]);
  });
});

describe('the house style is enforced by the tools pnpm test runs', () => {
  const floating = probe(
    'async function save(): Promise<void> {}\nexport function go(): void {\n  save();\n}\n',
    'cli/src',
  );
  it('rejects a floating promise (a write nobody awaits)', async () => {
    expect((await messages(floating)).join('\n')).toMatch(/Promises must be awaited/);
  });
  const partialSwitch = probe(
    "type Kind = 'a' | 'b';\nexport function f(k: Kind): number {\n  switch (k) {\n    case 'a':\n      return 1;\n  }\n  return 0;\n}\n",
    'engine/src',
  );
  it('rejects a switch over a union that misses a member', async () => {
    expect((await messages(partialSwitch)).join('\n')).toMatch(/Switch is not exhaustive/);
  });
  it('prettier finds an unformatted file', async () => {
    const prettier = await import('prettier');
    const options = {
      ...(await prettier.resolveConfig(resolve(root, 'engine/src/step.ts'))),
      filepath: 'x.ts',
    };
    expect(await prettier.check('export const x = {a:1}\n', options)).toBe(false);
    expect(await prettier.check('export const x = { a: 1 };\n', options)).toBe(true);
  });
});
