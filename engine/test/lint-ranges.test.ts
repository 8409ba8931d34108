import { describe, expect, it } from 'vitest';
import type { Expr } from '../src/index.ts';
// The linter's abstract evaluator: what `drill lint` runs on every condition.
import { absEval, conjuncts, type Abs, type RangeContext } from '../src/lint/ranges.ts';

/** The variables, counting how often the evaluator looks one up: its work, as a number that cannot flake. */
class CountedVars extends Map<string, Abs> {
  lookups = 0;
  override get(name: string): Abs | undefined {
    this.lookups++;
    return super.get(name);
  }
}
const vars = new CountedVars([['x', { kind: 'num', lo: 0, hi: 10 }]]);
const cx: RangeContext = {
  vars,
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
  // Work counted, not timed (a timed test fails on a busy machine; speed is `pnpm bench`'s): each operand
  // of the chain looks `x` up a few times, so a linear evaluator makes a few lookups per operand. The
  // quadratic one this replaced (contradictions checked at every level of the nested chain) made about
  // 100 million here: the bound fails it by four orders of magnitude.
  it('takes linear time in the length of the chain (it was quadratic)', () => {
    const n = 10_000;
    const long = chain(Array.from({ length: n }, (_, i) => cmp('>', i % 5)));
    vars.lookups = 0;
    const a = absEval(long, cx);
    expect(vars.lookups).toBeGreaterThan(0);
    expect(vars.lookups).toBeLessThanOrEqual(5 * n);
    expect(a).toMatchObject({ kind: 'bool', canTrue: true, canFalse: true });
  });

  it('still finds a contradiction anywhere in the chain', () => {
    const parts = Array.from({ length: 50 }, () => cmp('>', 1));
    parts.splice(30, 0, cmp('<', 1));
    expect(absEval(chain(parts), cx)).toMatchObject({ kind: 'bool', canTrue: false, canFalse: true });
    expect(conjuncts(chain(parts))).toEqual(parts);
  });
});
