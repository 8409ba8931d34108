import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  parseTranscript,
  RATINGS,
  ratingFor,
  replay,
  scoreDrill,
  Session,
  verify,
  type ProposedRating,
  type Rating,
  type ScoreReport,
  type Scenario,
  type Subject,
  type Transcript,
} from '@drill/engine';
import { buildAar } from '@drill/report';
import { loadScenario, shippedScenarioIds } from '@drill/scenarios';
import { playPlan, type DecisionPlan } from './play.ts';

const scenarios: Scenario[] = shippedScenarioIds().map((id) => loadScenario(id));
// Each run plays whole drills; raise PROPERTY_RUNS for a deeper search (CI default keeps the suite quick).
const RUNS = Number(process.env.PROPERTY_RUNS ?? 10);

const arbPlan: fc.Arbitrary<DecisionPlan> = fc.record({
  frac: fc.double({ min: 0, max: 0.999, noNaN: true }),
  never: fc.constant(false),
  picks: fc.array(fc.nat(20), { minLength: 1, maxLength: 8 }),
});
// One in six decisions is left to time out, so missed decisions and defaults are covered too.
const arbPlanWithMisses: fc.Arbitrary<DecisionPlan> = fc
  .tuple(arbPlan, fc.nat(5))
  .map(([p, k]) => ({ ...p, never: k === 0 }));

const arbDrill = fc.record({
  scenario: fc.constantFrom(...scenarios),
  seed: fc.string({ minLength: 1, maxLength: 8 }),
  plans: fc.array(arbPlanWithMisses, { minLength: 40, maxLength: 40 }),
});

const play = (scenario: Scenario, seed: string, plans: DecisionPlan[], best?: Set<string>): Transcript =>
  playPlan(scenario, { seed, plan: (_d, i) => plans[i % plans.length]!, ...(best ? { best } : {}) })
    .transcript;

const rank = (r: ProposedRating): number => ['P', 'S', 'M', 'U'].indexOf(r);
const within = (x: number, lo: number, hi: number): boolean =>
  Number.isFinite(x) && x >= lo - 1e-9 && x <= hi + 1e-9;

function checkBounds(r: ScoreReport): void {
  expect(within(r.overall, 0, 100)).toBe(true);
  expect(within(r.breakdown.decisions, 0, 100)).toBe(true);
  if (r.breakdown.outcomes !== null) expect(within(r.breakdown.outcomes, 0, 100)).toBe(true);
  for (const d of r.decisions) {
    expect(within(d.value, 0, 1)).toBe(true);
    expect(within(d.best, 0, 1)).toBe(true);
    expect(within(d.credit, 0, d.value)).toBe(true);
    if (d.status === 'missed') expect(d.credit).toBe(0);
  }
  for (const o of r.outcomes) expect(within(o.credit, 0, 1)).toBe(true);
  for (const s of [
    { capabilities: r.capabilities, score: r.overall },
    ...r.teams,
    ...r.roles,
    ...r.participants,
  ]) {
    if (s.score !== null) expect(within(s.score, 0, 100)).toBe(true);
    for (const c of s.capabilities) {
      expect([...RATINGS, 'not-rated']).toContain(c.proposed);
      expect([...RATINGS, 'not-rated']).toContain(c.final);
      if (c.credit === null) expect(c.proposed).toBe('not-rated');
      else {
        expect(within(c.credit, 0, 1)).toBe(true);
        // The rating follows the credit, lowered by any outcome cap that applies (never raised).
        const rank = (r: string): number => RATINGS.indexOf(r as (typeof RATINGS)[number]);
        const capped = (c.caps ?? []).reduce(
          (w, x) => (rank(x.rating!) > rank(w) ? x.rating! : w),
          ratingFor(c.credit) as string,
        );
        expect(c.proposed).toBe(capped);
        for (const x of c.caps ?? []) expect(rank(c.proposed)).toBeGreaterThanOrEqual(rank(x.rating!));
      }
      if (!c.override) expect(c.final).toBe(c.proposed);
    }
  }
  for (const o of r.objectives) expect([...RATINGS, 'not-rated']).toContain(o.rating);
}

describe('scoring properties (every shipped scenario)', () => {
  it('has scenarios to test', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it('every score and rating stays within its bounds, whatever is chosen and when', () => {
    fc.assert(
      fc.property(arbDrill, ({ scenario, seed, plans }) => {
        const t = play(scenario, seed, plans);
        expect(t.result).toBeDefined();
        checkBounds(t.result!.score);
      }),
      { numRuns: RUNS },
    );
  });

  it('scores are reproducible from the transcript alone (replay → scoreDrill equals the recorded score)', () => {
    fc.assert(
      fc.property(arbDrill, ({ scenario, seed, plans }) => {
        const t = play(scenario, seed, plans);
        const parsed = parseTranscript(JSON.stringify(t));
        expect(parsed.ok).toBe(true);
        const copy = (parsed as { transcript: Transcript }).transcript;
        const r = replay(scenario, copy, { keepStates: true });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(canonicalJson(scoreDrill(scenario, r.state))).toBe(canonicalJson(t.result!.score));
        const v = verify(scenario, copy);
        expect(v.ok && v.complete).toBe(true);
        // The report is built from the replay, so it shows the same numbers.
        const aar = buildAar(scenario, copy, r, v);
        expect(aar.overall.score).toBe(t.result!.score.overall);
        expect(aar.verification.ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("switching one decision to the option the scenario marks best never lowers that capability's rating", () => {
    fc.assert(
      fc.property(arbDrill, fc.nat(1000), ({ scenario, seed, plans }, which) => {
        const choosable = scenario.decisions
          .map((d, i) => ({ d, i }))
          .filter(({ d }) => d.kind !== 'allocate' && d.kind !== 'discuss');
        fc.pre(choosable.length > 0);
        const { d, i } = choosable[which % choosable.length]!;
        const noMiss = plans.map((p, k) => (k === i % plans.length ? { ...p, never: false } : p));
        const before = play(scenario, seed, noMiss).result!.score;
        const after = play(scenario, seed, noMiss, new Set([d.id])).result!.score;
        const ds = after.decisions.find((x) => x.decision === d.id)!;
        const was = before.decisions.find((x) => x.decision === d.id)!;
        fc.pre(was.status === 'decided' && ds.status === 'decided');
        // The switched decision itself never earns less…
        expect(ds.credit).toBeGreaterThanOrEqual(was.credit - 1e-9);
        // …and the capability it is evidence for is rated no worse.
        const cap = ds.capability;
        const rb = before.capabilities.find((c) => c.capability === cap)!.proposed;
        const ra = after.capabilities.find((c) => c.capability === cap)!.proposed;
        if (rb !== 'not-rated') expect(rank(ra)).toBeLessThanOrEqual(rank(rb));
      }),
      { numRuns: RUNS },
    );
  });

  it('an evaluator override survives replay and verify, and the proposed rating stays beside it', () => {
    fc.assert(
      fc.property(
        arbDrill,
        fc.nat(1000),
        fc.constantFrom(...RATINGS),
        fc.constantFrom<Subject['kind']>('overall', 'team', 'role', 'participant'),
        fc.string({ minLength: 1, maxLength: 40 }),
        ({ scenario, seed, plans }, which, rating: Rating, kind, note) => {
          const { session } = playPlan(scenario, { seed, plan: (_d, i) => plans[i % plans.length]! });
          const t = session.transcript();
          const capability = scenario.capabilities[which % scenario.capabilities.length]!.id;
          const p = t.header.participants[0]!;
          const subject: Subject =
            kind === 'overall'
              ? { kind }
              : kind === 'team'
                ? { kind, id: p.team }
                : kind === 'participant'
                  ? { kind, id: p.id }
                  : { kind, id: scenario.roles[which % scenario.roles.length]!.id };
          const resumed = Session.resume(scenario, JSON.parse(JSON.stringify(t)) as Transcript);
          if ('error' in resumed) throw new Error(resumed.error);
          const r = resumed.apply({ type: 'override', capability, subject, rating, note });
          expect(r.ok).toBe(true);
          const amended = JSON.parse(JSON.stringify(resumed.transcript())) as Transcript;
          const v = verify(scenario, amended);
          expect(v.ok && v.complete).toBe(true);
          const rep = replay(scenario, amended);
          if (!rep.ok) throw new Error(rep.reason);
          const score = scoreDrill(scenario, rep.state);
          const list =
            kind === 'overall'
              ? score.capabilities
              : (kind === 'team' ? score.teams : kind === 'role' ? score.roles : score.participants).find(
                  (s) => s.subject.id === subject.id,
                )!.capabilities;
          const c = list.find((x) => x.capability === capability)!;
          expect(c.final).toBe(rating);
          expect(c.override?.note).toBe(note);
          const prior = (
            kind === 'overall'
              ? t.result!.score.capabilities
              : (kind === 'team'
                  ? t.result!.score.teams
                  : kind === 'role'
                    ? t.result!.score.roles
                    : t.result!.score.participants
                ).find((s) => s.subject.id === subject.id)!.capabilities
          ).find((x) => x.capability === capability)!;
          expect(c.proposed).toBe(prior.proposed);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('editing any recorded score makes verify fail', () => {
    fc.assert(
      fc.property(
        arbDrill,
        fc.nat(100_000),
        fc.constantFrom(0.5, -1, 7, 0.01),
        ({ scenario, seed, plans }, which, delta) => {
          const t = play(scenario, seed, plans);
          const edited = JSON.parse(JSON.stringify(t)) as Transcript;
          // Every number in the recorded score, as a path.
          const paths: (string | number)[][] = [];
          const walk = (v: unknown, path: (string | number)[]): void => {
            if (typeof v === 'number') paths.push(path);
            else if (v && typeof v === 'object')
              for (const [k, x] of Object.entries(v)) walk(x, [...path, Array.isArray(v) ? Number(k) : k]);
          };
          walk(edited.result!.score, []);
          const path = paths[which % paths.length]!;
          let node = edited.result!.score as unknown as Record<string | number, unknown>;
          for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
          node[path.at(-1)!] = (node[path.at(-1)!] as number) + delta;
          const v = verify(scenario, edited);
          expect(v.ok).toBe(false);
          if (!v.ok) expect(v.reason).toMatch(/score/);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
