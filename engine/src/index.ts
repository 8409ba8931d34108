/**
 * @drill/engine — the deterministic drill engine: scenario model and compiler, the pure `step`,
 * scoring, and hash-chained transcripts with replay and verify. No clock, no I/O, no global randomness.
 */
export type { Expr, Assignment } from './expr/ast.ts';
export { evaluate, type EvalEnv, type Value } from './expr/evaluate.ts';
export { didYouMean } from './expr/check.ts';
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
export { SourceFile } from './scenario/source.ts';
export { SCENARIO_LIMITS } from './scenario/limits.ts';
export { ScenarioSchema, scenarioJsonSchema } from './scenario/schema.ts';
export { DEFAULT_CAPABILITIES } from './scenario/rubric.ts';
export { LANGUAGES, localize, missingLanguages, type Lang, type LocalizedText } from './text.ts';
export {
  parseScenarioTime,
  parseDuration,
  formatScenarioTime,
  formatDuration,
  civilTimeAt,
  type CivilTime,
} from './time.ts';
export { InputSchema, RATINGS, type Input, type Rating, type Subject } from './inputs.ts';
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
} from './state.ts';
export { step, nextEventTime, type StepEvent, type StepResult, type Rejection } from './step.ts';
export {
  scoreDrill,
  ratingFor,
  bestValue,
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
export { TranscriptSchema, ScoreReportSchema, schemaProblem } from './transcript-schema.ts';
export {
  publicKeyOf,
  signResultHash,
  checkSignature,
  parsePublicKey,
  type ResultSignature,
  type SignatureCheck,
} from './signature.ts';
export { autoplay, playOut, type AutoplayOptions, type Driver, type PlayOutOptions } from './autoplay.ts';
export {
  policyChoice,
  colleagueChoice,
  policyRandom,
  POLICIES,
  NAIVE_POLICIES,
  type Policy,
  type Choice,
  type PolicyOptions,
} from './policies.ts';
export { liveText, formatVariable, placeholders } from './live-text.ts';
export {
  viewFor,
  type Viewer,
  type DrillView,
  type FeedView,
  type OpenDecisionView,
  type ClosedDecisionView,
} from './views.ts';
export { giveaways, type Giveaways } from './giveaways.ts';
export { presentedOptions, allocationBudget, openDecisionsFor, deciderOf } from './queries.ts';
export { canonicalJson, hashJson, sha256Hex, nobleSha256Hex, useSha256, type Sha256Hex } from './hash.ts';
