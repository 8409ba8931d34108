import { stateEnv } from './env.ts';
import { evaluate, evaluateBool } from './expr/evaluate.ts';
import type { DecisionOption, DecisionPoint, Scenario } from './scenario/model.ts';
import { holdsRole, humansHolding, type DrillState, type Participant } from './state.ts';

/**
 * What every front end asks of a drill state — which decisions are open for whom, which options are
 * offered and in what order, how much an allocation may share out — answered once, here, so the
 * terminal, the browser and the server cannot disagree.
 */

/** The options offered now (their `when` holds), in the order the participants see them. */
export function presentedOptions(scenario: Scenario, state: DrillState, d: DecisionPoint): DecisionOption[] {
  const env = stateEnv(state);
  const offered = d.options.filter((o) => !o.when || evaluateBool(o.when.ast, env));
  const order = state.decisions[d.id]?.order;
  if (!order) return offered;
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...offered].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}

/** The whole amount an allocation shares out now (whole units, never negative). */
export function allocationBudget(state: DrillState, d: DecisionPoint): number {
  if (!d.budget) return 0;
  const b = Number(evaluate(d.budget.ast, stateEnv(state)));
  return Number.isFinite(b) ? Math.max(0, Math.floor(b)) : 0;
}

/** Decisions open now that this participant may take, in scenario order. */
export function openDecisionsFor(scenario: Scenario, state: DrillState, p: Participant): DecisionPoint[] {
  return scenario.decisions.filter((d) => {
    if (state.decisions[d.id]?.status !== 'open' || !holdsRole(p, d.roles)) return false;
    // A colleague steps in only where nobody at the table holds the seat.
    return p.colleague === undefined || humansHolding(state.participants, d.roles).length === 0;
  });
}

/** Who decides an open decision: the first participant at the table holding it, else a colleague. */
export function deciderOf(state: DrillState, d: DecisionPoint): Participant | undefined {
  const humans = humansHolding(state.participants, d.roles);
  if (humans.length) return humans[0];
  return state.participants.find((p) => p.colleague !== undefined && holdsRole(p, d.roles));
}
