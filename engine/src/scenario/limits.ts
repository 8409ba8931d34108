import { MAX_EXPR_DEPTH, MAX_EXPR_LENGTH, MAX_EXPR_NUMBER } from '../expr/parse.ts';

/**
 * The bounds of the scenario format. A file inside them compiles in well under a second and runs
 * `drill run --auto` in seconds; beyond them a file is refused with a positioned diagnostic instead
 * of crashing the compiler, overflowing a score or running for hours. Each is far above what a real
 * scenario needs (the shipped ones: files under 70 kB, 52 injects, a 5-day clock, ~1,300 dynamics ticks).
 */
export const SCENARIO_LIMITS = {
  /** Characters in one file (the main file or an included part). */
  fileChars: 1_000_000,
  /** Files named by `include`. */
  includes: 50,
  /**
   * Items in one list (injects, decisions, variables, …) across the main file and its parts. Every
   * journal entry hashes the state, which grows with the items: 300 decisions took seconds to play.
   */
  items: 200,
  /** Options of one decision, outcomes of one variation, entries in other nested lists. */
  nested: 50,
  /** Effect statements in one list. */
  effects: 100,
  /** Magnitude of any number in a scenario (values, bounds, targets, budgets, literals). */
  number: MAX_EXPR_NUMBER,
  /** A decision's or an outcome's weight. */
  weight: 100,
  /** Span of the scenario clock, and the farthest any time or duration may reach, in minutes (366 days). */
  clockMinutes: 366 * 1440,
  /** Times all dynamics apply over the clock together. */
  dynamicsTicks: 20_000,
  exprLength: MAX_EXPR_LENGTH,
  exprDepth: MAX_EXPR_DEPTH,
} as const;
