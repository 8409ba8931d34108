import { z } from 'zod';
import { CHANNELS, LocalizedTextSchema } from './scenario/schema.ts';

/** P/S/M/U (HSEEP): performed without challenges, with some, with major challenges, unable to be performed. */
export const RATINGS = ['P', 'S', 'M', 'U'] as const;
export type Rating = (typeof RATINGS)[number];

const name = z.string().min(1).max(200);

/** Who an override is about: the whole drill, one team, one role or one participant. */
export const SubjectSchema = z.strictObject({
  kind: z.enum(['overall', 'team', 'role', 'participant']),
  id: z.string().max(200).optional(),
});

/** Every input the engine accepts. Inputs come from files and browsers, so their shape is checked too. */
export const InputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start') }),
  z
    .strictObject({
      type: z.literal('advance'),
      /** To the next scheduled event… */
      to: z.literal('next').optional(),
      /** …or by this many scenario minutes. */
      minutes: z.number().int().min(1).max(100_000).optional(),
      /** With `to: next`: stop at what this participant sees (their roles' injects and decisions). */
      for: name.optional(),
    })
    .refine(
      (a) => (a.to === undefined) !== (a.minutes === undefined),
      'advance takes either `to: next` or `minutes`',
    )
    .refine((a) => a.for === undefined || a.to !== undefined, '`for` goes with `to: next`'),
  z.strictObject({
    type: z.literal('choose'),
    participant: name,
    decision: name,
    options: z.array(name).max(100).optional(),
    allocation: z.record(z.string(), z.number()).optional(),
    rationale: z.string().max(2000).optional(),
    /** Wall-clock milliseconds the participant took (pressure mode): recorded, so replay stays exact. */
    elapsedMs: z.number().int().min(0).optional(),
    /** Who at the table sent it, when several people share a seat (recorded, never scored). */
    by: name.optional(),
    /**
     * Set only by a correction's replay: this choice replaces the one entry `seq` recorded, for the
     * reason in `note` (the decision record keeps both, so reports show what was corrected).
     */
    correction: z
      .strictObject({ seq: z.number().int().min(1), note: z.string().min(1).max(2000), by: name.optional() })
      .optional(),
  }),
  z.strictObject({
    type: z.literal('answer'),
    /** A discussion question's answer (free text or the table's consensus): never scored. */
    participant: name,
    decision: name,
    /** With `each: role`, the role this answer is for (may be left out when the participant holds one). */
    role: name.optional(),
    text: z.string().min(1).max(4000),
    elapsedMs: z.number().int().min(0).optional(),
    /** Who at the table sent it, as a choice's `by` (optional: transcripts from before it still verify). */
    by: name.optional(),
  }),
  z.strictObject({
    type: z.literal('observe'),
    /** An evaluator's observation against a critical task (HSEEP Exercise Evaluation Guide). */
    evaluator: name,
    task: name,
    /** The scenario minute observed (default: the clock when recorded). */
    at: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    rating: z.enum(RATINGS),
    note: z.string().min(1).max(2000),
  }),
  z.strictObject({ type: z.literal('pause'), by: name.optional() }),
  z.strictObject({ type: z.literal('resume'), by: name.optional() }),
  z.strictObject({
    type: z.literal('inject'),
    id: z.string().regex(/^adhoc-[a-z0-9_-]+$/, 'ad-hoc inject ids start with `adhoc-`'),
    roles: z.array(name).min(1),
    text: LocalizedTextSchema,
    title: LocalizedTextSchema.optional(),
    source: z.string().max(200).optional(),
    channel: z.enum(CHANNELS).optional(),
    urgency: z.enum(['routine', 'priority', 'flash']).optional(),
    by: name.optional(),
  }),
  z.strictObject({
    type: z.literal('override'),
    capability: name,
    subject: SubjectSchema.default({ kind: 'overall' }),
    rating: z.enum(RATINGS),
    note: z.string().min(1).max(2000),
    by: name.optional(),
  }),
  z.strictObject({ type: z.literal('end'), by: name.optional() }),
  /**
   * A trainer corrects a mis-recorded decision: the choice entry `seq` recorded is replaced by this one
   * and the drill is replayed from the start with it (a `Session` does this; `step` alone cannot).
   */
  z.strictObject({
    type: z.literal('correct'),
    seq: z.number().int().min(1),
    options: z.array(name).max(100).optional(),
    allocation: z.record(z.string(), z.number()).optional(),
    note: z.string().min(1).max(2000),
    by: name.optional(),
  }),
  z.strictObject({ type: z.literal('close') }),
]);

export type Input = z.input<typeof InputSchema>;
export type ParsedInput = z.output<typeof InputSchema>;
export type Subject = z.output<typeof SubjectSchema>;
