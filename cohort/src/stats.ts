/** Small, deterministic statistics for the cohort figures. */
import seedrandom from 'seedrandom';

/** The q-quantile of sorted numbers, interpolating between neighbours (R's type 7); null when empty. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return round(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo));
}

export const median = (sorted: readonly number[]): number | null => quantile(sorted, 0.5);

export const sortNum = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

export const mean = (xs: readonly number[]): number | null =>
  xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null;

export const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

export const share = (n: number, of: number): number => (of === 0 ? 0 : round(n / of));

export const PERMUTATIONS = 999;

/**
 * Two-sided permutation test of a difference in means: how often a random re-split of the pooled runs
 * into groups of the same sizes gives a difference at least as large. The shuffles come from a fixed
 * seed, so the p-value is the same every time. Re-splitting is what "it was only the seeds" means: if
 * the cohorts did not differ, which runs fell in which cohort would not matter.
 */
export function permutationP(a: readonly number[], b: readonly number[], seed = 15): number | null {
  if (a.length === 0 || b.length === 0) return null;
  const pooled = [...a, ...b];
  const total = pooled.reduce((x, y) => x + y, 0);
  const observed = Math.abs(sum(a) / a.length - sum(b) / b.length);
  // A seeded generator (the engine's alea): the permutations repeat exactly from run to run.
  const rnd = seedrandom.alea(String(seed));
  let atLeast = 0;
  for (let i = 0; i < PERMUTATIONS; i++) {
    // Partial Fisher–Yates: only the first a.length places need drawing.
    for (let j = 0; j < a.length; j++) {
      const k = j + Math.floor(rnd() * (pooled.length - j));
      const x = pooled[j]!;
      pooled[j] = pooled[k]!;
      pooled[k] = x;
    }
    let sa = 0;
    for (let j = 0; j < a.length; j++) sa += pooled[j]!;
    const d = Math.abs(sa / a.length - (total - sa) / b.length);
    if (d >= observed - 1e-9) atLeast++;
  }
  return round((atLeast + 1) / (PERMUTATIONS + 1));
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
