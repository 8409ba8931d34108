/**
 * @drill/engine — the deterministic drill engine: scenario model and compiler, the pure `step`,
 * scoring, and hash-chained transcripts with replay and verify. No clock, no I/O, no global randomness.
 *
 * This is the public API: what the front ends (terminal, web console, review), the report, the cohort
 * analysis and scenario tools use. Helpers only the engine needs (zod schemas behind `parseTranscript`,
 * the YAML source wrapper, the generator's internals, result signing inside `Session`) stay in their
 * modules; the engine's own tests import those from there.
 */
export type { Expr, Assignment, BinaryOp } from './expr/ast.ts';
export { BINARY_PRECEDENCE } from './expr/ast.ts';
export { evaluate, type EvalEnv, type Value } from './expr/evaluate.ts';
export { didYouMean, EXPR_FUNCTIONS } from './expr/check.ts';
export * from './scenario/model.ts';
export {
  compileScenario,
  ALL_ROLES,
  type CompileResult,
  type SourceText,
  type ReadInclude,
  type SourceMap,
  type SourcePosition,
} from './scenario/compile.ts';
export { lintScenario, LINT_CODES, type LintCode } from './lint/lint.ts';
export { type Diagnostic, formatDiagnostic, sortDiagnostics } from './scenario/diagnostics.ts';
export {
  diagnosticLine,
  diagnosticView,
  diagnosticsText,
  type DiagnosticView,
} from './scenario/diagnostic-view.ts';
export { SCENARIO_LIMITS } from './scenario/limits.ts';
export { scenarioJsonSchema } from './scenario/schema.ts';
export { DEFAULT_CAPABILITIES } from './scenario/rubric.ts';
export {
  HAZARDS,
  HAZARD_NAMES,
  HAZARD_TERMS,
  hazardText,
  type Hazard,
  type HazardTerms,
} from './scenario/hazards.ts';
export { LANGUAGES, localize, type Lang, type LocalizedText } from './text.ts';
export {
  parseScenarioTime,
  parseDuration,
  formatScenarioTime,
  formatDuration,
  civilTimeAt,
  type CivilTime,
} from './time.ts';
export { RATINGS, type Input, type Rating, type Subject } from './inputs.ts';
export { type Phase } from './lifecycle.ts';
export { type RngState } from './rng.ts';
export {
  createDrill,
  soloParticipant,
  holdsRole,
  withColleagues,
  COLLEAGUE_LEVELS,
  type ColleagueLevel,
  type DrillState,
  type DrillOptions,
  type Participant,
  type DecisionRecord,
  type InjectRecord,
  type Delivery,
  type AdhocInject,
  type Override,
  type Timeliness,
  type Answer,
  type Observation,
} from './state.ts';
export {
  step,
  nextEventTime,
  type StepEvent,
  type StepResult,
  type Rejection,
  type ChoiceProblem,
} from './step.ts';
export {
  scoreDrill,
  ratingFor,
  type ScoreReport,
  type DecisionScore,
  type CapabilityRating,
  type SubjectRatings,
  type OutcomeScore,
  type ObjectiveRating,
  type ProposedRating,
  type AppliedCap,
} from './score.ts';
export {
  Session,
  replay,
  verify,
  verifyReplay,
  type VerifiedReplay,
  stateHash,
  headerHash,
  parseTranscript,
  TRANSCRIPT_FORMAT,
  ENGINE_VERSION,
  type Transcript,
  type TranscriptEntry,
  type TranscriptHeader,
  type TranscriptResult,
  type ReplayResult,
  type VerifyResult,
  type SessionOptions,
  type JournalPort,
  type ApplyResult,
  type VerifyOptions,
  type ParsedTranscript,
  type DroppedLines,
} from './transcript.ts';
export { publicKeyOf, parsePublicKey, type ResultSignature, type SignatureCheck } from './signature.ts';
export { autoplay, playOut, type AutoplayOptions, type Driver, type PlayOutOptions } from './autoplay.ts';
export {
  policyChoice,
  policyRandom,
  POLICIES,
  NAIVE_POLICIES,
  type Policy,
  type Choice,
  type PolicyOptions,
} from './policies.ts';
export { formatVariable, liveText, placeholders } from './live-text.ts';
export {
  viewFor,
  type ViewParts,
  type Viewer,
  type DrillView,
  type FeedView,
  type OpenDecisionView,
  type ClosedDecisionView,
} from './views.ts';
export { giveaways, type Giveaways } from './giveaways.ts';
export { presentedOptions, allocationBudget, openDecisionsFor, deciderOf } from './queries.ts';
export {
  deliverySource,
  moduleOf,
  moduleAt,
  pendingAnswerRoles,
  answerRolesFor,
  criticalTasks,
  type TaskRef,
} from './discussion.ts';
export { canonicalJson, sha256Hex, useSha256, type Sha256Hex } from './hash.ts';
export * from './table/index.ts';
export { firstDivergence, type Divergence } from './divergence.ts';
