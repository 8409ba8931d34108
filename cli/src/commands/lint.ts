import type { Command } from 'commander';
import { diagnosticLine, lintScenario, sortDiagnostics, type Diagnostic } from '@drill/engine';
import { loadScenarioFile, resolveScenarioPath } from '@drill/scenarios';
import { messageLang, say } from '../say.ts';

export interface LintFileResult {
  file: string;
  /** Errors (the file does not compile) or the compiler's and lint's warnings. */
  diagnostics: Diagnostic[];
  compiled: boolean;
}

/**
 * Compiles a file and lints it. The compiler's own `no-fallback-ending` warning is left out because
 * lint's `dead-end` rule checks the same thing more precisely (endings whose conditions cover every case
 * need no fallback).
 */
export function lintFile(path: string): LintFileResult {
  const r = loadScenarioFile(path);
  if (!r.ok) return { file: path, diagnostics: r.diagnostics, compiled: false };
  const warnings = r.warnings.filter((d) => d.code !== 'no-fallback-ending');
  return {
    file: path,
    diagnostics: sortDiagnostics([...warnings, ...lintScenario(r.scenario, r.source)]),
    compiled: true,
  };
}

/** Exit status: 1 if a file does not compile, or (strict) if there is any warning. */
export function lintExitCode(results: readonly LintFileResult[], strict: boolean): number {
  return results.some((r) => !r.compiled || (strict && r.diagnostics.length > 0)) ? 1 : 0;
}

export function register(program: Command): void {
  program
    .command('lint')
    .description(
      'warn about loose ends: unreachable injects and decisions, dead ends, unscored objectives, clashing deadlines, missing translations, constant conditions',
    )
    .argument('<files...>', 'scenario files (or shipped ids)')
    .option('--strict', 'warnings fail too (exit 1)')
    .option('--json', 'print the diagnostics as JSON')
    .action((files: string[], o: { strict?: boolean; json?: boolean }) => {
      const results = files.map((f) => ({
        ...lintFile(resolveScenarioPath(f, process.env.INIT_CWD ?? process.cwd())),
        arg: f,
      }));
      if (o.json)
        process.stdout.write(
          `${JSON.stringify(
            results.flatMap((r) => r.diagnostics),
            null,
            1,
          )}\n`,
        );
      else
        for (const r of results) {
          // In a Chinese terminal, the words the web app and the room server give (diagnosticView).
          for (const d of r.diagnostics) process.stdout.write(`${diagnosticLine(d, messageLang())}\n`);
          const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
          const warnings = r.diagnostics.length - errors;
          if (!r.compiled)
            process.stdout.write(
              say(
                `${errors} error(s) in ${r.arg}: fix them before linting\n`,
                `${r.arg} 有 ${errors} 处错误：请先改正再检查\n`,
              ),
            );
          else if (warnings)
            process.stdout.write(
              say(
                `${warnings} warning(s) in ${r.arg}${o.strict ? ' (--strict: failing)' : ''}\n`,
                `${r.arg} 有 ${warnings} 处警告${o.strict ? '（--strict：视为失败）' : ''}\n`,
              ),
            );
          else process.stdout.write(say(`ok: ${r.arg} (no warnings)\n`, `ok: ${r.arg}（没有警告）\n`));
        }
      process.exitCode = lintExitCode(results, o.strict === true);
    });
}
