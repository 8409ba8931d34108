import type { DecisionOption, DecisionPoint, OpenDecisionView } from '@drill/engine';
import type { LiveDrill } from './live-drill.ts';

/**
 * The decisions, options and budgets the terminal shows are the Table's answers for the player's seats
 * (its view): nothing here decides what is open, offered or affordable, it only finds the scenario's
 * definitions (kinds, per-target limits, units) that go with them.
 */

/** The Table's view of an open decision the player may take, if it is one. */
export function openView(drill: LiveDrill, id: string): OpenDecisionView | undefined {
  return drill.view().open.find((o) => o.decision === id);
}

/** Open decisions the player may take, soonest deadline first (ties in scenario order). */
export function openDecisions(drill: LiveDrill): DecisionPoint[] {
  const open = drill.view().open;
  return open
    .map((o, i) => ({ o, i, d: drill.scenario.decisions.find((d) => d.id === o.decision) }))
    .filter((x): x is typeof x & { d: DecisionPoint } => x.d !== undefined)
    .sort((a, b) => a.o.due - b.o.due || a.i - b.i)
    .map((x) => x.d);
}

/** An option on offer, with its label as the player reads it now. */
export type OfferedOption = DecisionOption & { text: string };

/** The options on offer now, in the order drawn for this drill (the engine's order, not the file's). */
export function offeredOptions(drill: LiveDrill, d: DecisionPoint): OfferedOption[] {
  const out: OfferedOption[] = [];
  for (const o of openView(drill, d.id)?.options ?? []) {
    const def = d.options.find((x) => x.id === o.id);
    if (def) out.push({ ...def, text: o.label });
  }
  return out;
}

/** The whole amount an allocation may share out now. */
export function budgetOf(drill: LiveDrill, d: DecisionPoint): number {
  return openView(drill, d.id)?.budget ?? 0;
}
