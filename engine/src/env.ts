import type { EvalEnv } from './expr/evaluate.ts';
import { own } from './own.ts';
import type { DrillState } from './state.ts';

/**
 * What expressions see of a drill state: the world, the clock, and what has been chosen, opened, fired
 * and drawn. One definition for the engine, scoring and the automatic players, so a condition means the
 * same thing everywhere. `random` is only called by `rand()` in effects.
 */
export function stateEnv(
  state: DrillState,
  random: () => number = () => 0,
  locals?: Record<string, number>,
): EvalEnv {
  return {
    // Getters, so one environment stays current while a step changes the world and moves the clock.
    get world() {
      return state.world;
    },
    get clock() {
      return state.clock;
    },
    chose: (d, o) => {
      const r = own(state.decisions, d);
      return r?.options?.includes(o) === true || (own(r?.allocation, o) ?? 0) > 0;
    },
    decided: (d) => {
      const r = own(state.decisions, d);
      return r?.status === 'closed' && r.by !== undefined;
    },
    opened: (d) => {
      const s = own(state.decisions, d)?.status;
      return s === 'open' || s === 'closed';
    },
    // Scenario injects have a record; only ad-hoc ones need the (longer) feed.
    fired: (i) => {
      const r = own(state.injects, i);
      return r ? r.status === 'fired' : state.feed.some((f) => f.inject === i);
    },
    variation: (v) => own(state.variations, v) ?? '',
    random,
    ...(locals ? { locals } : {}),
  };
}
