import type { EvalEnv } from './expr/evaluate.ts';
import { own } from './own.ts';
import type { DrillState } from './state.ts';

const noRandom = (): number => 0;

/**
 * What expressions see of a drill state: the world, the clock, and what has been chosen, opened, fired
 * and drawn. One definition for the engine, scoring and the automatic players, so a condition means the
 * same thing everywhere. `random` is only called by `rand()` in effects.
 *
 * A class, not an object literal of closures: an environment is made for every step and for every
 * scored decision and feedback line, and its methods then live once on the prototype instead of being
 * created (five closures and two getters) each time. The getters keep one environment current while a
 * step changes the world and moves the clock.
 */
class StateEnv implements EvalEnv {
  constructor(
    private readonly state: DrillState,
    readonly random: () => number,
    readonly locals: Record<string, number> | undefined,
  ) {}

  get world(): DrillState['world'] {
    return this.state.world;
  }

  get clock(): number {
    return this.state.clock;
  }

  chose(d: string, o: string): boolean {
    const r = own(this.state.decisions, d);
    return r?.options?.includes(o) === true || (own(r?.allocation, o) ?? 0) > 0;
  }

  decided(d: string): boolean {
    const r = own(this.state.decisions, d);
    return r?.status === 'closed' && r.by !== undefined;
  }

  opened(d: string): boolean {
    const s = own(this.state.decisions, d)?.status;
    return s === 'open' || s === 'closed';
  }

  // Scenario injects have a record; only ad-hoc ones need the (longer) feed.
  fired(i: string): boolean {
    const r = own(this.state.injects, i);
    return r ? r.status === 'fired' : this.state.feed.some((f) => f.inject === i);
  }

  variation(v: string): string {
    return own(this.state.variations, v) ?? '';
  }
}

export function stateEnv(
  state: DrillState,
  random: () => number = noRandom,
  locals?: Record<string, number>,
): EvalEnv {
  return new StateEnv(state, random, locals);
}
