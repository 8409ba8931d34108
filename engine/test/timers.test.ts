import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  autoplay,
  createDrill,
  nextEventTime,
  replay,
  step,
  type DrillState,
  type Input,
  type Scenario,
} from '../src/index.ts';
import { POLICIES } from '../src/policies.ts';
import { scanTimers } from '../src/timers.ts';
import { fixture } from './fixture.ts';
import { shippedScenario } from './shipped.ts';

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
/**
 * The next event time found the way the engine found it before the queue: by scanning every variation,
 * dynamic, inject and decision record.
 */
function nextEventByScan(sc: Scenario, s: DrillState, visibleOnly: boolean): number | undefined {
  let best: number | undefined;
  const consider = (t: number | undefined, strict = false): void => {
    if (t === undefined || t > sc.clock.end) return;
    if (strict ? t <= s.clock : t < s.clock) return;
    if (best === undefined || t < best) best = t;
  };
  for (const v of sc.variations) if (!Object.hasOwn(s.variations, v.id)) consider(v.at);
  if (!visibleOnly) for (const d of sc.dynamics) if (s.dynamics[d.id]! <= d.until) consider(s.dynamics[d.id]);
  for (const i of sc.injects) {
    const r = s.injects[i.id]!;
    if (r.status === 'pending') consider(i.at);
    if (r.status === 'scheduled') consider(r.due);
  }
  for (const d of sc.decisions) {
    const r = s.decisions[d.id]!;
    if (r.status === 'pending') consider(d.opens);
    if (r.status === 'scheduled') consider(r.opensAt);
    if (r.status === 'open') {
      consider(r.closesAt);
      if (r.due !== undefined && r.due < r.closesAt!) consider(r.due, true);
    }
  }
  if (s.clock < sc.clock.end) consider(sc.clock.end);
  return best;
}

function checkQueue(sc: Scenario, s: DrillState): void {
  expect(s.timers).toEqual(scanTimers(sc, s));
  expect(nextEventTime(sc, s)).toBe(nextEventByScan(sc, s, false));
  expect(nextEventTime(sc, s, true)).toBe(nextEventByScan(sc, s, true));
}

const pick = (s: { decisions: Record<string, { status: string }> }): string[] =>
  Object.keys(s.decisions).filter((id) => s.decisions[id]!.status === 'open');

describe.each([
  ['fixture', fixture()],
  ['typhoon', shippedScenario('typhoon')],
  ['flood', shippedScenario('flood')],
])('the timer queue on %s', (_name, sc) => {
  it('always equals what a full scan of the records computes, in (due, seq) order, and finds the same next event', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), inputsArb(sc), (seed, moves) => {
        const c = createDrill(sc, { seed, participants: team });
        if (!c.ok) return;
        let s = c.state;
        checkQueue(sc, s);
        s = step(sc, s, { type: 'start' }).state;
        for (const m of moves) {
          s = step(sc, s, m(pick(s))).state;
          checkQueue(sc, s);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('equals the full scan after every entry of whole automatic playthroughs', () => {
    for (const policy of POLICIES)
      for (const seed of [1]) {
        const t = autoplay(sc, { seed, policy }).transcript();
        const r = replay(sc, t, { keepStates: true });
        if (!r.ok) throw new Error(r.reason);
        for (const s of r.states!) checkQueue(sc, s);
        // A finished drill has nothing left at or before its end.
        expect(r.state.timers.every((x) => x.due > r.state.clock)).toBe(true);
      }
  }, 60_000);
});
