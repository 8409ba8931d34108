import type { Expressions } from './link-expressions.ts';
import type { LinkContext } from './link-context.ts';
import type { Times } from './link-times.ts';
import type { Variation } from './model.ts';

/** Variations: outcome probabilities add up to 1, outcome ids are unique, the draw falls in the clock. */
export function linkVariations(c: LinkContext, x: Expressions, t: Times): Variation[] {
  return c.lists.variations.map((v) => {
    const sum = v.value.outcomes.reduce((s, o) => s + o.p, 0);
    if (Math.abs(sum - 1) > 1e-6)
      c.err(
        v,
        ['outcomes'],
        'bad-probabilities',
        `the outcomes' probabilities add up to ${+sum.toFixed(6)}, not 1`,
      );
    const seen = new Set<string>();
    v.value.outcomes.forEach((o, i) => {
      if (seen.has(o.id)) c.err(v, ['outcomes', i, 'id'], 'duplicate-id', `duplicate outcome id \`${o.id}\``);
      seen.add(o.id);
    });
    const at = t.time(v, ['at'], v.value.at) ?? t.start;
    t.inClock(v, ['at'], at);
    return {
      id: v.value.id,
      at,
      ...(v.value.description !== undefined ? { description: v.value.description } : {}),
      outcomes: v.value.outcomes.map((o, i) => ({
        id: o.id,
        p: o.p,
        ...(o.label !== undefined ? { label: o.label } : {}),
        ...(o.notice !== undefined ? { notice: o.notice } : {}),
        effects: x.effects(v, ['outcomes', i, 'effects'], o.effects),
      })),
    };
  });
}
