import type { DecisionPoint, Scenario } from '../scenario/model.ts';
import { rubricCapability } from '../scenario/rubric.ts';
import { formatScenarioTime } from '../time.ts';
import type { LintContext } from './context.ts';

/** Objectives and capabilities that no decision scores. */
export function scoringRules(k: LintContext): void {
  const s = k.s;
  const scored = new Set<string>();
  for (const d of s.decisions) {
    if (!k.reachD.has(d.id)) continue;
    scored.add(d.capability);
    // A discussion's tags count: its capabilities are weighed by the evaluators, not by a score.
    for (const c of d.capabilities ?? []) scored.add(c);
    if (d.kind === 'single') for (const o of d.options) if (o.capability) scored.add(o.capability);
  }
  for (const o of s.objectives) {
    const missing = o.capabilities.filter((c) => !scored.has(c));
    if (missing.length === o.capabilities.length)
      k.warn(
        'objectives',
        o.id,
        ['capabilities'],
        'unscored-objective',
        `objective \`${o.id}\` is scored by no decision: none of its capabilities (${o.capabilities.join(', ')}) is a decision's capability`,
        'give a decision one of these capabilities, or remove the objective',
      );
    else
      for (const c of missing)
        k.warn(
          'objectives',
          o.id,
          ['capabilities', o.capabilities.indexOf(c)],
          'unscored-objective',
          `objective \`${o.id}\` lists capability \`${c}\`, which no decision scores`,
          'set it as a decision’s (or an option’s) `capability`, or remove it from the objective',
        );
  }
  const own = s.capabilities.filter((c) => !rubricCapability(s.rubric, c.id));
  for (const c of own)
    if (!scored.has(c.id))
      k.warn(
        'capabilities',
        c.id,
        [],
        'unscored-capability',
        `capability \`${c.id}\` is scored by no decision`,
        'set it as a decision’s `capability`, or remove it',
      );
}

/**
 * A discussion written without `due` stays open until the next module starts (or the end): that is
 * when the facilitator moves on, not a deadline anyone races, so it clashes with nothing. Its compiled
 * due is that minute (the compiler fills it in), which is how it is told apart here.
 */
function openUntilNextModule(s: Scenario, d: DecisionPoint): boolean {
  if (d.kind !== 'discuss' || !('abs' in d.due)) return false;
  const from = d.opens ?? s.clock.start;
  return d.due.abs === (s.modules.find((m) => m.at > from)?.at ?? s.clock.end);
}

/** Two decisions due at the same minute for the same role: one person cannot answer both on time. */
export function deadlineRules(k: LintContext): void {
  const dues = k.s.decisions
    .filter((d) => k.reachD.has(d.id) && !openUntilNextModule(k.s, d))
    .flatMap((d) => {
      const at = 'abs' in d.due ? d.due.abs : d.opens !== undefined ? d.opens + d.due.rel : undefined;
      return at === undefined ? [] : [{ d, at }];
    });
  for (let j = 0; j < dues.length; j++)
    for (let i = 0; i < j; i++) {
      const a = dues[i]!;
      const b = dues[j]!;
      if (a.at !== b.at) continue;
      const shared =
        a.d.roles.includes('all') || b.d.roles.includes('all')
          ? ['all']
          : a.d.roles.filter((r) => b.d.roles.includes(r));
      if (shared.length === 0) continue;
      k.warn(
        'decisions',
        b.d.id,
        ['due'],
        'same-minute-due',
        `decisions \`${a.d.id}\` and \`${b.d.id}\` are both due at ${formatScenarioTime(b.at)} for ${shared.map((r) => `\`${r}\``).join(', ')}`,
        'stagger the deadlines so one role does not face two at once',
      );
    }
}
