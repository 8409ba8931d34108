import { keyedShuffle } from './rng.ts';
import type { DecisionPoint, Scenario } from './scenario/model.ts';
import { localize, type Lang } from './text.ts';

/** How much a scenario's option labels and order give the answer away, in one language. */
export interface Giveaways {
  lang: Lang;
  /** Single-choice decisions with one best option. */
  singles: number;
  /** Of those, how many have the best option as their longest label. */
  bestIsLongest: number;
  /** Decisions whose best label is by far the longest (≥ 1.5× the next one): `drill lint` warns. */
  farLongest: string[];
  /** How often the best option stood at each presented position (1st, 2nd…), over the seeds given. */
  bestPosition: number[];
}

const chars = (s: string): number => [...s].length;

function bestOption(d: DecisionPoint): string | undefined {
  const top = Math.max(...d.options.map((o) => o.score ?? 0));
  const best = d.options.filter((o) => (o.score ?? 0) === top);
  return best.length === 1 ? best[0]!.id : undefined;
}

/** Measures the label-length and position giveaways of a scenario's single-choice decisions. */
export function giveaways(scenario: Scenario, lang: Lang, seeds: readonly string[]): Giveaways {
  const out: Giveaways = { lang, singles: 0, bestIsLongest: 0, farLongest: [], bestPosition: [] };
  for (const d of scenario.decisions) {
    if (d.kind !== 'single') continue;
    const best = bestOption(d);
    if (best === undefined) continue;
    out.singles += 1;
    const len = (id: string): number => chars(localize(d.options.find((o) => o.id === id)!.label, lang));
    const others = d.options.filter((o) => o.id !== best).map((o) => len(o.id));
    const longestOther = Math.max(...others);
    if (len(best) >= longestOther) out.bestIsLongest += 1;
    if (len(best) >= 1.5 * longestOther) out.farLongest.push(d.id);
    const ids = d.options.map((o) => o.id);
    for (const seed of seeds) {
      const order = d.order === 'fixed' ? ids : keyedShuffle(seed, `order:${d.id}`, ids);
      const at = order.indexOf(best);
      out.bestPosition[at] = (out.bestPosition[at] ?? 0) + 1;
    }
  }
  for (let i = 0; i < out.bestPosition.length; i++) out.bestPosition[i] ??= 0;
  return out;
}
