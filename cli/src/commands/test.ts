import type { Command } from 'commander';
import { UserError } from '../io.ts';
import { messageLang, say } from '../say.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import type { CoverageReport } from '../coverage/aggregate.ts';
import { progressBar, renderCoverage } from '../coverage/render.ts';
import { runCoverage } from '../coverage/run-coverage.ts';

export interface TestOptions {
  runs?: string;
  seed?: string;
  json?: boolean;
  requireFull?: boolean;
  workers?: string;
}

/** Exit status: 1 on any engine error, or (--require-full) when a decision point or ending was never reached. */
export function coverageExitCode(r: CoverageReport, requireFull: boolean): number {
  if (r.errors.length) return 1;
  if (requireFull && (r.never.decisions.length || r.never.endings.length)) return 1;
  return 0;
}

function positiveInt(v: string | undefined, name: string, dflt: number, min = 1): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new UserError(
      say(
        `${name} must be a whole number ≥ ${min}, not \`${v}\``,
        `${name} 须为不小于 ${min} 的整数，而不是“${v}”`,
      ),
    );
  return n;
}

export async function testCommand(scenarioArg: string, o: TestOptions): Promise<number> {
  const scenario = scenarioFromArg(scenarioArg);
  const runs = positiveInt(o.runs, '--runs', 300);
  const workers = o.workers === undefined ? undefined : positiveInt(o.workers, '--workers', 1);
  const seed = o.seed ?? '1';
  const tty = process.stderr.isTTY === true && !o.json;
  const t0 = performance.now();
  const { report, workers: used } = await runCoverage(scenario, {
    runs,
    seed,
    ...(workers !== undefined ? { workers } : {}),
    ...(tty
      ? {
          onProgress: (d: number, n: number) =>
            (d === n || d % 5 === 0) && process.stderr.write(progressBar(d, n, 30, messageLang())),
        }
      : {}),
  });
  if (tty) process.stderr.write('\n');
  const seconds = (performance.now() - t0) / 1000;
  if (o.json)
    process.stdout.write(
      `${JSON.stringify({ ...report, threads: used, seconds: Math.round(seconds * 10) / 10 }, null, 1)}\n`,
    );
  else {
    process.stdout.write(renderCoverage(report, { workers: used, seconds, lang: messageLang() }));
    if (o.requireFull && (report.never.decisions.length || report.never.endings.length))
      process.stdout.write(
        say(
          `--require-full: never reached: ${[...report.never.decisions, ...report.never.endings].join(', ')}\n`,
          `--require-full：从未触发：${[...report.never.decisions, ...report.never.endings].join('、')}\n`,
        ),
      );
  }
  return coverageExitCode(report, o.requireFull === true);
}

export function register(program: Command): void {
  program
    .command('test')
    .description(
      'coverage autoplay: play N seeded drills with random, best and worst players and report what was reached',
    )
    .argument('<scenario>', 'shipped scenario id or path to a .yaml file')
    .option('--runs <n>', 'number of playthroughs (default 300)')
    .option('--seed <seed>', 'seed of the whole run; run i uses <seed>-i (default 1)')
    .option('--json', 'print the report as JSON')
    .option('--require-full', 'fail (exit 1) if a decision point or ending was never reached')
    .option(
      '--workers <n>',
      'worker threads (default: all cores when the runs would take more than a few seconds; 1 = this thread only)',
    )
    .action(async (scenario: string, o: TestOptions) => {
      process.exitCode = await testCommand(scenario, o);
    });
}
