import { giveaways as farLongest } from '../giveaways.ts';
import type { LintContext } from './context.ts';

/** A best option whose label is by far the longest gives the answer away to someone who guesses. */
export function giveawayRules(k: LintContext): void {
  const langs = new Map<string, string[]>();
  for (const lang of k.s.languages)
    for (const id of farLongest(k.s, lang, []).farLongest) langs.set(id, [...(langs.get(id) ?? []), lang]);
  for (const [id, ls] of langs)
    k.warn(
      'decisions',
      id,
      ['options'],
      'answer-giveaway',
      `the best option of \`${id}\` has by far the longest label (${ls.join(', ')}): a guesser picks it`,
      'give the other options the same length and specificity, each with its own logic and cost',
    );
}
