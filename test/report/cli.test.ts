import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { autoplay, type Transcript } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { drillInProcess, type DrillResult } from '../../cli/src/testing/drill-in-process.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'cli', 'bin', 'drill.mjs');
const T = { timeout: 240_000 };

/** The environment the commands run in: the test's, in the C locale, colour left to the command. */
function env(extra: Record<string, string> = {}): Record<string, string> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['NO_COLOR', 'FORCE_COLOR', 'INIT_CWD'].includes(k)),
  ) as Record<string, string>;
  return { ...base, LANG: 'C', ...extra };
}

/**
 * Runs the real `drill` command as its own process (as `pnpm drill` does: cli/bin/drill.mjs, the
 * bundle). The first test does, so the bundle's review, its exit status and NO_COLOR read at its start
 * are checked in a process; the rest run the same command line in this process (drillInProcess): what
 * they check is each command's output, files and exit code, and a spawn costs ~0.5 s of CPU to start.
 */
function spawned(args: string[], extra: Record<string, string> = {}): DrillResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: env(extra),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** `drill ARGS` in this process (see `spawned`). */
const drill = (args: string[], extra: Record<string, string> = {}): Promise<DrillResult> =>
  drillInProcess(args, { env: env(extra), cwd: ROOT });

let dir: string;
let a: string;
let b: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'drill-report-'));
  const typhoon = loadScenario('typhoon');
  const write = (name: string, t: Transcript): string => {
    const p = join(dir, name);
    writeFileSync(p, JSON.stringify(t));
    return p;
  };
  a = write(
    'a.json',
    autoplay(typhoon, {
      seed: '7',
      policy: 'random',
      startedAt: '2026-05-20T01:30:00.000Z',
      participants: [{ id: 'p1', name: 'Li Wei', team: 'red', roles: ['all'] }],
    }).transcript(),
  );
  b = write(
    'b.json',
    autoplay(typhoon, {
      seed: '7',
      policy: 'best',
      startedAt: '2026-05-20T02:30:00.000Z',
      participants: [{ id: 'p1', name: 'Li Wei', team: 'blue', roles: ['all'] }],
    }).transcript(),
  );
});

describe('drill review / report / compare / override', () => {
  it(
    'review prints the timeline, each decision with its feedback, ratings with evidence; plain without colour under NO_COLOR',
    T,
    async () => {
      const r = spawned(['review', a, '--lang', 'en', '--width', '100'], { NO_COLOR: '1', FORCE_COLOR: '1' });
      expect(r.code).toBe(0);
      expect(r.out).toContain('TIMELINE OF KEY INJECTS AND DECISIONS');
      expect(r.out).toContain('◆ Decision');
      expect(r.out).toContain('Feedback: ');
      expect(r.out).toContain('ANALYSIS OF CAPABILITIES');
      expect(r.out).toMatch(/✓ verified/);
      expect(r.out).not.toContain('\u001b[');
      for (const line of r.out.split('\n')) expect([...line].length).toBeLessThanOrEqual(100 + 30);
      const coloured = await drill(['review', a, '--lang', 'zh-CN', '--color']);
      expect(coloured.out).toContain('\u001b[');
      expect(coloured.out).toContain('关键情景注入与决策时间线');
    },
  );

  it('report writes Markdown, HTML and JSON in English and Chinese', T, async () => {
    for (const [format, lang, needle] of [
      ['md', 'en', '## 9. Improvement Plan'],
      ['md', 'zh-CN', '## 9. 改进计划'],
      ['html', 'en', '<svg'],
      ['html', 'zh-CN', '<html lang="zh-CN">'],
      ['json', 'en', '"format": "drill-aar/1"'],
    ] as const) {
      const out = join(dir, `r.${lang}.${format}`);
      const r = await drill(['report', a, '--format', format, '--lang', lang, '-o', out]);
      expect(r.code, r.err).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain(needle);
    }
    const json = JSON.parse(readFileSync(join(dir, 'r.en.json'), 'utf8')) as {
      verification: { ok: boolean };
      overall: { score: number };
    };
    expect(json.verification.ok).toBe(true);
    const t = JSON.parse(readFileSync(a, 'utf8')) as Transcript;
    expect(json.overall.score).toBe(t.result!.score.overall);
  });

  it('report refuses a transcript that fails verify, with the reason, unless --unverified', T, async () => {
    const t = JSON.parse(readFileSync(a, 'utf8')) as Transcript;
    t.result!.score.overall = 99.5;
    const bad = join(dir, 'tampered.json');
    writeFileSync(bad, JSON.stringify(t));
    const r = await drill(['report', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/fails verification: the recorded score differs .* score\.overall/);
    expect(r.out).toBe('');
    const u = await drill(['report', bad, '--unverified', '--format', 'md']);
    expect(u.code).toBe(0);
    expect(u.out).toContain('NOT VERIFIED: the recorded score differs');
  });

  it(
    'override appends an evaluator override that verify keeps and the report shows beside the proposed rating',
    T,
    async () => {
      const out = join(dir, 'a-override.json');
      const r = await drill([
        'override',
        a,
        '--capability',
        'protective_actions',
        '--rating',
        'P',
        '--note',
        'Strong recall under pressure',
        '--by',
        'Evaluator Wang',
        '-o',
        out,
      ]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/override recorded: protective_actions \(overall\): proposed [PSMU] → final P/);
      expect((await drill(['verify', out])).code).toBe(0);
      const md = (await drill(['report', out, '--format', 'md'])).out;
      expect(md).toMatch(
        /> Evaluator override: [PSMU] → \*\*P\*\* \(by Evaluator Wang\) — Strong recall under pressure/,
      );
      const team = await drill([
        'override',
        a,
        '--capability',
        'protective_actions',
        '--rating',
        'U',
        '--note',
        'x',
        '--subject',
        'team:green',
        '-o',
        join(dir, 'x.json'),
      ]);
      expect(team.code).toBe(2);
      expect(team.err).toContain('there is no team `green` in this drill (teams: red)');
    },
  );

  it(
    'compare shows where two teams first diverged and their ratings and outcomes side by side',
    T,
    async () => {
      const r = await drill(['compare', a, b, '--lang', 'en']);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('WHERE THEY FIRST DIVERGED');
      expect(r.out).toMatch(/WHERE THEY FIRST DIVERGED\n\n.+\(T[+-]?\d/);
      expect(r.out).toContain('ANALYSIS OF CAPABILITIES');
      expect(r.out).toContain('OUTCOMES');
      // The same person in both teams is listed per team, never merged into one best result.
      expect(r.out).toMatch(/Li Wei \(several teams\)\s+Team red: [\d.]+\s+Team blue: [\d.]+/);
      const json = JSON.parse((await drill(['compare', a, b, '--json'])).out) as {
        firstDivergence: { decision: string; at: number } | null;
        runs: { teams: string }[];
      };
      expect(json.firstDivergence?.decision).toMatch(/^[a-z]/);
      expect(json.runs.map((x) => x.teams)).toEqual(['red', 'blue']);
    },
  );

  it('compare refuses transcripts of different seeds or scenarios with a clear message', T, async () => {
    const typhoon = loadScenario('typhoon');
    const other = join(dir, 'seed8.json');
    writeFileSync(other, JSON.stringify(autoplay(typhoon, { seed: '8', policy: 'best' }).transcript()));
    const r = await drill(['compare', a, other]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /cannot compare: .*a\.json is scenario `typhoon` .* with seed 7, but .*seed8\.json is `typhoon` .* with seed 8/,
    );
    expect(r.err).toContain('compare only runs of the same scenario and seed');
  });
});
