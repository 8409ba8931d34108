import { z } from 'zod';
import { RATINGS, SubjectSchema } from '../inputs.ts';
import { CHANNELS, LocalizedTextSchema } from '../scenario/schema.ts';

const id = z.string().min(1).max(200);
const team = z.string().min(1).max(80);

/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const DIRECTION_MARKS = /[\u202a-\u202e\u2066-\u2069]/u;
/** The refusal message a free text with direction marks fails with (the refusal's words key on it). */
export const HAS_DIRECTION_MARKS = 'has-direction-marks';
/**
 * A free text people read later (rationales, answers, notes, injects): direction overrides would make it
 * read as something else on the console and in the HTML/Markdown reports, as names already may not.
 */
const readable = <T extends z.ZodType<string>>(s: T) =>
  s.refine((t) => !DIRECTION_MARKS.test(t), { message: HAS_DIRECTION_MARKS });
const readableText = LocalizedTextSchema.refine(
  (t) =>
    (typeof t === 'string' ? [t] : [t.en ?? '', t['zh-CN'] ?? '']).every((s) => !DIRECTION_MARKS.test(s)),
  { message: HAS_DIRECTION_MARKS },
);

/**
 * What a front end asks of a table (the terminal, the web console, a participant's device through the
 * room server). Commands are not engine inputs: the table decides which session(s) they go to, which
 * participant id they are recorded under and whether the sender may send them at all.
 */
export const TableCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('end') }),
  /**
   * After the debrief: closes the drill for good. A closed table refuses every command (`closed`),
   * overrides and corrections included, so what was downloaded is what stays.
   */
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('advance'), minutes: z.number().int().min(1).max(100_000) }),
  /** To the next event any team sees (parallel teams move together). */
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({
    type: z.literal('choose'),
    team,
    decision: id,
    options: z.array(id).max(100).optional(),
    allocation: z.record(z.string().max(200), z.number()).optional(),
    rationale: readable(z.string().max(2000)).optional(),
    elapsedMs: z.number().int().min(0).max(86_400_000).optional(),
  }),
  z.strictObject({
    type: z.literal('inject'),
    /** One team (parallel mode), or every team when absent. */
    team: team.optional(),
    roles: z.array(id).min(1).max(50),
    text: readableText,
    title: readableText.optional(),
    channel: z.enum(CHANNELS).optional(),
    urgency: z.enum(['routine', 'priority', 'flash']).optional(),
  }),
  z.strictObject({
    type: z.literal('override'),
    team: team.optional(),
    capability: id,
    subject: SubjectSchema.default({ kind: 'overall' }),
    rating: z.enum(RATINGS),
    note: readable(z.string().min(1).max(2000)),
  }),
  /** A discussion question's answer (for one role with `each: role`). */
  z.strictObject({
    type: z.literal('answer'),
    team,
    decision: id,
    role: id.optional(),
    text: readable(z.string().min(1).max(4000)),
    elapsedMs: z.number().int().min(0).max(86_400_000).optional(),
  }),
  /** An evaluator's observation against a critical task (to one team's drill, or every one). */
  z.strictObject({
    type: z.literal('observe'),
    team: team.optional(),
    task: id,
    rating: z.enum(RATINGS),
    note: readable(z.string().min(1).max(2000)),
    at: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  }),
  z.strictObject({
    type: z.literal('correct'),
    team,
    decision: id,
    options: z.array(id).max(100).optional(),
    allocation: z.record(z.string().max(200), z.number()).optional(),
    note: readable(z.string().min(1).max(2000)),
  }),
]);

export type TableCommand = z.input<typeof TableCommandSchema>;

/**
 * Who sends a command. A member is a person at a team's table holding some of its seats (all of them
 * when `roles` is empty); the trainer runs the room; an evaluator only observes. Identity is the
 * caller's business (tokens, a terminal session): the table only checks what each may do.
 */
export type Actor =
  | { kind: 'trainer'; name?: string }
  | { kind: 'member'; team: string; roles: readonly string[]; name: string }
  | { kind: 'evaluator'; name: string }
  /**
   * One cadre alone at a terminal: decides for the seats they hold like a member (recorded without a
   * name: the participant is who decided) and runs their own clock like a trainer, "next" going to the
   * next event at their seats.
   */
  | { kind: 'solo'; team: string; roles: readonly string[] };
