import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '@drill/scenarios';
import { analyseCohort } from '../src/index.ts';
import { generateCohort } from './generate.ts';
import { drillInProcess, type DrillResult } from '../../cli/src/testing/drill-in-process.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'cli', 'bin', 'drill.mjs');
const T = 300_000;
const typhoon = loadScenario('typhoon');

/** The test's environment in the C locale, colour left to the command. */
function env(): Record<string, string> {
  const e = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['NO_COLOR', 'FORCE_COLOR', 'INIT_CWD'].includes(k)),
  ) as Record<string, string>;
  return { ...e, LANG: 'C' };
}

/**
 * Runs the real `drill` command as its own process, as `pnpm drill` does (the bundle): the last test,
 * whose point is the bundle's worker threads verifying many files.
 */
function spawned(args: string[]): DrillResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: env(),
    encoding: 'utf8',
    timeout: 280_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/**
 * `drill ARGS` in this process (drillInProcess: the same command line, output, files and exit code,
 * without a ~0.5 s process start each): what the other tests check is the command's options and output.
 */
const drill = (args: string[]): Promise<DrillResult> => drillInProcess(args, { env: env(), cwd: ROOT });

let dir: string;
let many: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'drill-cohort-cli-'));
  const runs = generateCohort(typhoon, [
    { policy: 'best', seed: 1, name: 'A' },
    { policy: 'worst', seed: 2, name: 'B' },
    { policy: 'random', seed: 3, name: 'C' },
  ]);
  mkdirSync(join(dir, 'class', 'day2'), { recursive: true });
  writeFileSync(join(dir, 'class', runs[0]!.file), JSON.stringify(runs[0]!.transcript));
  writeFileSync(join(dir, 'class', 'day2', runs[1]!.file), JSON.stringify(runs[1]!.transcript));
  writeFileSync(join(dir, 'class', runs[2]!.file), JSON.stringify(runs[2]!.transcript));
  const forged = structuredClone(runs[0]!.transcript);
  forged.result!.score.overall = 42; // the best run already scores 100: forge another number
  writeFileSync(join(dir, 'class', 'forged.json'), JSON.stringify(forged));
  writeFileSync(join(dir, 'class', 'notes.json'), '{"hello": "world"}');
  writeFileSync(join(dir, 'class', 'readme.txt'), 'not a transcript, not read');
  // Enough files for the worker threads: copies of the three runs.
  many = join(dir, 'many');
  mkdirSync(many);
  for (let i = 0; i < 50; i++)
    writeFileSync(
      join(many, `run-${String(i).padStart(2, '0')}.json`),
      JSON.stringify(runs[i % 3]!.transcript),
    );
  copyFileSync(join(dir, 'class', 'forged.json'), join(many, 'zz-forged.json'));
});

describe('drill cohort', () => {
  it(
    'reads a folder recursively, verifies, and names what it left out (JSON)',
    async () => {
      const r = await drill(['cohort', join(dir, 'class'), '--format', 'json']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.runs).toBe(3);
      expect(j.groups[0].overview.people).toEqual(['A', 'B', 'C']);
      const left = Object.fromEntries(
        (j.excluded as { file: string; reason: string }[]).map((x) => [x.file.split('/').at(-1), x.reason]),
      );
      expect(Object.keys(left).sort()).toEqual(['forged.json', 'notes.json']);
      expect(left['forged.json']).toMatch(/recorded score differs/);
      expect(left['notes.json']).toMatch(/header|entries|transcript/);
    },
    T,
  );

  it(
    'writes Chinese Markdown and CSV, and compares with --against',
    async () => {
      const out = join(dir, 'class.md');
      const r = await drill([
        'cohort',
        join(dir, 'class'),
        '--against',
        join(dir, 'class', 'day2'),
        '--format',
        'md',
        '--lang',
        'zh-CN',
        '-o',
        out,
      ]);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/3 runs analysed|4 runs analysed/);
      const md = readFileSync(out, 'utf8');
      expect(md).toContain('# 学员整体报告');
      expect(md).toContain('## 本批与另一批对比');
      expect(md).not.toContain('Cohort report');
      const csv = await drill(['cohort', join(dir, 'class'), '--format', 'csv']);
      expect(csv.code).toBe(0);
      expect(csv.out.trimEnd().split('\r\n')).toHaveLength(1 + typhoon.decisions.length);
    },
    T,
  );

  it(
    'compares two date ranges of the same files (UTC start dates), and refuses a bad range',
    async () => {
      const r = await drill([
        'cohort',
        join(dir, 'class'),
        '--dates',
        '2026-10-01..2026-10-02',
        '--against-dates',
        '2026-10-03..',
        '--format',
        'json',
      ]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.runs).toBe(2);
      expect(j.groups[0].overview.people).toEqual(['A', 'B']);
      expect(j.against.report.runs).toBe(1);
      expect(j.against.report.groups[0].overview.people).toEqual(['C']);
      // The files that fail verification are listed once, with the first cohort.
      expect(j.excluded).toHaveLength(2);
      expect(j.against.report.excluded).toHaveLength(0);
      const bad = await drill(['cohort', join(dir, 'class'), '--dates', '2026-10-31..2026-10-01']);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/the range `2026-10-31\.\.2026-10-01` ends before it starts/);
      expect(bad.err).not.toMatch(/\n\s+at /);
    },
    T,
  );

  it(
    'bad input gives a clear message and no stack trace',
    async () => {
      const f = await drill(['cohort', join(dir, 'class'), '--format', 'pdf']);
      expect(f.code).toBe(2);
      expect(f.err).toMatch(/unknown format `pdf`: use md, html, json, csv/);
      const n = await drill(['cohort', join(dir, 'nowhere')]);
      expect(n.code).toBe(2);
      expect(n.err).toMatch(/cannot read .*nowhere: no such file or folder/);
      for (const e of [f.err, n.err]) expect(e).not.toMatch(/\n\s+at /);
    },
    T,
  );

  it(
    'verifies many files in worker threads with the same result as in one thread',
    () => {
      const r = spawned(['cohort', many, '--format', 'json']);
      expect(r.code).toBe(0);
      const parallel = JSON.parse(r.out);
      const serial = analyseCohort(
        Array.from({ length: 50 }, (_, i) => `run-${String(i).padStart(2, '0')}.json`)
          .concat('zz-forged.json')
          .map((f) => ({ file: join(many, f), text: readFileSync(join(many, f), 'utf8') })),
        (id, h) => (id === typhoon.id && h === typhoon.contentHash ? typhoon : undefined),
      );
      expect(parallel).toEqual(JSON.parse(JSON.stringify(serial)));
      expect(parallel.runs).toBe(50);
      expect(parallel.excluded).toHaveLength(1);
    },
    T,
  );
});
