import { describe, expect, it } from 'vitest';
import { autoplay, firstDivergence, POLICIES } from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const final = (policy: (typeof POLICIES)[number]) => autoplay(sc, { seed: 'd1', policy }).state;

describe('firstDivergence (the one definition every front end uses)', () => {
  it('finds nothing between identical drills, and the earliest differing decision otherwise', () => {
    const best = final('best');
    const worst = final('worst');
    expect(firstDivergence(sc, [best, best])).toBeUndefined();
    const d = firstDivergence(sc, [best, worst]);
    expect(d).toBeDefined();
    expect(best.decisions[d!.decision]).not.toEqual(worst.decisions[d!.decision]);
    // Every decision closed earlier than the divergence was taken the same way.
    for (const x of sc.decisions) {
      const a = best.decisions[x.id]!;
      if (a.status === 'closed' && a.at! < d!.at)
        expect([a.options, a.allocation]).toEqual([
          worst.decisions[x.id]!.options,
          worst.decisions[x.id]!.allocation,
        ]);
    }
  });

  it('does not depend on the order of the drills', () => {
    const states = POLICIES.map((p) => final(p));
    const forward = firstDivergence(sc, states);
    expect(firstDivergence(sc, [...states].reverse())).toEqual(forward);
  });
});
