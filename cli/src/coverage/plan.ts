import type { Policy } from '@drill/engine';

/** The policies a coverage run splits its playthroughs across. */
export const COVERAGE_POLICIES: readonly Policy[] = ['random', 'best', 'worst'];

export interface Job {
  index: number;
  seed: string;
  policy: Policy;
}

/**
 * N playthroughs: policies in turn (random, best, worst, random, …), each with its own seed derived
 * from the run seed, so any single run can be replayed alone: `drill run <scenario> --seed <seed> --auto <policy>`.
 */
export function planJobs(runs: number, seed: string): Job[] {
  return Array.from({ length: runs }, (_, index) => ({
    index,
    seed: `${seed}-${index}`,
    policy: COVERAGE_POLICIES[index % COVERAGE_POLICIES.length]!,
  }));
}

/** Splits jobs into `n` contiguous chunks of near-equal size. */
export function chunk<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  const size = Math.ceil(items.length / Math.max(1, n));
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
