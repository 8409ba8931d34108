import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  autoplay,
  compileScenario,
  createDrill,
  replay,
  step,
  type Input,
  type Scenario,
} from '../src/index.ts';
import { POLICIES } from '../src/policies.ts';
import { scanTimers } from '../src/timers.ts';
import { fixture } from './fixture.ts';

/** A shipped scenario read from its file (the engine package does not depend on @drill/scenarios). */
function shipped(id: string): Scenario {
  const path = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios', `${id}.yaml`);
  const r = compileScenario({ path, text: readFileSync(path, 'utf8') }, (from, inc) => {
    const p = resolve(dirname(from), inc);
    return { path: p, text: readFileSync(p, 'utf8') };
  });
  if (!r.ok) throw new Error(`${id} does not compile`);
  return r.scenario;
}

const team = [
  { id: 'c', name: 'Chief', team: 'A', roles: ['all'] },
  { id: 'd', name: 'Deputy', team: 'A', roles: ['all'] },
];

/** Inputs that move a drill along: mostly valid choices on whatever is open, plus clock moves and controls. */
function inputsArb(sc: Scenario): fc.Arbitrary<((s: ReturnType<typeof pick>) => Input)[]> {
  const move = fc.oneof(
    { weight: 4, arbitrary: fc.constant(() => ({ type: 'advance', to: 'next' }) as Input) },
    {
      weight: 2,
      arbitrary: fc
        .integer({ min: 1, max: 600 })
        .map((minutes) => () => ({ type: 'advance', minutes }) as Input),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.nat(), fc.nat(), fc.constantFrom('c', 'd'))
        .map(([k, o, participant]) => (open: ReturnType<typeof pick>): Input => {
          if (open.length === 0) return { type: 'advance', to: 'next' };
          const d = sc.decisions.find((x) => x.id === open[k % open.length])!;
          const opt = d.options[o % d.options.length]!.id;
          return d.kind === 'allocate'
            ? { type: 'choose', participant, decision: d.id, allocation: { [opt]: 1 } }
            : { type: 'choose', participant, decision: d.id, options: [opt] };
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<Input>({ type: 'pause' }, { type: 'resume' }, { type: 'end' })
        .map((i) => () => i),
    },
  );
  return fc.array(move, { maxLength: 50 });
}
const pick = (s: { decisions: Record<string, { status: string }> }): string[] =>
  Object.keys(s.decisions).filter((id) => s.decisions[id]!.status === 'open');

describe.each([
  ['fixture', fixture()],
  ['typhoon', shipped('typhoon')],
  ['flood', shipped('flood')],
])('the timer queue on %s', (_name, sc) => {
  it('always equals what a full scan of the records computes, in (due, seq) order', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), inputsArb(sc), (seed, moves) => {
        const c = createDrill(sc, { seed, participants: team });
        if (!c.ok) return;
        let s = c.state;
        expect(s.timers).toEqual(scanTimers(sc, s));
        s = step(sc, s, { type: 'start' }).state;
        for (const m of moves) {
          s = step(sc, s, m(pick(s))).state;
          expect(s.timers).toEqual(scanTimers(sc, s));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('equals the full scan after every entry of whole automatic playthroughs', () => {
    for (const policy of POLICIES)
      for (const seed of [1, 2]) {
        const t = autoplay(sc, { seed, policy }).transcript();
        const r = replay(sc, t, { keepStates: true });
        if (!r.ok) throw new Error(r.reason);
        for (const s of r.states!) expect(s.timers).toEqual(scanTimers(sc, s));
        // A finished drill has nothing left at or before its end.
        expect(r.state.timers.every((x) => x.due > r.state.clock)).toBe(true);
      }
  });
});
