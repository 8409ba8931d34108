import {
  allocationBudget,
  openDecisionsFor,
  presentedOptions,
  type DecisionOption,
  type DecisionPoint,
  type DrillState,
  type Scenario,
} from '@drill/engine';
import type { LiveDrill } from './live-drill.ts';

/** Open decisions the player may take, soonest deadline first (ties in scenario order). */
export function openDecisions(drill: LiveDrill): DecisionPoint[] {
  const st = drill.state;
  const me = st.participants.find((p) => p.id === drill.participant)!;
  return openDecisionsFor(drill.scenario, st, me)
    .map((d, i) => ({ d, i }))
    .sort((a, b) => st.decisions[a.d.id]!.due! - st.decisions[b.d.id]!.due! || a.i - b.i)
    .map((x) => x.d);
}

/** The options on offer now, in the order drawn for this drill (the engine's order, not the file's). */
export function offeredOptions(d: DecisionPoint, scenario: Scenario, state: DrillState): DecisionOption[] {
  return presentedOptions(scenario, state, d);
}

export function budgetOf(d: DecisionPoint, _scenario: Scenario, state: DrillState): number {
  return allocationBudget(state, d);
}
