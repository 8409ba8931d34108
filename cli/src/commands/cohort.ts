import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Command } from 'commander';
import type { Scenario } from '@drill/engine';
import {
  cmp,
  COHORT_FORMATS,
  cohortReport,
  examine,
  formatDateRange,
  inDateRange,
  parseDateRange,
  renderCohort,
  type DateRange,
  type CohortFormat,
  type Examined,
  type Excluded,
  type RunDigest,
  type ScenarioLookup,
} from '@drill/cohort';
import { SHIPPED_IDS } from '@drill/scenarios';
import { userPath, UserError, writeFileAtomic } from '../io.ts';
import { reasonSaid, say } from '../say.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { cohortWorkerUrl } from './cohort-worker-url.ts';
import { langOption } from './report.ts';

/** From this many files on, verification runs in worker threads (one per core; start-up costs a second). */
const PARALLEL_FROM = 48;

/** Transcript files named on the command line; folders are searched (recursively) for .json and .jsonl. */
export function collectFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (shown: string, abs: string): void => {
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UserError(
        say(`cannot read ${shown}: no such file or folder`, `无法读取 ${shown}：没有这个文件或文件夹`),
      );
    }
    if (!st.isDirectory()) {
      out.push(shown);
      return;
    }
    for (const name of readdirSync(abs).sort(cmp)) {
      const p = join(abs, name);
      if (statSync(p).isDirectory()) walk(join(shown, name), p);
      else if (/\.jsonl?$/.test(name) && !name.startsWith('.')) out.push(join(shown, name));
    }
  };
  for (const a of args) walk(a, userPath(a));
  return out;
}

/**
 * Finds a transcript's scenario version: the `--scenario` files first, then the shipped scenarios by
 * id. A transcript recorded on another version (its content hash differs) finds none and is excluded.
 */
export function scenarioLookup(scenarioArgs: readonly string[]): { lookup: ScenarioLookup } {
  const given = scenarioArgs.map(scenarioFromArg);
  const shipped = new Map<string, Scenario | undefined>();
  const lookup: ScenarioLookup = (id, hash) => {
    let s = given.find((x) => x.id === id && x.contentHash === hash);
    if (!s && SHIPPED_IDS.includes(id)) {
      if (!shipped.has(id)) shipped.set(id, scenarioFromArg(id));
      const x = shipped.get(id);
      if (x?.contentHash === hash) s = x;
    }
    return s;
  };
  return { lookup };
}

/** Reads and verifies files in order, reporting each result (in a worker, or in-process for few files). */
export function examineFiles(
  files: readonly string[],
  scenarioArgs: readonly string[],
  each: (i: number, r: Examined) => void,
): void {
  const { lookup } = scenarioLookup(scenarioArgs);
  files.forEach((file, i) => {
    let text: string;
    try {
      text = readFileSync(userPath(file), 'utf8');
    } catch {
      each(i, { ok: false, excluded: { file, reason: 'cannot be read' } });
      return;
    }
    each(i, examine({ file, text }, lookup));
  });
}

/** No transcript among the paths given. */
const noTranscripts = (paths: readonly string[]): string =>
  say(
    `no transcripts (.json or .jsonl) found in ${paths.join(', ')}`,
    `在 ${paths.join('、')} 中没有找到演练记录（.json 或 .jsonl）`,
  );

function progressBar(total: number): { tick(): void; done(): void } {
  const tty = process.stderr.isTTY === true && total > 1;
  let n = 0;
  let last = -1;
  const draw = (): void => {
    const width = 30;
    const filled = Math.round((width * n) / total);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${say(`${n}/${total} verified`, `已校验 ${n}/${total}`)}`,
    );
  };
  return {
    tick() {
      n++;
      const pct = Math.floor((100 * n) / total);
      if (tty && pct !== last) {
        last = pct;
        draw();
      }
    },
    done() {
      if (tty) process.stderr.write('\r\u001b[2K');
    },
  };
}

/** Verifies every file, in worker threads when there are many; results in the files' order. */
export async function examinePaths(
  files: readonly string[],
  scenarioArgs: readonly string[],
  onProgress: () => void = () => {},
  threads = Math.min(4, Math.max(1, availableParallelism())),
): Promise<Examined[]> {
  const results: Examined[] = new Array(files.length);
  if (files.length < PARALLEL_FROM || threads < 2) {
    examineFiles(files, scenarioArgs, (i, r) => {
      results[i] = r;
      onProgress();
    });
    return results;
  }
  // Interleaved shares: long and short transcripts spread evenly over the threads.
  const shares = Array.from({ length: threads }, (_, t) =>
    files.map((_, i) => i).filter((i) => i % threads === t),
  );
  await Promise.all(
    shares.map(
      (idx) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(cohortWorkerUrl(), {
            workerData: { files: idx.map((i) => files[i]!), scenarios: [...scenarioArgs] },
          });
          w.on('message', (m: { i?: number; r?: Examined; done?: true; error?: string }) => {
            if (m.error !== undefined) reject(new UserError(m.error));
            else if (m.done) resolve();
            else if (m.i !== undefined && m.r) {
              results[idx[m.i]!] = m.r;
              onProgress();
            }
          });
          w.on('error', reject);
          w.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`a verification worker stopped (${code})`)),
          );
        }),
    ),
  );
  return results;
}

const split = (rs: readonly Examined[]): { runs: RunDigest[]; excluded: Excluded[] } => ({
  runs: rs.flatMap((r) => (r.ok ? [r.run] : [])),
  excluded: rs.flatMap((r) => (r.ok ? [] : [r.excluded])),
});

/** The runs started within a date range (all of them without one); excluded files stay listed. */
export function within(
  c: { runs: RunDigest[]; excluded: Excluded[] },
  range: DateRange | undefined,
): { runs: RunDigest[]; excluded: Excluded[] } {
  return range ? { runs: c.runs.filter((r) => inDateRange(r.startedAt, range)), excluded: c.excluded } : c;
}

interface CohortOptions {
  scenario?: string[];
  against?: string[];
  dates?: string;
  againstDates?: string;
  format?: string;
  out?: string;
  lang?: string;
}

export function register(program: Command): void {
  program
    .command('cohort')
    .description(
      'review a whole class: verify many transcripts and report scores, capabilities, decisions and progress (md, html, json, csv)',
    )
    .argument('<transcripts...>', 'transcripts (.json, .jsonl) or folders of them')
    .option(
      '--scenario <file>',
      'a scenario file the transcripts were recorded on, when not shipped (repeat for several)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--against <paths...>', 'a second cohort (transcripts or folders) to compare with')
    .option(
      '--dates <from..to>',
      'only runs started in this UTC date range, e.g. 2026-10-01..2026-10-31 (either end may be left open)',
    )
    .option(
      '--against-dates <from..to>',
      'compare with the runs started in this range (from the --against files, else from the same files)',
    )
    .option('--format <format>', `${COHORT_FORMATS.join(' | ')}`, 'md')
    .option('-o, --out <file>', 'write to this file (default: print)')
    .option('--lang <lang>', 'en | zh-CN (default from the environment)')
    .action(async (paths: string[], o: CohortOptions) => {
      const format = (o.format ?? 'md').toLowerCase().replace(/^markdown$/, 'md') as CohortFormat;
      if (!COHORT_FORMATS.includes(format))
        throw new UserError(
          say(
            `unknown format \`${o.format}\`: use ${COHORT_FORMATS.join(', ')}`,
            `未知的格式“${o.format}”：可选 ${COHORT_FORMATS.join('、')}`,
          ),
        );
      const lang = langOption(o.lang);
      const scenarios = o.scenario ?? [];
      const { lookup } = scenarioLookup(scenarios); // fails early on a broken --scenario file
      const range = (v: string | undefined): DateRange | undefined => {
        if (v === undefined) return undefined;
        const r = parseDateRange(v);
        if (!r.ok)
          throw new UserError(
            say(
              r.reason,
              `“${v}”不是可用的日期范围：写成 起..止，例如 2026-10-01..2026-10-31（UTC 日期 YYYY-MM-DD，也可写 YYYY、YYYY-MM 或 YYYY-MM-DDTHH:MM；任一端可留空，起不能晚于止）`,
            ),
          );
        return r.range;
      };
      const datesA = range(o.dates);
      const datesB = range(o.againstDates);
      const filesA = collectFiles(paths);
      // Two date ranges over the same files are two cohorts too.
      const sameFiles = !o.against && datesB !== undefined;
      const filesB = o.against ? collectFiles(o.against) : [];
      if (filesA.length === 0) throw new UserError(noTranscripts(paths));
      if (o.against && filesB.length === 0) throw new UserError(noTranscripts(o.against));
      const bar = progressBar(filesA.length + filesB.length);
      const all = await examinePaths([...filesA, ...filesB], scenarios, () => bar.tick());
      bar.done();
      const a = within(split(all.slice(0, filesA.length)), datesA);
      const b = sameFiles
        ? // Files that fail verification are listed once, with the first cohort.
          { runs: within(split(all.slice(0, filesA.length)), datesB).runs, excluded: [] }
        : o.against
          ? within(split(all.slice(filesA.length)), datesB)
          : undefined;
      for (const [label, c, r] of [
        ['', a, datesA],
        ['comparison ', b, datesB],
      ] as const)
        if (r && c && c.runs.length === 0)
          process.stderr.write(
            say(
              `note: no verified run in the ${label}range ${formatDateRange(r)}\n`,
              `注意：${label ? '对比' : ''}范围 ${formatDateRange(r)} 内没有通过校验的推演\n`,
            ),
          );
      // The figures need each version's scenario in this thread too (prompts, options, feedback).
      const seen = new Map<string, Scenario>();
      for (const r of all)
        if (r.ok && !seen.has(r.run.contentHash)) {
          const s = lookup(r.run.scenarioId, r.run.contentHash);
          if (s) seen.set(r.run.contentHash, s);
        }
      const report = cohortReport(a, b, (h) => seen.get(h));
      const text = renderCohort(report, format, lang);
      const excluded = report.excluded.length + (report.against?.report.excluded.length ?? 0);
      if (o.out) {
        const path = userPath(o.out);
        writeFileAtomic(path, text);
        const runs = report.runs + (report.against?.report.runs ?? 0);
        process.stderr.write(
          say(
            `cohort report (${format}, ${lang}): ${runs} runs analysed, ${excluded} left out: ${path}\n`,
            `学员整体报告（${format}，${lang}）：分析${runs}份记录，排除${excluded}份：${path}\n`,
          ),
        );
      } else process.stdout.write(text);
      if (excluded > 0 && o.out)
        for (const x of [...report.excluded, ...(report.against?.report.excluded ?? [])])
          process.stderr.write(
            say(`  left out ${x.file}: ${x.reason}\n`, `  已排除 ${x.file}：${reasonSaid(x.reason)}\n`),
          );
      process.exitCode = 0;
    });
}
