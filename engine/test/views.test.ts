import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDrill,
  localize,
  policyChoice,
  step,
  viewFor,
  type DrillState,
  type Participant,
  type Viewer,
} from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const people: Participant[] = [
  { id: 'p1', name: 'Ana', team: 'red', roles: ['chief'] },
  { id: 'p2', name: 'Bo', team: 'blue', roles: ['press'] },
];

/** A drill played by the random policy for `n` inputs from a seed: a random point in a random drill. */
function drillAt(seed: string, n: number): DrillState {
  const c = createDrill(sc, { seed, participants: people });
  if (!c.ok) throw new Error(c.reason);
  let s = c.state;
  let k = 0;
  const rnd = (): number => (k = (k * 9301 + 49297) % 233280) / 233280;
  for (let i = 0; i < n && s.phase !== 'debrief'; i++) {
    const input =
      i === 0
        ? { type: 'start' as const }
        : (policyChoice(sc, s, 'random', rnd) ?? { type: 'advance' as const, to: 'next' as const });
    const r = step(sc, s, input);
    s = r.ok ? r.state : step(sc, s, { type: 'advance', to: 'next' }).state;
  }
  return s;
}

const viewers: fc.Arbitrary<Viewer> = fc.oneof(
  fc.constantFrom<Viewer>(
    { kind: 'participant', id: 'p1' },
    { kind: 'participant', id: 'p2' },
    { kind: 'team', team: 'red' },
    { kind: 'team', team: 'blue' },
    { kind: 'facilitator' },
    { kind: 'evaluator' },
  ),
  fc.record({ kind: fc.constant('projector' as const), showScores: fc.boolean() }),
  fc.record({
    kind: fc.constant('projector' as const),
    team: fc.constantFrom('red', 'blue'),
    showScores: fc.boolean(),
  }),
);

const seatRoles = (v: Viewer): string[] | undefined => {
  if (v.kind === 'participant') return people.find((p) => p.id === v.id)!.roles;
  if (v.kind === 'team' || (v.kind === 'projector' && v.team))
    return people.filter((p) => p.team === (v as { team: string }).team).flatMap((p) => p.roles);
  return undefined;
};

describe('per-viewer views', () => {
  it('no viewer sees what it must not: scores, variation draws, random state, other seats’ injects and decisions, option scores', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 40 }),
        viewers,
        (seed, n, v) => {
          const state = drillAt(String(seed), n);
          const view = viewFor(sc, state, v, 'en');
          // The score report (for those allowed it) is judged below; everything else is checked as text.
          const { score: _score, ...rest } = view;
          const json = JSON.stringify(rest);
          // Never the random state or scoring internals of options.
          expect(json).not.toMatch(/"rng"|"s0"|"feedback"|"score":\d/);
          // Variation draws only for the facilitator.
          expect('variations' in view).toBe(v.kind === 'facilitator');
          // Scores only for the facilitator, the evaluator and a projector told to show them.
          const scored =
            v.kind === 'facilitator' || v.kind === 'evaluator' || (v.kind === 'projector' && v.showScores);
          expect('score' in view).toBe(scored);
          const roles = seatRoles(v);
          if (roles) {
            const mine = (rs: readonly string[]): boolean =>
              rs.includes('all') || rs.some((r) => roles.includes(r));
            expect(view.feed.every((f) => mine(f.roles))).toBe(true);
            expect(view.open.every((d) => mine(d.roles))).toBe(true);
            // The text of an inject addressed only to other seats appears nowhere in the view.
            for (const f of state.feed.filter((x) => !mine(x.roles))) {
              const text = localize(sc.injects.find((i) => i.id === f.inject)?.text, 'en');
              if (text) expect(json).not.toContain(text);
            }
          }
          // Open options are offered ones, with labels only.
          for (const d of view.open)
            for (const o of d.options) expect(Object.keys(o).sort()).toEqual(['id', 'label']);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a participant sees the decisions of their seat open, in the drill’s presented order', () => {
    let s = drillAt('5', 1);
    s = step(sc, s, { type: 'advance', to: 'next' }).state; // T-6h: `ack` opens for the chief
    const chief = viewFor(sc, s, { kind: 'participant', id: 'p1' }, 'en');
    const press = viewFor(sc, s, { kind: 'participant', id: 'p2' }, 'en');
    expect(chief.open.map((d) => d.decision)).toEqual(['ack']);
    expect(chief.open[0]!.options.map((o) => o.id)).toEqual(s.decisions.ack!.order);
    expect(press.open).toEqual([]);
  });
});
