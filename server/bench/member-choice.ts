import type { DrillView, TableCommand } from '@drill/engine';

/**
 * What a bench member sends for a decision open at their seat: the first offered option (an allocation
 * puts the whole budget on it), or nothing when the decision offers none (a discussion question). Both
 * benches (over sockets and in-process) play the same classroom with it.
 */
export function memberChoice(team: string, d: DrillView['open'][number]): TableCommand | undefined {
  const first = d.options[0];
  if (!first) return undefined;
  return d.kind === 'allocate'
    ? { type: 'choose', team, decision: d.decision, allocation: { [first.id]: d.budget ?? 0 } }
    : { type: 'choose', team, decision: d.decision, options: [first.id], rationale: 'bench' };
}
