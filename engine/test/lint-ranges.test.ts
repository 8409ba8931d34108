import { describe, expect, it } from 'vitest';
import type { Expr } from '../src/index.ts';
// The linter's abstract evaluator: what `drill lint` runs on every condition.
import { absEval, conjuncts, type RangeContext } from '../src/lint/ranges.ts';

const cx: RangeContext = {
  vars: new Map([['x', { kind: 'num', lo: 0, hi: 10 }]]),
  t: { lo: 0, hi: 100 },
  canChoose: () => true,
  canOpen: () => true,
  canFire: () => true,
  variationValues: () => undefined,
};
const cmp = (op: '>' | '<', n: number): Expr => ({
  kind: 'binary',
  op,
  left: { kind: 'var', name: 'x', pos: 0 },
  right: { kind: 'num', value: n, pos: 0 },
  pos: 0,
});
/** `p0 && p1 && …`, nested to the left as the parser builds it. */
const chain = (parts: Expr[]): Expr =>
  parts.reduce((acc, p) => ({ kind: 'binary', op: '&&', left: acc, right: p, pos: 0 }));

describe('lint on long `&&` chains', () => {
  it('takes linear time in the length of the chain (it was quadratic)', () => {
    const long = chain(Array.from({ length: 10_000 }, (_, i) => cmp('>', i % 5)));
    const t0 = performance.now();
    const a = absEval(long, cx);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(a).toMatchObject({ kind: 'bool', canTrue: true, canFalse: true });
  });

  it('still finds a contradiction anywhere in the chain', () => {
    const parts = Array.from({ length: 50 }, () => cmp('>', 1));
    parts.splice(30, 0, cmp('<', 1));
    expect(absEval(chain(parts), cx)).toMatchObject({ kind: 'bool', canTrue: false, canFalse: true });
    expect(conjuncts(chain(parts))).toEqual(parts);
  });
});
