import {
  evaluate,
  type DecisionOption,
  type DecisionPoint,
  type DrillState,
  type EvalEnv,
  type Scenario,
} from '@drill/engine';
import type { LiveDrill } from './live-drill.ts';

/** The same view of the state the engine's conditions use (read-only: no randomness is drawn). */
export function envOf(state: DrillState): EvalEnv {
  return {
    world: state.world,
    clock: state.clock,
    chose: (d, o) =>
      state.decisions[d]?.options?.includes(o) === true || (state.decisions[d]?.allocation?.[o] ?? 0) > 0,
    decided: (d) => state.decisions[d]?.status === 'closed' && state.decisions[d]?.by !== undefined,
    opened: (d) => ['open', 'closed'].includes(state.decisions[d]?.status ?? ''),
    fired: (i) => state.injects[i]?.status === 'fired' || state.feed.some((f) => f.inject === i),
    variation: (v) => state.variations[v] ?? '',
    random: () => 0,
  };
}

/** Open decisions the player may take, soonest deadline first. */
export function openDecisions(drill: LiveDrill): DecisionPoint[] {
  const st = drill.state;
  return drill.scenario.decisions
    .filter((d) => st.decisions[d.id]?.status === 'open' && drill.sees(d.roles))
    .sort((a, b) => st.decisions[a.id]!.due! - st.decisions[b.id]!.due! || a.id.localeCompare(b.id));
}

/** The options on offer now (an option's `when` may hide it). */
export function offeredOptions(d: DecisionPoint, state: DrillState): DecisionOption[] {
  const env = envOf(state);
  return d.options.filter((o) => !o.when || Boolean(evaluate(o.when.ast, env)));
}

export function budgetOf(d: DecisionPoint, scenario: Scenario, state: DrillState): number {
  void scenario;
  return d.budget ? Math.max(0, Math.floor(Number(evaluate(d.budget.ast, envOf(state))))) : 0;
}
