/**
 * @drill/cohort — a whole class at once: verifies many transcripts and computes the cohort figures
 * (scores, outcomes, capability heatmap, per-decision choices and timeliness, where runs leave the best
 * path, progress between attempts, cohort against cohort), and renders them as Markdown, HTML, JSON, CSV.
 */
export {
  examine,
  cmp,
  type CohortFile,
  type ScenarioLookup,
  type RunDigest,
  type RunDecision,
  type Excluded,
  type Examined,
} from './digest.ts';
export * from './analyse.ts';
export { quantile, median, permutationP, PERMUTATIONS } from './stats.ts';
export * from './render.ts';
export { cohortStrings, type CohortStrings } from './strings.ts';
export { parseDateRange, inDateRange, formatDateRange, isoSpan, type DateRange } from './dates.ts';
