import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDrill,
  replay,
  Session,
  step,
  verify,
  type DrillState,
  type Scenario,
  type Transcript,
} from '../src/index.ts';
import { shippedScenario } from './shipped.ts';
import { fixture } from './fixture.ts';
import { inputArb } from './arbitraries.ts';

const scenarios: [string, Scenario][] = [
  ['fixture', fixture()],
  ['typhoon', shippedScenario('typhoon')],
];
const team = [
  { id: 'c', name: 'Chief', team: 'A', roles: ['all'] },
  { id: 'd', name: 'Deputy', team: 'B', roles: ['all'] },
];
const RUNS = 120;

function inBounds(sc: Scenario, s: DrillState): boolean {
  return sc.variables.every((v) => {
    const x = s.world[v.id];
    if (v.type === 'boolean') return typeof x === 'boolean';
    return (
      typeof x === 'number' &&
      Number.isFinite(x) &&
      (v.min === undefined || x >= v.min) &&
      (v.max === undefined || x <= v.max)
    );
  });
}

function record(sc: Scenario, seed: string, inputs: unknown[]): Session {
  const s = Session.start(sc, { seed, participants: team, startedAt: '2026-01-01T00:00:00.000Z' });
  if ('error' in s) throw new Error(s.error);
  s.apply({ type: 'start' });
  for (const i of inputs) s.apply(i as never);
  return s;
}

describe.each(scenarios)('engine invariants on %s', (_name, sc) => {
  const inputs = fc.array(
    inputArb(
      sc,
      team.map((p) => p.id),
    ),
    { maxLength: 60 },
  );

  it('never throws on any sequence of valid and invalid inputs; a refusal leaves the state untouched', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), inputs, (seed, list) => {
        const c = createDrill(sc, { seed, participants: team });
        if (!c.ok) return;
        let s = c.state;
        for (const i of list) {
          const r = step(sc, s, i);
          if (!r.ok) {
            expect(r.state).toBe(s);
            expect(r.rejection.reason.length).toBeGreaterThan(0);
          }
          s = r.state;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('time never moves backwards and never leaves the scenario clock', () => {
    fc.assert(
      fc.property(inputs, (list) => {
        const c = createDrill(sc, { seed: 's', participants: team });
        if (!c.ok) return;
        let s = c.state;
        for (const i of list) {
          const r = step(sc, s, i);
          expect(r.state.clock).toBeGreaterThanOrEqual(s.clock);
          expect(r.state.clock).toBeGreaterThanOrEqual(sc.clock.start);
          expect(r.state.clock).toBeLessThanOrEqual(sc.clock.end);
          s = r.state;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('world variables stay within their declared bounds and types', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), inputs, (seed, list) => {
        const c = createDrill(sc, { seed, participants: team });
        if (!c.ok) return;
        let s = c.state;
        expect(inBounds(sc, s)).toBe(true);
        for (const i of list) {
          s = step(sc, s, i).state;
          expect(inBounds(sc, s)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the same seed and inputs give byte-identical input logs and state hashes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), inputs, (seed, list) => {
        const a = record(sc, seed, list).transcript();
        const b = record(sc, seed, list).transcript();
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 60 },
    );
  });

  it('replaying a transcript reproduces its final state hash, and it verifies', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), inputs, (seed, list) => {
        const s = record(sc, seed, list);
        const t = s.transcript();
        const r = replay(sc, t);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.finalStateHash).toBe(s.entries.at(-1)!.stateHash);
        expect(verify(sc, t).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('changing any single entry of a transcript makes verify fail at that entry', () => {
    const mutate = fc.constantFrom('input', 'at', 'stateHash', 'hash', 'prev', 'seq');
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        inputs,
        fc.nat(),
        mutate,
        (seed, list, pick, field) => {
          const t = record(sc, seed, list).transcript();
          const k = pick % t.entries.length;
          const bad: Transcript = JSON.parse(JSON.stringify(t));
          const e = bad.entries[k]! as unknown as Record<string, unknown>;
          if (field === 'input') e.input = { ...(e.input as object), tampered: true };
          else if (field === 'at' || field === 'seq') e[field] = (e[field] as number) + 1;
          else e[field] = (e[field] as string).replace(/^./, (c) => (c === '0' ? '1' : '0'));
          const v = verify(sc, bad);
          expect(v.ok).toBe(false);
          if (!v.ok) {
            expect(v.entry).toBe(k + 1);
            expect(v.reason).toMatch(new RegExp(`^entry ${k + 1}: `));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
