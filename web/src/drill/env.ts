import { evaluate, type DecisionPoint, type DrillState, type EvalEnv } from '@drill/engine';

/** The expression environment over a state, as the engine builds it (for `when` and `budget` in forms). */
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

/** Options offered now (an option with `when` is offered only while it holds). */
export function offeredOptions(d: DecisionPoint, state: DrillState): DecisionPoint['options'] {
  const env = envOf(state);
  return d.options.filter((o) => !o.when || Boolean(evaluate(o.when.ast, env)));
}

export function budgetOf(d: DecisionPoint, state: DrillState): number | undefined {
  return d.budget ? Number(evaluate(d.budget.ast, envOf(state))) : undefined;
}
