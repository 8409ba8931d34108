import type { Scenario, DrillState } from '@drill/engine';

export interface Divergence {
  decision: string;
  at: number;
}

const choiceKey = (s: DrillState, id: string): string => {
  const r = s.decisions[id];
  if (!r || r.status !== 'closed') return '';
  if (r.allocation)
    return JSON.stringify(
      Object.entries(r.allocation)
        .filter(([, v]) => v > 0)
        .sort(),
    );
  return JSON.stringify([...(r.options ?? [])].sort());
};

/**
 * Where the teams' decisions first differ: over the decisions every compared drill closed, in the order
 * they closed (earliest first), the first whose choices are not all the same.
 */
export function firstDivergence(scenario: Scenario, finals: DrillState[]): Divergence | undefined {
  const common = scenario.decisions
    .filter((d) => finals.every((s) => s.decisions[d.id]?.status === 'closed'))
    .map((d) => ({ id: d.id, at: Math.min(...finals.map((s) => s.decisions[d.id]!.at ?? Infinity)) }))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  for (const d of common) {
    const keys = new Set(finals.map((s) => choiceKey(s, d.id)));
    if (keys.size > 1) return { decision: d.id, at: d.at };
  }
  return undefined;
}
