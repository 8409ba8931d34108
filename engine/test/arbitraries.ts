import fc from 'fast-check';
import type { Input, Scenario } from '../src/index.ts';

/**
 * Inputs a drill might receive — valid ones, plausible mistakes and junk — built from the scenario's own
 * ids so that a good share of them are accepted and move the drill on.
 */
export function inputArb(sc: Scenario, participants: string[]): fc.Arbitrary<unknown> {
  const decision = sc.decisions.length ? fc.constantFrom(...sc.decisions) : fc.constant(undefined);
  const choose = fc
    .tuple(
      decision,
      fc.constantFrom(...participants, 'ghost'),
      fc.array(fc.nat(), { maxLength: 3 }),
      fc.boolean(),
      fc.option(fc.string({ maxLength: 30 })),
    )
    .map(([d, participant, picks, junk, rationale]): Input => {
      if (!d) return { type: 'advance', to: 'next' };
      const opts = picks.map((i) => d.options[i % d.options.length]!.id);
      const base = {
        type: 'choose' as const,
        participant,
        decision: junk ? 'no_such_decision' : d.id,
        ...(rationale ? { rationale } : {}),
      };
      if (d.kind === 'allocate')
        return { ...base, allocation: Object.fromEntries(opts.map((o, i) => [o, picks[i]! % 5])) };
      return { ...base, options: d.kind === 'single' ? opts.slice(0, 1) : [...new Set(opts)] };
    });
  const roles = sc.roles.map((r) => r.id);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<Input>({ type: 'advance', to: 'next' }) },
    {
      weight: 2,
      arbitrary: fc.integer({ min: 1, max: 900 }).map((minutes): Input => ({ type: 'advance', minutes })),
    },
    { weight: 5, arbitrary: choose },
    { weight: 1, arbitrary: fc.constant<Input>({ type: 'start' }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Input>(
        { type: 'pause' },
        { type: 'resume' },
        { type: 'end' },
        { type: 'close' },
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.nat({ max: 99 }), fc.constantFrom(...roles, 'all', 'nobody'))
        .map(([n, role]): Input => ({
          type: 'inject',
          id: `adhoc-${n}`,
          roles: [role],
          text: { en: 'Trainer inject', 'zh-CN': '导调注入' },
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...sc.capabilities.map((c) => c.id), 'flying'),
          fc.constantFrom('P', 'S', 'M', 'U'),
        )
        .map(([capability, rating]) => ({ type: 'override', capability, rating, note: 'evaluator note' })),
    },
    { weight: 1, arbitrary: fc.anything() },
  );
}
