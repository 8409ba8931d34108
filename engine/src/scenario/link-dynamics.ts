import type { Expressions } from './link-expressions.ts';
import type { LinkContext } from './link-context.ts';
import type { Times } from './link-times.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import type { Dynamic } from './model.ts';

/** Dynamics: how often each applies, over which span, and the bound on the engine steps they cost. */
export function linkDynamics(c: LinkContext, x: Expressions, t: Times): Dynamic[] {
  const L = c.lists;
  const dynamics = L.dynamics.map((d) => {
    const every = t.dur(d, ['every'], d.value.every, 60);
    if (every <= 0) c.err(d, ['every'], 'bad-duration', 'a dynamic must repeat at least every minute');
    const when = d.value.when !== undefined ? x.expr(d, ['when'], d.value.when, 'boolean') : undefined;
    return {
      id: d.value.id,
      every: Math.max(1, every),
      from: t.time(d, ['from'], d.value.from) ?? t.start,
      until: t.time(d, ['until'], d.value.until) ?? t.end,
      ...(when ? { when } : {}),
      effects: x.effects(d, ['effects'], d.value.effects),
      ...(d.value.description !== undefined ? { description: d.value.description } : {}),
    };
  });

  // Every dynamics tick is a step of the engine: bound their number, not only the clock.
  let ticks = 0;
  dynamics.forEach((d, i) => {
    const from = Math.max(d.from, t.start);
    const until = Math.min(d.until, t.end);
    if (until >= from) ticks += Math.floor((until - from) / d.every) + 1;
    if (ticks > SCENARIO_LIMITS.dynamicsTicks) {
      c.err(
        L.dynamics[i]!,
        ['every'],
        'too-many-ticks',
        `the dynamics apply ${ticks} times or more over the clock; the limit is ${SCENARIO_LIMITS.dynamicsTicks}`,
        'let them repeat less often (every: 1h rather than every: 1m) or over a shorter span',
      );
      ticks = -Infinity; // reported once
    }
  });
  return dynamics;
}
