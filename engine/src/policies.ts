import seedrandom from 'seedrandom';
import type { Input } from './inputs.ts';
import { allocationBudget, deciderOf, presentedOptions } from './queries.ts';
import { keyedDraw } from './rng.ts';
import type { DecisionOption, DecisionPoint, Scenario } from './scenario/model.ts';
import { choiceValue } from './score.ts';
import type { ColleagueLevel, DrillState } from './state.ts';
import { localize, type Lang } from './text.ts';

/**
 * How an automatic player decides. `best` and `worst` read the scores (the built-in expert and the
 * worst case); `random` picks uniformly; the naive players know nothing and go by what a guesser sees:
 * the position (`first`, `last`), the label's length (`longest`, `shortest`) or how many figures it
 * quotes (`numbers`). A scenario gives its answer away when a naive player scores well.
 */
export const POLICIES = [
  'random',
  'first',
  'last',
  'longest',
  'shortest',
  'numbers',
  'best',
  'worst',
] as const;
export type Policy = (typeof POLICIES)[number];
export const NAIVE_POLICIES: readonly Policy[] = ['first', 'last', 'longest', 'shortest', 'numbers'];

export type Choice = Extract<Input, { type: 'choose' }>;
type Pick = { options: string[] } | { allocation: Record<string, number> };

export interface PolicyOptions {
  /** The language whose labels the naive players read (lengths and figures differ by language). */
  lang?: Lang;
}

/** The random stream of an automatic player: one scheme for every front end. */
export function policyRandom(policy: Policy | ColleagueLevel | 'answers', seed: string): () => number {
  return seedrandom.alea(`policy:${policy}:${seed}`);
}

/**
 * What the policy would do now for the people at the table: a choice for an open decision, or
 * undefined to let the clock run. Decisions left to simulated colleagues are theirs (`colleagueChoice`).
 */
export function policyChoice(
  scenario: Scenario,
  state: DrillState,
  policy: Policy,
  rnd: () => number,
  o: PolicyOptions = {},
): Choice | undefined {
  for (const d of scenario.decisions) {
    // An automatic player has nothing to say in a discussion: it is left for the people at the table.
    if (state.decisions[d.id]?.status !== 'open' || d.kind === 'discuss') continue;
    const p = deciderOf(state, d);
    if (!p || p.colleague !== undefined) continue;
    // The random player sometimes lets a decision wait, so late and missed paths get exercised too.
    if (policy === 'random' && rnd() < 0.15) continue;
    return { type: 'choose', participant: p.id, decision: d.id, ...pick(scenario, d, state, policy, rnd, o) };
  }
  return undefined;
}

/**
 * The next decision a simulated colleague takes, as soon as it opens: `competent` takes the best
 * option, `average` the best most of the time and a partial answer otherwise, `weak` often the worst.
 * Which way a colleague goes depends only on (seed, decision), so replaying a drill repeats it.
 */
export function colleagueChoice(scenario: Scenario, state: DrillState): Choice | undefined {
  for (const d of scenario.decisions) {
    if (state.decisions[d.id]?.status !== 'open' || d.kind === 'discuss') continue;
    const p = deciderOf(state, d);
    if (!p?.colleague) continue;
    const u = keyedDraw(state.seed, `colleague:${d.id}`);
    const rnd = seedrandom.alea(`${state.seed}\u0000colleague-pick:${d.id}`);
    const policy: Policy | 'partial' =
      p.colleague === 'competent'
        ? 'best'
        : p.colleague === 'average'
          ? u < 0.6
            ? 'best'
            : 'partial'
          : u < 0.2
            ? 'best'
            : u < 0.5
              ? 'partial'
              : 'worst';
    const choice =
      policy === 'partial' ? partial(scenario, d, state, rnd) : pick(scenario, d, state, policy, rnd, {});
    return { type: 'choose', participant: p.id, decision: d.id, ...choice };
  }
  return undefined;
}

/** The second-best single option, the top option alone of a multi-choice, a random split. */
function partial(scenario: Scenario, d: DecisionPoint, state: DrillState, rnd: () => number): Pick {
  const offered = presentedOptions(scenario, state, d);
  if (d.kind === 'allocate') return { allocation: randomSplit(d, state, offered, rnd) };
  const byScore = rankBy(offered, (o) => o.score ?? 0);
  if (d.kind === 'multi') return { options: [byScore[0]!.id] };
  return { options: [(byScore[1] ?? byScore[0])!.id] };
}

/** Options sorted by a key, highest first; ties keep the presented order. */
function rankBy(options: readonly DecisionOption[], key: (o: DecisionOption) => number): DecisionOption[] {
  return options
    .map((o, i) => ({ o, i, k: key(o) }))
    .sort((a, b) => b.k - a.k || a.i - b.i)
    .map((x) => x.o);
}

const chars = (s: string): number => [...s].length;
const figures = (s: string): number => s.match(/\d+(?:[.,]\d+)*/g)?.length ?? 0;

/** How a naive player ranks the options it sees, most attractive first. */
function naiveRanking(
  options: readonly DecisionOption[],
  policy: Policy,
  lang: Lang,
): DecisionOption[] | undefined {
  const label = (o: DecisionOption): string => localize(o.label, lang);
  switch (policy) {
    case 'first':
      return [...options];
    case 'last':
      return [...options].reverse();
    case 'longest':
      return rankBy(options, (o) => chars(label(o)));
    case 'shortest':
      return rankBy(options, (o) => -chars(label(o)));
    case 'numbers':
      return rankBy(options, (o) => figures(label(o)));
    case 'random':
    case 'best':
    case 'worst':
      return undefined;
    default: {
      const never: never = policy;
      return never;
    }
  }
}

function pick(
  scenario: Scenario,
  d: DecisionPoint,
  state: DrillState,
  policy: Policy,
  rnd: () => number,
  o: PolicyOptions,
): Pick {
  const offered = presentedOptions(scenario, state, d);
  const naive = naiveRanking(offered, policy, o.lang ?? 'en');
  if (d.kind === 'allocate') return { allocation: pickAllocation(d, state, offered, policy, naive, rnd) };
  const byScore = rankBy(offered, (x) => x.score ?? 0);
  const max = Math.min(d.max ?? offered.length, offered.length);
  if (naive) return { options: naive.slice(0, d.kind === 'single' ? 1 : max).map((x) => x.id) };
  if (policy === 'worst') return { options: [byScore.at(-1)!.id] };
  if (policy === 'best') {
    if (d.kind === 'single') return { options: [byScore[0]!.id] };
    return { options: byScore.filter((x, i) => i === 0 || (i < max && (x.score ?? 0) > 0)).map((x) => x.id) };
  }
  if (d.kind === 'single') return { options: [offered[Math.floor(rnd() * offered.length)]!.id] };
  const k = 1 + Math.floor(rnd() * max);
  const shuffled = offered.map((x) => ({ x, r: rnd() })).sort((a, b) => a.r - b.r);
  return { options: shuffled.slice(0, k).map((e) => e.x.id) };
}

const bounds = (d: DecisionPoint, budget: number, id: string): [number, number] => {
  const o = d.options.find((x) => x.id === id);
  const lo = Math.max(0, Math.ceil(o?.min ?? 0));
  return [lo, Math.max(lo, Math.min(budget, Math.floor(o?.max ?? budget)))];
};

/** A random split of the whole budget within each target's bounds, in time independent of the budget. */
function randomSplit(
  d: DecisionPoint,
  state: DrillState,
  offered: readonly DecisionOption[],
  rnd: () => number,
  budget = allocationBudget(state, d),
  // Each offered target's bounds, in `offered` order: a best or worst player draws 301 splits of one
  // decision, and working these out again for each was a fifth of a coverage run's CPU.
  lim: readonly (readonly [number, number])[] = offered.map((x) => bounds(d, budget, x.id)),
): Record<string, number> {
  const ids = offered.map((x) => x.id);
  const a: Record<string, number> = Object.create(null) as Record<string, number>;
  ids.forEach((id, i) => (a[id] = lim[i]![0]));
  let left = budget - ids.reduce((s, id) => s + a[id]!, 0);
  if (left <= 0 || ids.length === 0) return { ...a };
  const w = ids.map(() => rnd() + 1e-9);
  const sum = w.reduce((s, x) => s + x, 0);
  ids.forEach((id, i) => {
    const add = Math.min(Math.floor((left * w[i]!) / sum), lim[i]![1] - a[id]!);
    a[id]! += add;
  });
  left = budget - ids.reduce((s, id) => s + a[id]!, 0);
  for (const [i, id] of ids.entries()) {
    if (left <= 0) break;
    const add = Math.min(left, lim[i]![1] - a[id]!);
    a[id]! += add;
    left -= add;
  }
  return { ...a };
}

/** Everything to one target (the others at their minimum). */
function allTo(
  d: DecisionPoint,
  budget: number,
  ids: readonly string[],
  target: string,
): Record<string, number> {
  const a = Object.fromEntries(ids.map((id) => [id, bounds(d, budget, id)[0]]));
  const rest = budget - ids.reduce((s, id) => s + (id === target ? 0 : a[id]!), 0);
  a[target] = Math.max(bounds(d, budget, target)[0], Math.min(bounds(d, budget, target)[1], rest));
  return a;
}

function pickAllocation(
  d: DecisionPoint,
  state: DrillState,
  offered: readonly DecisionOption[],
  policy: Policy,
  naive: DecisionOption[] | undefined,
  rnd: () => number,
): Record<string, number> {
  const budget = allocationBudget(state, d);
  const ids = offered.map((x) => x.id);
  if (naive) return allTo(d, budget, ids, naive[0]!.id);
  if (policy === 'random') return randomSplit(d, state, offered, rnd);
  // best / worst: search candidate splits with a fixed, seeded sample (deterministic for a seed).
  const lim = offered.map((x) => bounds(d, budget, x.id));
  const limOf = new Map(ids.map((id, i) => [id, lim[i]!]));
  const candidates = [randomSplit(d, state, offered, rnd, budget, lim)];
  for (let i = 0; i < 300; i++) candidates.push(randomSplit(d, state, offered, rnd, budget, lim));
  for (const id of ids) candidates.push(allTo(d, budget, ids, id));
  const better = (v: number, than: number): boolean => (policy === 'best' ? v > than : v < than);
  let best = candidates[0]!;
  let bestV = policy === 'best' ? -Infinity : Infinity;
  for (const c of candidates) {
    if (Object.values(c).reduce((s, v) => s + v, 0) > budget) continue;
    const v = choiceValue(d, [], c, state);
    if (better(v, bestV)) {
      best = c;
      bestV = v;
    }
  }
  // Then refine by moving amounts between targets, in steps halving from a quarter of the budget to
  // one unit: a sample alone can miss a narrow optimum, and this costs steps in log(budget), not budget.
  for (
    let stepSize = Math.max(1, Math.floor(budget / 4));
    stepSize >= 1;
    stepSize = Math.floor(stepSize / 2)
  ) {
    for (let improved = true, rounds = 0; improved && rounds < 50; rounds++) {
      improved = false;
      for (const from of ids)
        for (const to of ids) {
          if (from === to) continue;
          const c = { ...best, [from]: best[from]! - stepSize, [to]: best[to]! + stepSize };
          if (c[from]! < limOf.get(from)![0] || c[to]! > limOf.get(to)![1]) continue;
          const v = choiceValue(d, [], c, state);
          if (better(v, bestV)) {
            best = c;
            bestV = v;
            improved = true;
          }
        }
    }
  }
  return best;
}
