import { RATINGS, type LocalizedText, type ProposedRating, type Scenario } from '@drill/engine';
import { templateText } from './template-text.ts';
import {
  cmp,
  examine,
  type CohortFile,
  type Excluded,
  type RunDigest,
  type ScenarioLookup,
} from './digest.ts';
import { mean, median, permutationP, quantile, round, share, sortNum } from './stats.ts';

export const RATING_CELLS: readonly ProposedRating[] = [...RATINGS, 'not-rated'];

export interface Overview {
  runs: number;
  excluded: number;
  people: string[];
  teams: string[];
  firstStarted: string | null;
  lastStarted: string | null;
  /** Runs per mode (`header.meta.mode`), plus `pressure` for runs with a countdown. */
  modes: Record<string, number>;
}

export interface Distribution {
  /** Ten bins: [0,10), [10,20) … [90,100]. */
  bins: number[];
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
}

export interface OutcomeFigure {
  id: string;
  label: LocalizedText;
  unit?: LocalizedText;
  target: number;
  /** Distribution of the measured values. */
  values: Omit<Distribution, 'bins'>;
  /** Share of runs that reached the target (full credit). */
  reachedTarget: number;
}

export interface HeatmapRow {
  subject: string;
  kind: 'participant' | 'team';
  /** The run the row shows: the subject's latest. */
  file: string;
  overall: number;
  cells: Record<string, ProposedRating>;
}

export interface OptionShare {
  id: string;
  label: LocalizedText;
  /** Share of the runs that decided it choosing (or allocating to) this option. */
  share: number;
  best: boolean;
}

export interface DecisionFigure {
  id: string;
  prompt: LocalizedText;
  capability: string;
  /** Runs that reached it (decided or missed), simulated colleagues' left out. */
  reached: number;
  decided: number;
  options: OptionShare[];
  onTime: number;
  late: number;
  missed: number;
  /** Median wall-clock time taken (ms) where it was recorded (pressure mode). */
  medianElapsedMs: number | null;
  /** Σ over reached runs of (best − credit): how much the class lost here. */
  creditLost: number;
  costly: {
    options: string[];
    labels: LocalizedText[];
    count: number;
    share: number;
    feedback: LocalizedText[];
  } | null;
}

export interface VersionGroup {
  scenarioId: string;
  version: string;
  contentHash: string;
  title: LocalizedText;
  capabilities: { id: string; name: LocalizedText }[];
  overview: Overview;
  scores: Distribution;
  outcomes: OutcomeFigure[];
  endings: Record<string, number>;
  heatmap: HeatmapRow[];
  /** Per capability: how many heatmap rows have each rating. */
  capabilityCounts: Record<string, Record<ProposedRating, number>>;
  /** Decisions ordered by credit lost, most first. */
  decisions: DecisionFigure[];
  /** Where runs first left the best path: decision id → runs; `null` key counted as `stayed`. */
  divergence: { decision: string; runs: number; share: number }[];
  stayedOnBestPath: number;
  progress: ProgressRow[];
}

export interface ProgressRow {
  subject: string;
  attempts: number;
  first: { file: string; overall: number; ratings: Record<string, ProposedRating> };
  latest: { file: string; overall: number; ratings: Record<string, ProposedRating> };
}

export interface CohortReport {
  format: 'drill-cohort/1';
  runs: number;
  excluded: Excluded[];
  groups: VersionGroup[];
  /** Cohort B (`--against`), when given, and how it differs from this one. */
  against?: { report: CohortReport; comparisons: CohortComparison[] };
}

export type ScenarioByHash = (contentHash: string) => Scenario | undefined;

/** Verifies every file: the runs that hold, and the files left out with verify's reason. */
export function examineAll(
  files: readonly CohortFile[],
  lookup: ScenarioLookup,
): { runs: RunDigest[]; excluded: Excluded[] } {
  const runs: RunDigest[] = [];
  const excluded: Excluded[] = [];
  for (const f of files) {
    const r = examine(f, lookup);
    if (r.ok) runs.push(r.run);
    else excluded.push(r.excluded);
  }
  return { runs, excluded };
}

/**
 * Verifies every file and analyses the ones that hold; with `against`, cohort B too, side by side.
 * `lookup` finds each transcript's scenario version (by id and content hash).
 */
export function analyseCohort(
  files: readonly CohortFile[],
  lookup: ScenarioLookup,
  against?: readonly CohortFile[],
): CohortReport {
  const scenarios = new Map<string, Scenario>();
  const remember: ScenarioLookup = (id, hash) => {
    const s = lookup(id, hash);
    if (s) scenarios.set(hash, s);
    return s;
  };
  const a = examineAll(files, remember);
  const b = against ? examineAll(against, remember) : undefined;
  return cohortReport(a, b, (h) => scenarios.get(h));
}

/** The report from runs already examined (the CLI verifies in worker threads). */
export function cohortReport(
  a: { runs: readonly RunDigest[]; excluded: readonly Excluded[] },
  b: { runs: readonly RunDigest[]; excluded: readonly Excluded[] } | undefined,
  scenarioOf: ScenarioByHash,
): CohortReport {
  const report = summarise(a.runs, a.excluded, scenarioOf);
  if (!b) return report;
  return {
    ...report,
    against: {
      report: summarise(b.runs, b.excluded, scenarioOf),
      comparisons: compareCohorts(a.runs, b.runs),
    },
  };
}

/** Stable order of runs: by start time, then file name, then seed (code-unit order, never locale). */
export function runOrder(a: RunDigest, b: RunDigest): number {
  return (
    cmp(a.startedAt, b.startedAt) ||
    cmp(a.file, b.file) ||
    cmp(a.seed, b.seed) ||
    cmp(a.contentHash, b.contentHash)
  );
}

/** The figures from verified runs (already examined, e.g. in worker threads). */
export function summarise(
  runsIn: readonly RunDigest[],
  excludedIn: readonly Excluded[],
  scenarioOf: ScenarioByHash,
): CohortReport {
  const runs = [...runsIn].sort(runOrder);
  const excluded = [...excludedIn].sort((a, b) => cmp(a.file, b.file) || cmp(a.reason, b.reason));
  const byHash = new Map<string, RunDigest[]>();
  for (const r of runs) {
    const g = byHash.get(r.contentHash);
    if (g) g.push(r);
    else byHash.set(r.contentHash, [r]);
  }
  const groups: VersionGroup[] = [];
  for (const [hash, rs] of byHash) {
    const s = scenarioOf(hash);
    if (s) groups.push(group(s, rs));
  }
  groups.sort(
    (a, b) =>
      cmp(a.scenarioId, b.scenarioId) || cmp(a.version, b.version) || cmp(a.contentHash, b.contentHash),
  );
  return { format: 'drill-cohort/1', runs: runs.length, excluded, groups };
}

function distribution(xs: readonly number[]): Distribution {
  const s = sortNum(xs);
  const bins = Array.from({ length: 10 }, () => 0);
  for (const x of s) bins[Math.min(9, Math.max(0, Math.floor(x / 10)))]!++;
  return {
    bins,
    min: s[0] ?? null,
    q1: quantile(s, 0.25),
    median: median(s),
    q3: quantile(s, 0.75),
    max: s.at(-1) ?? null,
    mean: mean(s),
  };
}

function latestBySubject(runs: readonly RunDigest[]): Map<string, RunDigest[]> {
  const m = new Map<string, RunDigest[]>();
  for (const r of runs) {
    const l = m.get(r.subject);
    if (l) l.push(r);
    else m.set(r.subject, [r]);
  }
  return m;
}

const ratingsOf = (r: RunDigest): Record<string, ProposedRating> =>
  Object.fromEntries(r.capabilities.map((c) => [c.id, c.final]));

/** Figures for the runs of one scenario version (runs already in stable order). */
function group(s: Scenario, runs: RunDigest[]): VersionGroup {
  const modes: Record<string, number> = {};
  for (const r of runs) {
    modes[r.mode] = (modes[r.mode] ?? 0) + 1;
    if (r.pressure) modes.pressure = (modes.pressure ?? 0) + 1;
  }
  const started = runs.map((r) => r.startedAt).sort(cmp);
  const overview: Overview = {
    runs: runs.length,
    excluded: 0,
    people: [...new Set(runs.flatMap((r) => r.people))].sort(cmp),
    teams: [...new Set(runs.flatMap((r) => r.teams))].sort(cmp),
    firstStarted: started[0] ?? null,
    lastStarted: started.at(-1) ?? null,
    modes: Object.fromEntries(Object.entries(modes).sort(([a], [b]) => cmp(a, b))),
  };

  const outcomes: OutcomeFigure[] = s.outcomes.map((o) => {
    const vals = runs.flatMap((r) => r.outcomes.filter((x) => x.id === o.id));
    const { bins: _bins, ...values } = distribution(vals.map((v) => v.value));
    return {
      id: o.id,
      label: o.label,
      ...(o.unit ? { unit: o.unit } : {}),
      target: o.target,
      values,
      reachedTarget: share(vals.filter((v) => v.credit >= 1).length, vals.length),
    };
  });
  const endings: Record<string, number> = {};
  for (const r of runs) endings[r.ending ?? '—'] = (endings[r.ending ?? '—'] ?? 0) + 1;

  const subjects = latestBySubject(runs);
  const capIds = s.capabilities.map((c) => c.id);
  const heatmap: HeatmapRow[] = [...subjects.entries()]
    .map(([subject, rs]) => {
      const last = rs.at(-1)!;
      const rated = ratingsOf(last);
      return {
        subject,
        kind: last.subjectKind,
        file: last.file,
        overall: last.overall,
        cells: Object.fromEntries(capIds.map((c) => [c, rated[c] ?? 'not-rated'])),
      };
    })
    .sort((a, b) => cmp(a.subject, b.subject) || cmp(a.file, b.file));
  const capabilityCounts: VersionGroup['capabilityCounts'] = {};
  for (const c of capIds) {
    const counts = Object.fromEntries(RATING_CELLS.map((x) => [x, 0])) as Record<ProposedRating, number>;
    for (const row of heatmap) counts[row.cells[c]!]++;
    capabilityCounts[c] = counts;
  }

  const index = new Map(s.decisions.map((d, i) => [d.id, i]));
  const decisions = s.decisions
    .map((d) => decisionFigure(s, d.id, runs))
    .sort((a, b) => b.creditLost - a.creditLost || index.get(a.id)! - index.get(b.id)!);

  // Where each run first left the best path: its first decision (in time) that fell short of the best.
  const firstOff = new Map<string, number>();
  let stayed = 0;
  for (const r of runs) {
    const off = [...r.decisions]
      .filter((d) => d.status !== 'not-reached')
      .sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || index.get(a.id)! - index.get(b.id)!)
      .find((d) => d.status === 'missed' || d.value < d.best - 1e-9);
    if (off) firstOff.set(off.id, (firstOff.get(off.id) ?? 0) + 1);
    else stayed++;
  }
  const divergence = [...firstOff.entries()]
    .map(([decision, n]) => ({ decision, runs: n, share: share(n, runs.length) }))
    .sort((a, b) => b.runs - a.runs || index.get(a.decision)! - index.get(b.decision)!);

  const progress: ProgressRow[] = [...subjects.entries()]
    .filter(([, rs]) => rs.length > 1)
    .map(([subject, rs]) => ({
      subject,
      attempts: rs.length,
      first: { file: rs[0]!.file, overall: rs[0]!.overall, ratings: ratingsOf(rs[0]!) },
      latest: { file: rs.at(-1)!.file, overall: rs.at(-1)!.overall, ratings: ratingsOf(rs.at(-1)!) },
    }))
    .sort((a, b) => cmp(a.subject, b.subject));

  return {
    scenarioId: s.id,
    version: s.version,
    contentHash: s.contentHash,
    title: s.title,
    capabilities: s.capabilities.map((c) => ({ id: c.id, name: c.name })),
    overview,
    scores: distribution(runs.map((r) => r.overall)),
    outcomes,
    endings,
    heatmap,
    capabilityCounts,
    decisions,
    divergence,
    stayedOnBestPath: stayed,
    progress,
  };
}

function decisionFigure(s: Scenario, id: string, runs: readonly RunDigest[]): DecisionFigure {
  const d = s.decisions.find((x) => x.id === id)!;
  const taken = runs.flatMap((r) => r.decisions.filter((x) => x.id === id && x.status !== 'not-reached'));
  const decided = taken.filter((x) => x.status === 'decided');
  const bestScore = Math.max(...d.options.map((o) => o.score ?? 0));
  const picks = (x: (typeof taken)[number]): string[] =>
    x.allocation
      ? Object.keys(x.allocation)
          .filter((k) => (x.allocation![k] ?? 0) > 0)
          .sort(cmp)
      : x.options;
  const options: OptionShare[] = d.options.map((o) => ({
    id: o.id,
    label: templateText(s, o.label),
    share: share(decided.filter((x) => picks(x).includes(o.id)).length, decided.length),
    best: d.kind !== 'allocate' && (o.score ?? 0) === bestScore && bestScore > 0,
  }));
  const elapsed = sortNum(decided.flatMap((x) => (x.elapsedMs !== undefined ? [x.elapsedMs] : [])));

  // The most common choice that fell short of the best, with the feedback the scenario gives for it.
  const costlyCount = new Map<string, { n: number; first: (typeof taken)[number] }>();
  for (const x of decided) {
    if (x.value >= x.best - 1e-9) continue;
    const key = picks(x).join('\u0000') + (x.allocation ? `\u0001${x.feedback.join(',')}` : '');
    const c = costlyCount.get(key);
    if (c) c.n++;
    else costlyCount.set(key, { n: 1, first: x });
  }
  let costly: DecisionFigure['costly'] = null;
  let top: { key: string; n: number; first: (typeof taken)[number] } | undefined;
  for (const [key, v] of costlyCount)
    if (!top || v.n > top.n || (v.n === top.n && cmp(key, top.key) < 0)) top = { key, ...v };
  if (top) {
    const ids = picks(top.first);
    const feedback = top.first.allocation
      ? top.first.feedback.flatMap((i) => (d.feedback[i] ? [templateText(s, d.feedback[i]!.text)] : []))
      : ids.flatMap((o) => {
          const fb = d.options.find((x) => x.id === o)?.feedback;
          return fb !== undefined ? [templateText(s, fb)] : [];
        });
    costly = {
      options: ids,
      labels: ids.map((o) => {
        const label = d.options.find((x) => x.id === o)?.label;
        return label !== undefined ? templateText(s, label) : o;
      }),
      count: top.n,
      share: share(top.n, decided.length),
      feedback,
    };
  }
  return {
    id,
    prompt: templateText(s, d.prompt),
    capability: d.capability,
    reached: taken.length,
    decided: decided.length,
    options,
    onTime: share(
      taken.filter((x) => x.status === 'decided' && x.timeliness !== 'late').length,
      taken.length,
    ),
    late: share(taken.filter((x) => x.status === 'decided' && x.timeliness === 'late').length, taken.length),
    missed: share(taken.filter((x) => x.status === 'missed').length, taken.length),
    medianElapsedMs: median(elapsed),
    creditLost: round(taken.reduce((a, x) => a + (x.best - x.credit), 0)),
    costly,
  };
}

export interface Difference {
  /** `overall` or a capability id. */
  what: string;
  a: number | null;
  b: number | null;
  /** b − a. */
  diff: number | null;
  /** Permutation-test p-value: how often re-splitting the runs at random gives a gap this large. */
  p: number | null;
  /** True when the gap is larger than seed variation explains (p < 0.05). */
  beyondSeeds: boolean;
}

export interface CohortComparison {
  scenarioId: string;
  contentHash: string;
  runsA: number;
  runsB: number;
  /** Overall score (0–100) means, then per capability the mean credit (0–100). */
  differences: Difference[];
}

/**
 * Cohort A against cohort B, per scenario version both played: the gap in mean overall score and in
 * each capability's mean credit, each with a permutation test (fixed seed) against the null that the
 * runs could have fallen in either cohort — the variation seeds and chance alone produce.
 */
export function compareCohorts(a: readonly RunDigest[], b: readonly RunDigest[]): CohortComparison[] {
  const hashes = [...new Set(a.map((r) => r.contentHash))]
    .filter((h) => b.some((r) => r.contentHash === h))
    .sort(cmp);
  return hashes.map((h) => {
    const ra = [...a.filter((r) => r.contentHash === h)].sort(runOrder);
    const rb = [...b.filter((r) => r.contentHash === h)].sort(runOrder);
    const caps = [...new Set(ra.concat(rb).flatMap((r) => r.capabilities.map((c) => c.id)))];
    const diff = (what: string, xa: number[], xb: number[]): Difference => {
      const ma = mean(xa);
      const mb = mean(xb);
      const p = permutationP(xa, xb);
      return {
        what,
        a: ma === null ? null : round(ma, 2),
        b: mb === null ? null : round(mb, 2),
        diff: ma === null || mb === null ? null : round(mb - ma, 2),
        p,
        beyondSeeds: p !== null && p < 0.05,
      };
    };
    const credits = (rs: RunDigest[], c: string): number[] =>
      rs.flatMap((r) =>
        r.capabilities.filter((x) => x.id === c && x.credit !== null).map((x) => x.credit! * 100),
      );
    // Capabilities in the scenario's order (the first run's), so the table reads like the AAR.
    const order = (ra[0] ?? rb[0])!.capabilities.map((c) => c.id);
    return {
      scenarioId: (ra[0] ?? rb[0])!.scenarioId,
      contentHash: h,
      runsA: ra.length,
      runsB: rb.length,
      differences: [
        diff(
          'overall',
          ra.map((r) => r.overall),
          rb.map((r) => r.overall),
        ),
        ...order.filter((c) => caps.includes(c)).map((c) => diff(c, credits(ra, c), credits(rb, c))),
      ],
    };
  });
}
