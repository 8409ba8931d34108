import type { LinkContext } from './link-context.ts';

/** A variable's initial value has its type and lies within its bounds; a boolean has no bounds. */
export function linkVariables(c: LinkContext): void {
  for (const v of c.lists.variables) {
    const x = v.value;
    if (x.type === 'boolean') {
      if (typeof x.initial !== 'boolean')
        c.err(v, ['initial'], 'bad-initial', 'a boolean variable starts as true or false');
      if (x.min !== undefined || x.max !== undefined)
        c.err(v, [x.min !== undefined ? 'min' : 'max'], 'bad-bounds', 'a boolean variable has no bounds');
    } else {
      if (typeof x.initial !== 'number')
        c.err(v, ['initial'], 'bad-initial', 'a number variable starts as a number');
      else if ((x.min !== undefined && x.initial < x.min) || (x.max !== undefined && x.initial > x.max))
        c.err(
          v,
          ['initial'],
          'out-of-bounds',
          `initial value ${x.initial} is outside the bounds [${x.min ?? '-∞'}, ${x.max ?? '∞'}]`,
        );
      if (x.min !== undefined && x.max !== undefined && x.min > x.max)
        c.err(v, ['min'], 'bad-bounds', 'min is greater than max');
    }
  }
}
