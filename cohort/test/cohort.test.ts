import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  playOut,
  policyChoice,
  policyRandom,
  Session,
  sha256Hex,
  soloParticipant,
  type Scenario,
} from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import {
  analyseCohort,
  cohortReport,
  cohortStrings,
  compareCohorts,
  examine,
  quantile,
  renderCohort,
  type CohortFile,
  type CohortReport,
  type Examined,
  type ScenarioLookup,
} from '../src/index.ts';
import { generateCohort, type GeneratedRun } from './generate.ts';

const typhoon = loadScenario('typhoon');
// Another version of the typhoon: same drill, different content hash (as after an edit to its text).
const variant: Scenario = { ...typhoon, version: '1.0.1', contentHash: sha256Hex('typhoon 1.0.1 (test)') };
const lookup: ScenarioLookup = (id, hash) =>
  id !== 'typhoon'
    ? undefined
    : hash === typhoon.contentHash
      ? typhoon
      : hash === variant.contentHash
        ? variant
        : undefined;

let best: GeneratedRun[];
let worst: GeneratedRun[];
let files: CohortFile[];
let report: CohortReport;
const fileOf = (r: GeneratedRun): CohortFile => ({ file: r.file, text: JSON.stringify(r.transcript) });

beforeAll(() => {
  // 6 best players B0…B5 (days 11–16) and 6 worst players W0…W4 (days 1–5) plus a first, worst attempt
  // by B0 (day 6): B0 improved from all U to all P.
  best = generateCohort(
    typhoon,
    [0, 1, 2, 3, 4, 5].map((i) => ({ policy: 'best', seed: i, name: `B${i}`, day: 11 + i })),
  );
  worst = generateCohort(
    typhoon,
    [0, 1, 2, 3, 4, 5].map((i) => ({
      policy: 'worst',
      seed: 10 + i,
      name: i < 5 ? `W${i}` : 'B0',
      day: 1 + i,
    })),
  );
  const tampered = generateCohort(typhoon, [{ policy: 'best', seed: 99, name: 'T', day: 20 }])[0]!;
  const firstChoice = tampered.transcript.entries.find((e) => e.input.type === 'choose')!;
  (firstChoice.input as { rationale?: string }).rationale = 'changed afterwards';
  files = [...best, ...worst].map(fileOf);
  files.push({ file: 'tampered.json', text: JSON.stringify(tampered.transcript) });
  report = analyseCohort(files, lookup);
});

describe('a generated cohort: 6 best and 6 worst players on the typhoon', () => {
  it('verifies every file and names the tampered one with verify’s reason, out of every figure', () => {
    expect(report.runs).toBe(12);
    expect(report.excluded).toHaveLength(1);
    expect(report.excluded[0]!.file).toBe('tampered.json');
    expect(report.excluded[0]!.reason).toMatch(
      /entry \d+: recorded decision was changed after it was written/,
    );
    const g = report.groups[0]!;
    expect(g.overview.runs).toBe(12);
    expect(g.overview.people).not.toContain('T');
    expect(g.scores.bins.reduce((a, b) => a + b, 0)).toBe(12);
  });

  it('score distribution: median between the worst players’ best and the best players’ worst', () => {
    const g = report.groups[0]!;
    const bestScores = best.map((r) => r.transcript.result!.score.overall);
    const worstScores = worst.map((r) => r.transcript.result!.score.overall);
    // By construction every worst run scores below every best run.
    expect(Math.max(...worstScores)).toBeLessThan(Math.min(...bestScores));
    expect(g.scores.median).toBeCloseTo((Math.max(...worstScores) + Math.min(...bestScores)) / 2, 6);
    expect(g.scores.min).toBe(Math.min(...worstScores));
    expect(g.scores.max).toBe(Math.max(...bestScores));
    const bins = Array.from({ length: 10 }, () => 0);
    for (const s of [...bestScores, ...worstScores]) bins[Math.min(9, Math.floor(s / 10))]!++;
    expect(g.scores.bins).toEqual(bins);
  });

  it('heatmap: best players all P, worst players all U; a repeat player shows the latest run', () => {
    const g = report.groups[0]!;
    expect(g.heatmap.map((r) => r.subject)).toEqual([
      'B0',
      'B1',
      'B2',
      'B3',
      'B4',
      'B5',
      'W0',
      'W1',
      'W2',
      'W3',
      'W4',
    ]);
    const caps = typhoon.capabilities.map((c) => c.id);
    for (const row of g.heatmap) {
      const want = row.subject.startsWith('B') ? 'P' : 'U';
      expect(Object.values(row.cells)).toEqual(caps.map(() => want));
    }
    for (const c of caps) expect(g.capabilityCounts[c]).toEqual({ P: 6, S: 0, M: 0, U: 5, 'not-rated': 0 });
  });

  it('progress: the player with two attempts went from all U to all P', () => {
    const g = report.groups[0]!;
    expect(g.progress).toHaveLength(1);
    const p = g.progress[0]!;
    expect(p.subject).toBe('B0');
    expect(p.attempts).toBe(2);
    expect(p.first.file).toBe(worst[5]!.file);
    expect(p.latest.file).toBe(best[0]!.file);
    expect(new Set(Object.values(p.first.ratings))).toEqual(new Set(['U']));
    expect(new Set(Object.values(p.latest.ratings))).toEqual(new Set(['P']));
  });

  it('per decision: the first decision is split half and half, on time, with the worst option as the costly choice', () => {
    const g = report.groups[0]!;
    const dp = typhoon.decisions[0]!;
    expect(dp.kind).toBe('single');
    const scores = dp.options.map((o) => o.score ?? 0);
    const top = dp.options[scores.indexOf(Math.max(...scores))]!;
    const low = dp.options[scores.indexOf(Math.min(...scores))]!;
    const d = g.decisions.find((x) => x.id === dp.id)!;
    expect(d.reached).toBe(12);
    expect(d.decided).toBe(12);
    expect(d.options.find((o) => o.id === top.id)).toMatchObject({ share: 0.5, best: true });
    expect(d.options.find((o) => o.id === low.id)).toMatchObject({ share: 0.5, best: false });
    expect(d.options.filter((o) => o.id !== top.id && o.id !== low.id).every((o) => o.share === 0)).toBe(
      true,
    );
    expect([d.onTime, d.late, d.missed]).toEqual([1, 0, 0]);
    expect(d.medianElapsedMs).toBeNull();
    expect(d.creditLost).toBeCloseTo(6 * ((top.score ?? 0) - (low.score ?? 0)), 6);
    expect(d.costly).toMatchObject({ options: [low.id], count: 6, share: 0.5 });
    expect(d.costly!.feedback).toEqual(low.feedback !== undefined ? [low.feedback] : []);
    // Ordered by credit lost, most first.
    const lost = g.decisions.map((x) => x.creditLost);
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
  });

  it('divergence: every worst run leaves the best path at the first decision; every best run stays on it', () => {
    const g = report.groups[0]!;
    expect(g.divergence).toEqual([{ decision: typhoon.decisions[0]!.id, runs: 6, share: 0.5 }]);
    expect(g.stayedOnBestPath).toBe(6);
  });

  it('figures do not depend on the order of the input files', () => {
    const reversed = analyseCohort([...files].reverse(), lookup);
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(report));
  });

  it('property: any order of the examined runs gives the same report', () => {
    const examined: Examined[] = files.map((f) => examine(f, lookup));
    const split = (xs: Examined[]) => ({
      runs: xs.flatMap((x) => (x.ok ? [x.run] : [])),
      excluded: xs.flatMap((x) => (x.ok ? [] : [x.excluded])),
    });
    const byHash = (h: string) => lookup('typhoon', h);
    const want = JSON.stringify(cohortReport(split(examined), undefined, byHash));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(examined, { minLength: examined.length, maxLength: examined.length }),
        (xs) => {
          expect(JSON.stringify(cohortReport(split(xs), undefined, byHash))).toBe(want);
        },
      ),
      { numRuns: 60, seed: 15 },
    );
  });
});

describe('versions, scenarios and comparisons', () => {
  it('groups transcripts of different scenario versions and excludes an unknown one', () => {
    const onVariant = generateCohort(variant, [
      { policy: 'best', seed: 1, name: 'V1' },
      { policy: 'worst', seed: 2, name: 'V2' },
    ]).map(fileOf);
    const unknown = { ...typhoon, contentHash: sha256Hex('nobody has this version') };
    const lost = generateCohort(unknown, [{ policy: 'best', seed: 3, name: 'U' }]).map((r) => ({
      ...fileOf(r),
      file: 'unknown-version.json',
    }));
    const r = analyseCohort([...files.slice(0, 4), ...onVariant, ...lost], lookup);
    // Groups come in version order (code points), whatever the shipped typhoon's version is.
    const expected: [string, number][] = [
      [typhoon.version, 4],
      [variant.version, 2],
    ];
    expect(r.groups.map((g) => [g.version, g.overview.runs])).toEqual(
      expected.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    );
    expect(r.groups.find((g) => g.version === variant.version)!.overview.people).toEqual(['V1', 'V2']);
    expect(r.excluded).toEqual([
      {
        file: 'unknown-version.json',
        reason: expect.stringMatching(/is not available: name its file with --scenario/),
      },
    ]);
  });

  it('comparison: two halves of the same mix differ only by seed variation; best against worst does not', () => {
    const ex = (rs: GeneratedRun[]) =>
      rs.map((x) => examine(fileOf(x), lookup)).flatMap((x) => (x.ok ? [x.run] : []));
    const a = ex([...best.slice(0, 3), ...worst.slice(0, 3)]);
    const b = ex([...best.slice(3), ...worst.slice(3)]);
    const same = compareCohorts(a, b)[0]!;
    expect(same.runsA).toBe(6);
    expect(same.differences.every((d) => !d.beyondSeeds)).toBe(true);
    const apart = compareCohorts(ex(worst), ex(best))[0]!;
    const overall = apart.differences.find((d) => d.what === 'overall')!;
    expect(overall.diff!).toBeGreaterThan(80);
    expect(overall.beyondSeeds).toBe(true);
    expect(overall.p!).toBeLessThan(0.05);
    // Deterministic: the permutation test uses a fixed seed.
    expect(compareCohorts(ex(worst), ex(best))).toEqual([apart]);
  });

  it('pressure mode: the median time taken per decision, and the mode counted', () => {
    const pressured = [1000, 2000, 6000].map((ms, i) => {
      const s = Session.start(typhoon, {
        seed: 40 + i,
        participants: [soloParticipant(`P${i}`)],
        startedAt: `2026-11-0${i + 1}T08:00:00.000Z`,
        meta: { mode: 'interactive', pressure: '60' },
      });
      if ('error' in s) throw new Error(s.error);
      const rnd = policyRandom('best', String(i));
      playOut(s, {
        choose: (st) => {
          const c = policyChoice(typhoon, st, 'best', rnd);
          return c ? { ...c, elapsedMs: ms } : undefined;
        },
      });
      return { file: `p${i}.json`, text: JSON.stringify(s.transcript()) };
    });
    const g = analyseCohort(pressured, lookup).groups[0]!;
    expect(g.overview.modes).toEqual({ interactive: 3, pressure: 3 });
    const first = g.decisions.find((d) => d.id === typhoon.decisions[0]!.id)!;
    expect(first.medianElapsedMs).toBe(2000);
    // Decisions every run took: the median of 1, 2 and 6 s. (Seeds may open a follow-up for some runs only.)
    const all3 = g.decisions.filter((d) => d.decided === 3);
    expect(all3.length).toBeGreaterThan(10);
    expect(all3.every((d) => d.medianElapsedMs === 2000)).toBe(true);
  });

  it('quantiles interpolate between neighbours', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('renderers', () => {
  it('Chinese output carries none of the English labels', () => {
    const en = cohortStrings('en');
    const labels = Object.values(en).filter((v): v is string => typeof v === 'string' && v.length > 3);
    for (const format of ['md', 'html', 'csv'] as const) {
      const zh = renderCohort(report, format, 'zh-CN');
      for (const l of labels) expect(zh, `${format}: ${l}`).not.toContain(l);
      expect(zh).toContain(cohortStrings('zh-CN').lost);
    }
  });

  it('escapes names from transcripts in HTML and Markdown; CSV has one row per decision', () => {
    const [hostile] = generateCohort(typhoon, [
      { policy: 'best', seed: 7, name: '<img src=x onerror=alert(1)>|#' },
    ]);
    const r = analyseCohort([fileOf(hostile!)], lookup);
    const html = renderCohort(r, 'html', 'en');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(renderCohort(r, 'md', 'en')).toContain('\\<img src=x onerror=alert(1)\\>\\|\\#');
    const csv = renderCohort(report, 'csv', 'en').trimEnd().split('\r\n');
    expect(csv).toHaveLength(1 + typhoon.decisions.length);
    expect(JSON.parse(renderCohort(report, 'json', 'en'))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});
