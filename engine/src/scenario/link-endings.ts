import type { Expressions } from './link-expressions.ts';
import type { KnownIds } from './link-ids.ts';
import type { LinkContext } from './link-context.ts';
import type { Ending, OutcomeMeasure } from './model.ts';

/** Endings, tried in order; a warning when none is the fallback (no `when`). */
export function linkEndings(c: LinkContext, x: Expressions): Ending[] {
  const endings = c.lists.endings.map((e) => {
    const when = e.value.when !== undefined ? x.expr(e, ['when'], e.value.when, 'boolean') : undefined;
    return { id: e.value.id, ...(when ? { when } : {}), title: e.value.title, text: e.value.text };
  });
  if (!endings.some((e) => !e.when))
    c.diagnostics.push(
      c.main.diagnostic(
        ['endings'],
        'no-fallback-ending',
        'no ending without `when`: add a fallback ending so every drill ends somewhere',
        { severity: 'warning' },
      ),
    );
  return endings;
}

/** Outcome measures: their value expression and the capabilities they bear on. */
export function linkOutcomes(c: LinkContext, ids: KnownIds, x: Expressions): OutcomeMeasure[] {
  return c.lists.outcomes.map((o) => {
    c.checkRef(o, ['capability'], 'capability', o.value.capability, ids.capabilities);
    o.value.caps.forEach((cap, i) =>
      c.checkRef(o, ['caps', i, 'capability'], 'capability', cap.capability, ids.capabilities),
    );
    if (o.value.target === o.value.worst)
      c.err(o, ['worst'], 'bad-outcome', '`target` and `worst` must differ');
    const value = x.expr(o, ['value'], o.value.value, 'number');
    return {
      ...o.value,
      value: value ?? { src: o.value.value, ast: { kind: 'num' as const, value: 0, pos: 0 } },
    };
  });
}
