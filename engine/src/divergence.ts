import type { Scenario } from './scenario/model.ts';
import type { DrillState } from './state.ts';

export interface Divergence {
  /** The first decision (in the order they closed) on which the drills differ. */
  decision: string;
  /** The scenario minute it first closed in any of them. */
  at: number;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What a drill did with a decision, without who did it or why: two teams making the same move compare equal. */
function decisionKey(s: DrillState, id: string): string {
  const r = s.decisions[id];
  if (!r || r.status !== 'closed') return 'open';
  const chose = r.allocation
    ? Object.entries(r.allocation)
        .filter(([, v]) => v > 0)
        .sort(([a], [b]) => byCodePoint(a, b))
        .map(([k, v]) => `${k}=${v}`)
    : [...(r.options ?? [])].sort(byCodePoint);
  return JSON.stringify([r.timeliness ?? null, chose]);
}

/**
 * Where several drills of one scenario first went different ways: over the decisions any of them
 * closed, in the order they closed (earliest first, then scenario order), the first whose outcome
 * (choice and timeliness) is not the same in all. The one definition the terminal's compare, the web's
 * Review and the classroom console use.
 */
export function firstDivergence(scenario: Scenario, states: readonly DrillState[]): Divergence | undefined {
  if (states.length < 2) return undefined;
  const closedAt = (id: string): number =>
    Math.min(
      ...states.map((s) =>
        s.decisions[id]?.status === 'closed' ? (s.decisions[id]!.at ?? Infinity) : Infinity,
      ),
    );
  const candidates = scenario.decisions
    .map((d, i) => ({ id: d.id, i, at: closedAt(d.id) }))
    .filter((d) => d.at !== Infinity)
    .sort((a, b) => a.at - b.at || a.i - b.i);
  for (const d of candidates)
    if (new Set(states.map((s) => decisionKey(s, d.id))).size > 1) return { decision: d.id, at: d.at };
  return undefined;
}
