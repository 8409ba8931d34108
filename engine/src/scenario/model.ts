import type { Assignment, Expr } from '../expr/ast.ts';
import type { LocalizedText, Lang } from '../text.ts';
import type { Hazard } from './hazards.ts';
import type { RubricId } from './rubric.ts';

/** A parsed expression kept with its source text (for messages and for the MSEL). */
export interface CompiledExpr {
  src: string;
  ast: Expr;
}
export interface CompiledEffect {
  src: string;
  ast: Assignment;
}

export interface Reference {
  id: string;
  /** As cited: one string (a Chinese title with its number), or per language when glosses differ. */
  title: LocalizedText;
  version?: string;
  note?: string;
}
/** HSEEP's five mission areas, which group the core capabilities. */
export type MissionArea = 'prevention' | 'protection' | 'mitigation' | 'response' | 'recovery';
export interface Capability {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** For the HSEEP rubric's capabilities: the mission areas they belong to. */
  missionAreas?: MissionArea[];
}
export interface CriticalTask {
  id: string;
  text: LocalizedText;
  capability?: string;
  decisions: string[];
}
export interface Objective {
  id: string;
  text: LocalizedText;
  capabilities: string[];
  tasks: CriticalTask[];
}
export interface Role {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
}
export interface VariableDef {
  id: string;
  name: LocalizedText;
  type: 'number' | 'boolean';
  unit?: LocalizedText;
  decimals?: number;
  initial: number | boolean;
  min?: number;
  max?: number;
  indicator: boolean;
  better?: 'higher' | 'lower';
  levels?: { value: number; label: LocalizedText }[];
}
export interface VariationOutcome {
  id: string;
  p: number;
  label?: LocalizedText;
  /** Shown in the feed when this outcome is drawn ("the storm strengthens to category 4"). */
  notice?: LocalizedText;
  effects: CompiledEffect[];
}
export interface Variation {
  id: string;
  at: number;
  description?: LocalizedText;
  outcomes: VariationOutcome[];
}
export interface Dynamic {
  id: string;
  every: number;
  from: number;
  until: number;
  when?: CompiledExpr;
  effects: CompiledEffect[];
  description?: string;
}
export type Channel =
  | 'phone'
  | 'document'
  | 'media'
  | 'social-media'
  | 'field-report'
  | 'warning-system'
  | 'radio'
  | 'meeting'
  | 'email';
export type Urgency = 'routine' | 'priority' | 'flash';

export interface Inject {
  id: string;
  /** Fires at this minute; undefined for condition-only or follow-up-only injects. */
  at?: number;
  when?: CompiledExpr;
  unless?: CompiledExpr;
  from?: number;
  until?: number;
  roles: string[];
  source: LocalizedText;
  channel: Channel;
  urgency: Urgency;
  title?: LocalizedText;
  text: LocalizedText;
  effects: CompiledEffect[];
  expects: string[];
  objective?: string;
  /** True when nothing but a follow-up (`then`) can deliver it. */
  followUpOnly: boolean;
  /** Variables its text shows as `{id}`: their values are kept with the delivery. */
  live?: string[];
  /** For the facilitator only: never in a participant's, team's or projector's view. */
  note?: LocalizedText;
  /** The module it belongs to (the last module starting at or before it, or named). */
  module?: string;
}

/**
 * A part of a discussion-based exercise (HSEEP's modules): at its start the drill waits for the
 * facilitator, and everyone sees its title, summary and key issues.
 */
export interface Module {
  id: string;
  at: number;
  title: LocalizedText;
  summary?: LocalizedText;
  keyIssues: LocalizedText[];
  /** For the facilitator only. */
  note?: LocalizedText;
}

export interface FollowUp {
  inject?: string;
  decision?: string;
  after: number;
}

export interface DecisionOption {
  id: string;
  label: LocalizedText;
  effects: CompiledEffect[];
  then: FollowUp[];
  score?: number;
  capability?: string;
  feedback?: LocalizedText;
  ref?: string;
  min?: number;
  max?: number;
  when?: CompiledExpr;
}

/** A time written either absolutely (`T-40h`) or relative to when the decision opened (`+2h`). */
export type DecisionTime = { abs: number } | { rel: number };

export interface DecisionPoint {
  id: string;
  roles: string[];
  prompt: LocalizedText;
  /** `discuss`: an open question with no options, no score and no right answer. */
  kind: 'single' | 'multi' | 'allocate' | 'discuss';
  /** `role`: one answer per role in `roles` (a discussion), else one answer for the table. */
  each?: 'role';
  opens?: number;
  opensWhen?: CompiledExpr;
  due: DecisionTime;
  closes: DecisionTime;
  options: DecisionOption[];
  default: string[];
  max?: number;
  budget?: CompiledExpr;
  unit?: LocalizedText;
  /** `shuffled`: shown in an order drawn from the seed; `fixed`: as written (order carries meaning). */
  order: 'shuffled' | 'fixed';
  /** The capability scored; empty for a discussion (never scored). */
  capability: string;
  /** A discussion's capability tags (for the report; no score). */
  capabilities?: string[];
  weight: number;
  lateDecay: number;
  score?: CompiledExpr;
  feedback: { when: CompiledExpr; text: LocalizedText }[];
  ref?: string;
  objective?: string;
  followUpOnly: boolean;
  /** For the facilitator only. */
  note?: LocalizedText;
  module?: string;
}

export interface Ending {
  id: string;
  when?: CompiledExpr;
  title: LocalizedText;
  text: LocalizedText;
}

export interface OutcomeMeasure {
  id: string;
  label: LocalizedText;
  value: CompiledExpr;
  unit?: LocalizedText;
  target: number;
  worst: number;
  weight: number;
  capability?: string;
  caps: OutcomeCap[];
}

/** A bad outcome's bearing on the ratings: worse than `worseThan`, a capability and the overall score are capped. */
export interface OutcomeCap {
  worseThan: number;
  capability?: string;
  rating?: 'S' | 'M' | 'U';
  overall?: number;
}

/** A validated, frozen scenario. Everything the engine needs; nothing it must re-check. */
export interface Scenario {
  id: string;
  version: string;
  title: LocalizedText;
  hazard: Hazard;
  /** What reports call the hazard, instead of its name (see `hazardText`). */
  hazardLabel?: LocalizedText;
  setting: { place: LocalizedText; province?: LocalizedText; season?: LocalizedText; fictional: boolean };
  difficulty: 'introductory' | 'intermediate' | 'advanced';
  languages: Lang[];
  clock: { anchor: LocalizedText; t0: string; start: number; end: number };
  references: Reference[];
  briefing: LocalizedText;
  /** The rubric the capabilities come from (`rubric:` in the file). */
  rubric: RubricId;
  /** In time order; empty for a drill without modules. */
  modules: Module[];
  /** The rubric's capabilities (renamed, without the hidden ones), then the scenario's own. */
  capabilities: Capability[];
  objectives: Objective[];
  roles: Role[];
  variables: VariableDef[];
  variations: Variation[];
  dynamics: Dynamic[];
  injects: Inject[];
  decisions: DecisionPoint[];
  endings: Ending[];
  outcomes: OutcomeMeasure[];
  /** SHA-256 of the canonical JSON of the source documents: transcripts name it. */
  contentHash: string;
}
