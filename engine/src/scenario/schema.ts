import { z } from 'zod';
import { HAZARDS } from './hazards.ts';
import { SCENARIO_LIMITS } from './limits.ts';

/**
 * The scenario authoring format, declared once: the loader validates with it at run time and
 * `scenarioJsonSchema()` turns the same declaration into the JSON Schema editors use.
 * Cross-references (ids, expressions, times) are checked afterwards by the compiler, which knows positions.
 */

/** Any number of the format: finite and within ±1e9, so sums, products and scores stay finite. */
export const NUMBER_BOUND = 'numbers in a scenario stay within ±1000000000';
export const WEIGHT_BOUND = `a weight is at most ${SCENARIO_LIMITS.weight}`;
const number = z
  .number()
  .min(-SCENARIO_LIMITS.number, NUMBER_BOUND)
  .max(SCENARIO_LIMITS.number, NUMBER_BOUND);
const weight = z.number().positive().max(SCENARIO_LIMITS.weight, WEIGHT_BOUND).default(1);
const nested = <T extends z.ZodType>(item: T) =>
  z.array(item).max(SCENARIO_LIMITS.nested, `at most ${SCENARIO_LIMITS.nested} entries here`);

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'ids are lower-case letters, digits, `_` or `-`, starting with a letter')
  .describe('A stable id: lower-case letters, digits, _ or -. Logs record ids, never positions.');

export const LocalizedTextSchema = z
  .union([z.string(), z.strictObject({ en: z.string().optional(), 'zh-CN': z.string().optional() })])
  .describe('Participant-facing text: a string, or { en: …, zh-CN: … }.');

const time = z.string().describe('Scenario time relative to T0, e.g. `T-48h`, `T+2h30m`, `T0`.');
const duration = z
  .union([
    z.string(),
    z
      .number()
      .int()
      .nonnegative()
      .max(SCENARIO_LIMITS.clockMinutes, 'a duration is at most 366 days (527040 minutes)'),
  ])
  .describe('A duration: `90m`, `2h`, `1d6h`, or minutes.');
const expr = z.string().describe('An expression, e.g. `rumour > 40 && !chose("press", "silent")`.');
const effects = z
  .array(z.string())
  .max(SCENARIO_LIMITS.effects, `at most ${SCENARIO_LIMITS.effects} effects in one list`)
  .describe('Effect statements, e.g. `evacuated += 1200`, `trust = min(100, trust + 5)`.');

const Then = z
  .strictObject({
    inject: id.optional().describe('An inject to deliver.'),
    decision: id.optional().describe('A decision point to open.'),
    after: duration.optional().describe('Delay after the choice (default 0).'),
  })
  .describe('A follow-up (branch): deliver an inject or open a decision point, after a delay.');

const Reference = z.strictObject({
  id,
  title: LocalizedTextSchema.describe(
    'Full title with document number and year, e.g. 《国家自然灾害救助应急预案》 国办函〔2024〕11号; one string, or { en: …, zh-CN: … } when the English citation carries English words.',
  ),
  version: z.string().optional(),
  note: z.string().optional(),
});

const Capability = z
  .strictObject({
    id,
    name: LocalizedTextSchema.optional().describe('The name of a capability this scenario adds.'),
    rename: LocalizedTextSchema.optional().describe('A new name for the rubric’s capability with this id.'),
    hidden: z
      .boolean()
      .optional()
      .describe('true: the rubric’s capability with this id is left out (nothing may score it).'),
    description: LocalizedTextSchema.optional(),
  })
  .describe(
    'A capability of its own (id + name), or one of the rubric’s renamed (rename) or hidden (hidden: true).',
  );

const CriticalTask = z.strictObject({
  id,
  text: LocalizedTextSchema,
  capability: id.optional(),
  decisions: nested(id).default([]).describe('Decision points that are the expected actions for this task.'),
});

const Objective = z.strictObject({
  id,
  text: LocalizedTextSchema,
  capabilities: nested(id).min(1),
  tasks: nested(CriticalTask).default([]),
});

const Role = z.strictObject({ id, name: LocalizedTextSchema, description: LocalizedTextSchema.optional() });

const Variable = z.strictObject({
  id,
  name: LocalizedTextSchema,
  type: z.enum(['number', 'boolean']).default('number'),
  unit: LocalizedTextSchema.optional().describe('Shown after the value, e.g. `{ en: m, zh-CN: 米 }`.'),
  decimals: z
    .number()
    .int()
    .min(0)
    .max(3)
    .optional()
    .describe('Digits after the point when shown (e.g. 1 for a reservoir level of 181.4 m).'),
  initial: z.union([number, z.boolean()]),
  min: number.optional(),
  max: number.optional(),
  indicator: z.boolean().default(false).describe('Show it in the drill header.'),
  better: z
    .enum(['higher', 'lower'])
    .optional()
    .describe('Which direction is good, for colour and trend marks.'),
  levels: z
    .array(z.strictObject({ value: number, label: LocalizedTextSchema }))
    .max(SCENARIO_LIMITS.nested, `at most ${SCENARIO_LIMITS.nested} levels`)
    .optional()
    .describe('Names for levels, e.g. warning colours: 0 none, 1 blue, 2 yellow, 3 orange, 4 red.'),
});

const VariationOutcome = z.strictObject({
  id,
  p: z.number().min(0).max(1).describe('Probability; the outcomes of one variation sum to 1.'),
  label: LocalizedTextSchema.optional(),
  notice: LocalizedTextSchema.optional().describe(
    'Shown to everyone in the feed when this outcome is drawn, e.g. "The typhoon strengthens".',
  ),
  effects: effects.default([]),
});

const Variation = z.strictObject({
  id,
  at: time.optional().describe('When it is drawn (default: the start).'),
  description: LocalizedTextSchema.optional(),
  outcomes: nested(VariationOutcome).min(2),
});

const Dynamic = z.strictObject({
  id,
  every: duration.describe('How often it applies.'),
  from: time.optional(),
  until: time.optional(),
  when: expr.optional().describe('Applies only while this holds.'),
  effects: effects.min(1),
  description: z.string().optional(),
});

export const CHANNELS = [
  'phone',
  'document',
  'media',
  'social-media',
  'field-report',
  'warning-system',
  'radio',
  'meeting',
  'email',
] as const;

const note = LocalizedTextSchema.describe(
  'For the facilitator only: in the MSEL and the facilitator console, never in a participant view.',
);
const moduleRef = id.describe(
  'The module this belongs to (default: the last module starting at or before it).',
);

const Module = z.strictObject({
  id,
  at: time.describe('When the module starts: the drill waits here until the facilitator goes on.'),
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema.optional().describe('Shown to everyone at the start of the module.'),
  keyIssues: nested(LocalizedTextSchema).default([]).describe('Key issues, shown to everyone.'),
  note: note.optional(),
});

const Inject = z.strictObject({
  id,
  at: time.optional().describe('When it fires. Without `at` and `when`, it fires only as a follow-up.'),
  when: expr
    .optional()
    .describe('With `at`: fires at that time only if this holds. Alone: fires as soon as it holds.'),
  unless: expr
    .optional()
    .describe(
      'Contingency: at `at`, fires only if this does NOT hold (the expected action has not happened).',
    ),
  from: time.optional().describe('With `when` alone: not before this time.'),
  until: time.optional().describe('With `when` alone: not after this time.'),
  roles: nested(id).min(1).describe('Audience roles, or [all].'),
  source: LocalizedTextSchema,
  channel: z.enum(CHANNELS),
  urgency: z.enum(['routine', 'priority', 'flash']).default('routine'),
  title: LocalizedTextSchema.optional(),
  text: LocalizedTextSchema,
  effects: effects.default([]),
  expects: nested(id)
    .default([])
    .describe('Decision points this inject expects an action on (MSEL "expected action").'),
  objective: id.optional(),
  note: note.optional(),
  module: moduleRef.optional(),
});

const Option = z.strictObject({
  id,
  label: LocalizedTextSchema,
  effects: effects.default([]),
  then: nested(Then).default([]),
  score: z
    .number()
    .min(-1)
    .max(1)
    .optional()
    .describe(
      'Contribution to the capability, 0 (no credit) … 1 (best practice); in a multi-choice a negative score subtracts (a harmful pick).',
    ),
  capability: id.optional().describe('Scores another capability than the decision’s.'),
  feedback: LocalizedTextSchema.optional().describe('Why this option is good or bad, for the debrief.'),
  ref: id.optional().describe('The reference (doctrine document) the feedback relies on.'),
  min: number.optional().describe('Allocation: least amount for this target.'),
  max: number.optional().describe('Allocation: most amount for this target.'),
  when: expr.optional().describe('The option is offered only while this holds.'),
});

const AllocationFeedback = z.strictObject({ when: expr, text: LocalizedTextSchema });

const Decision = z.strictObject({
  id,
  roles: nested(id).min(1),
  prompt: LocalizedTextSchema,
  kind: z
    .enum(['single', 'multi', 'allocate', 'discuss'])
    .default('single')
    .describe('`discuss`: an open question (no options, no score, no right answer).'),
  each: z
    .literal('role')
    .optional()
    .describe('discuss: one answer per role in `roles`, shown side by side (else one for the table).'),
  opens: time
    .optional()
    .describe('When it opens. Without it (and without `opensWhen`) it opens only as a follow-up.'),
  opensWhen: expr.optional(),
  due: z
    .string()
    .optional()
    .describe(
      'Deadline: a scenario time `T-40h`, or `+2h` after it opens (required but for a discussion, which otherwise stays open until the next module or the end).',
    ),
  closes: z
    .string()
    .optional()
    .describe('Hard close (default = due): after `due` it is late, at `closes` the default is taken.'),
  options: nested(Option).min(2).optional().describe('At least two (none for a discussion).'),
  default: z
    .union([id, nested(id)])
    .optional()
    .describe('What happens when nobody decides (none for a discussion).'),
  max: z
    .number()
    .int()
    .positive()
    .max(SCENARIO_LIMITS.nested, `at most ${SCENARIO_LIMITS.nested}`)
    .optional()
    .describe('multi: most options one may choose.'),
  budget: z
    .union([number, z.string()])
    .optional()
    .describe('allocate: the total to share out (number or expression).'),
  unit: LocalizedTextSchema.optional(),
  order: z
    .enum(['shuffled', 'fixed'])
    .default('shuffled')
    .describe(
      'How options are shown: shuffled per seed (default, so position gives nothing away) or fixed where order carries meaning (a scale).',
    ),
  capability: id.optional().describe('The capability scored (required but for a discussion).'),
  capabilities: nested(id).optional().describe('discuss: capability tags (no score).'),
  weight,
  lateDecay: z.number().min(0).max(1).default(0.25).describe('Credit lost per hour late.'),
  score: expr
    .optional()
    .describe('allocate: the contribution 0…1 as an expression over the option ids (amounts).'),
  feedback: nested(AllocationFeedback)
    .default([])
    .describe('allocate: feedback lines shown when their condition holds.'),
  ref: id.optional(),
  objective: id.optional(),
  note: note.optional(),
  module: moduleRef.optional(),
});

const Ending = z.strictObject({
  id,
  when: expr
    .optional()
    .describe('The first ending whose condition holds is reached; one without `when` is the fallback.'),
  title: LocalizedTextSchema,
  text: LocalizedTextSchema,
});

const OutcomeCap = z.strictObject({
  worseThan: number.describe('Applies when the outcome is worse than this value (towards `worst`).'),
  capability: id.optional().describe('The capability whose rating is capped.'),
  rating: z.enum(['S', 'M', 'U']).optional().describe('The best rating that capability can then get.'),
  overall: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe('The highest overall score the drill can then get.'),
});

const Outcome = z.strictObject({
  id,
  label: LocalizedTextSchema,
  value: expr,
  unit: LocalizedTextSchema.optional(),
  caps: nested(OutcomeCap)
    .default([])
    .describe(
      'How a bad outcome bears on ratings and the overall score, e.g. deaths cap protective actions.',
    ),
  target: number.describe('The value that earns full credit.'),
  worst: number.describe('The value that earns no credit.'),
  weight,
  capability: id.optional(),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal('drill/1').describe('The format version.'),
  id,
  version: z.string(),
  title: LocalizedTextSchema,
  hazard: z.enum(HAZARDS),
  hazardLabel: LocalizedTextSchema.optional().describe(
    'What reports call the hazard instead of its name, e.g. { en: Hurricane Delia, zh-CN: 飓风“迪莉娅” }.',
  ),
  setting: z.strictObject({
    place: LocalizedTextSchema,
    province: LocalizedTextSchema.optional(),
    season: LocalizedTextSchema.optional(),
    fictional: z.boolean().default(true),
  }),
  difficulty: z.enum(['introductory', 'intermediate', 'advanced']).default('intermediate'),
  languages: z
    .array(z.enum(['en', 'zh-CN']))
    .min(1)
    .default(['en', 'zh-CN']),
  clock: z.strictObject({
    anchor: LocalizedTextSchema.describe('What T0 is, e.g. landfall.'),
    t0: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'T0 is local time as YYYY-MM-DDTHH:MM')
      .describe('Local wall-clock time of T0, for display.'),
    start: time,
    end: time,
  }),
  references: z.array(Reference).default([]),
  briefing: LocalizedTextSchema,
  rubric: z
    .enum(['default', 'hseep'])
    .default('default')
    .describe(
      'The capabilities scored: `default` (nine, for Chinese county drills) or `hseep` (FEMA’s 32 core capabilities).',
    ),
  capabilities: z
    .array(Capability)
    .default([])
    .describe('Capabilities this scenario adds to the rubric, or renames or hides in it.'),
  objectives: z.array(Objective).default([]),
  roles: z.array(Role).min(1),
  variables: z.array(Variable).default([]),
  variations: z.array(Variation).default([]),
  dynamics: z.array(Dynamic).default([]),
  modules: z.array(Module).default([]).describe('The parts of a module-paced exercise, in time order.'),
  include: z
    .array(z.string())
    .max(SCENARIO_LIMITS.includes, `at most ${SCENARIO_LIMITS.includes} included files`)
    .default([])
    .describe('Other files whose injects/decisions/… are merged into this one.'),
  injects: z.array(Inject).default([]),
  decisions: z.array(Decision).default([]),
  endings: z.array(Ending).default([]),
  outcomes: z.array(Outcome).default([]),
});

/** A part file named by `include`: only lists, merged into the main file. */
export const ScenarioPartSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal('drill/1-part'),
  references: z.array(Reference).default([]),
  capabilities: z.array(Capability).default([]),
  objectives: z.array(Objective).default([]),
  roles: z.array(Role).default([]),
  variables: z.array(Variable).default([]),
  variations: z.array(Variation).default([]),
  dynamics: z.array(Dynamic).default([]),
  modules: z.array(Module).default([]),
  injects: z.array(Inject).default([]),
  decisions: z.array(Decision).default([]),
  endings: z.array(Ending).default([]),
  outcomes: z.array(Outcome).default([]),
});

export type ScenarioSource = z.infer<typeof ScenarioSchema>;
export type ScenarioPartSource = z.infer<typeof ScenarioPartSchema>;

/** The JSON Schema for editors, generated from the same declaration as the runtime validator. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(z.union([ScenarioSchema, ScenarioPartSchema]), { io: 'input', unrepresentable: 'any' }),
    title: 'drill scenario',
  } as Record<string, unknown>;
}
