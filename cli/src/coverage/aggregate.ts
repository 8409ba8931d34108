import type { Giveaways, Lang, Policy, Scenario } from '@drill/engine';
import type { RunRecord } from './playthrough.ts';

export interface ScoreStats {
  runs: number;
  min: number;
  median: number;
  max: number;
  mean: number;
}

export interface Count {
  id: string;
  count: number;
}

/** Everything `drill test` reports, as data (the JSON output is exactly this). */
export interface CoverageReport {
  scenario: { id: string; version: string };
  runs: number;
  seed: string;
  injects: Count[];
  decisions: (Count & { decided: number })[];
  options: (Count & { decision: string; option: string })[];
  endings: Count[];
  noEnding: number;
  objectives: { id: string; rated: number; ratings: Record<string, number> }[];
  variations: (Count & { variation: string; outcome: string })[];
  scores: Partial<Record<Policy, ScoreStats>>;
  /** Naive players (position, label length, figures) per language: they should score near random. */
  naive: (ScoreStats & { policy: Policy; lang: Lang })[];
  /** How much labels and order give the best option away, per language. */
  giveaways: Giveaways[];
  never: {
    injects: string[];
    decisions: string[];
    options: string[];
    endings: string[];
    objectives: string[];
  };
  errors: { seed: string; policy: Policy; message: string; inputs: unknown[] }[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function scoreStats(scores: readonly number[]): ScoreStats | undefined {
  if (scores.length === 0) return undefined;
  const s = [...scores].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return {
    runs: s.length,
    min: round2(s[0]!),
    median: round2(median),
    max: round2(s.at(-1)!),
    mean: round2(s.reduce((a, b) => a + b, 0) / s.length),
  };
}

/** Folds the runs' records into counts per inject, decision, option, ending, objective and policy. */
export function aggregate(scenario: Scenario, seed: string, records: readonly RunRecord[]): CoverageReport {
  const ok = records.filter((r) => !r.error);
  const count = (pred: (r: RunRecord) => boolean): number => ok.reduce((n, r) => n + (pred(r) ? 1 : 0), 0);
  const injects = scenario.injects.map((i) => ({ id: i.id, count: count((r) => r.injects.includes(i.id)) }));
  const decisions = scenario.decisions.map((d) => ({
    id: d.id,
    count: count((r) => r.decisions.includes(d.id)),
    decided: count((r) => r.decided.includes(d.id)),
  }));
  const options = scenario.decisions.flatMap((d) =>
    d.options.map((o) => ({
      id: `${d.id}.${o.id}`,
      decision: d.id,
      option: o.id,
      count: count((r) => r.options[d.id]?.includes(o.id) === true),
    })),
  );
  const endings = scenario.endings.map((e) => ({ id: e.id, count: count((r) => r.ending === e.id) }));
  const objectives = scenario.objectives.map((o) => {
    const ratings: Record<string, number> = {};
    for (const r of ok) {
      const x = r.objectives[o.id] ?? 'not-rated';
      ratings[x] = (ratings[x] ?? 0) + 1;
    }
    return { id: o.id, rated: count((r) => (r.objectives[o.id] ?? 'not-rated') !== 'not-rated'), ratings };
  });
  const variations = scenario.variations.flatMap((v) =>
    v.outcomes.map((o) => ({
      id: `${v.id}.${o.id}`,
      variation: v.id,
      outcome: o.id,
      count: count((r) => r.variations[v.id] === o.id),
    })),
  );
  const scores: CoverageReport['scores'] = {};
  for (const p of [...new Set(ok.map((r) => r.policy))]) {
    const st = scoreStats(ok.filter((r) => r.policy === p).map((r) => r.score));
    if (st) scores[p] = st;
  }
  const zero = (xs: Count[]): string[] => xs.filter((x) => x.count === 0).map((x) => x.id);
  return {
    scenario: { id: scenario.id, version: scenario.version },
    runs: records.length,
    seed,
    injects,
    decisions,
    options,
    endings,
    noEnding: count((r) => r.ending === undefined),
    objectives,
    variations,
    scores,
    naive: [],
    giveaways: [],
    never: {
      injects: zero(injects),
      decisions: zero(decisions),
      options: zero(options),
      endings: zero(endings),
      objectives: objectives.filter((o) => o.rated === 0).map((o) => o.id),
    },
    errors: records
      .filter((r) => r.error)
      .map((r) => ({ seed: r.seed, policy: r.policy, message: r.error!.message, inputs: r.error!.inputs })),
  };
}
