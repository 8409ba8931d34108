import { z } from 'zod';
import { InputSchema, RATINGS, SubjectSchema } from './inputs.ts';
import { COLLEAGUE_LEVELS } from './state.ts';

/**
 * The shape of a transcript, checked before anything reads it: a file is data from anywhere, and one
 * changed byte in a key must give a reason, never a TypeError deep in replay or a report. Every object
 * is strict — a key the chain does not hash cannot ride along unnoticed.
 */
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash (64 hex digits)');
const hex128 = z.string().regex(/^[0-9a-f]{128}$/, 'an Ed25519 signature (128 hex digits)');
const id = z.string().max(200);
const num = z.number().refine(Number.isFinite, 'a finite number');
const minute = z.number().int().min(-10_000_000).max(10_000_000);
const rating = z.enum(RATINGS);
const proposed = z.enum([...RATINGS, 'not-rated']);

export const ParticipantSchema = z.strictObject({
  id: id.min(1),
  name: z.string().max(200),
  team: z.string().max(200),
  roles: z.array(id).max(100),
  colleague: z.enum(COLLEAGUE_LEVELS).optional(),
});

export const TranscriptHeaderSchema = z.strictObject({
  format: z.string().max(100),
  engine: z.string().max(100),
  scenario: z.strictObject({ id: id, version: z.string().max(100), contentHash: hex64 }),
  seed: z.string().max(200),
  participants: z.array(ParticipantSchema).min(1).max(1000),
  startedAt: z.string().max(100),
  meta: z.record(z.string().max(200), z.string().max(10_000)).optional(),
});

export const TranscriptEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at: minute,
  input: InputSchema,
  stateHash: hex64,
  prev: hex64,
  hash: hex64,
});

const AppliedCapSchema = z.strictObject({
  outcome: id,
  value: num,
  worseThan: num,
  capability: id.optional(),
  rating: rating.optional(),
  overall: num.optional(),
});

const DecisionScoreSchema = z.strictObject({
  decision: id,
  capability: id,
  roles: z.array(id),
  weight: num,
  status: z.enum(['decided', 'missed', 'not-reached']),
  timeliness: z.enum(['on-time', 'late', 'missed']).optional(),
  options: z.array(id),
  allocation: z.record(z.string(), num).optional(),
  by: id.optional(),
  at: minute.optional(),
  due: minute.optional(),
  rationale: z.string().optional(),
  value: num,
  best: num,
  credit: num,
  feedback: z.array(z.number().int()),
  simulated: z.literal(true).optional(),
});

const CapabilityRatingSchema = z.strictObject({
  capability: id,
  proposed,
  final: proposed,
  credit: num.nullable(),
  evidence: z.array(id),
  caps: z.array(AppliedCapSchema).optional(),
  override: z
    .strictObject({ rating, note: z.string(), by: z.string().optional(), seq: z.number().int() })
    .optional(),
});

const SubjectRatingsSchema = z.strictObject({
  subject: SubjectSchema,
  capabilities: z.array(CapabilityRatingSchema),
  score: num.nullable(),
});

export const ScoreReportSchema = z.strictObject({
  overall: num,
  breakdown: z.strictObject({
    decisions: num,
    outcomes: num.nullable(),
    decisionWeight: num,
    outcomeWeight: num,
    capped: z.strictObject({ before: num, caps: z.array(AppliedCapSchema) }).optional(),
  }),
  ending: id.optional(),
  decisions: z.array(DecisionScoreSchema),
  outcomes: z.array(z.strictObject({ outcome: id, value: num, credit: num })),
  capabilities: z.array(CapabilityRatingSchema),
  objectives: z.array(z.strictObject({ objective: id, rating: proposed, capabilities: z.array(id) })),
  teams: z.array(SubjectRatingsSchema),
  roles: z.array(SubjectRatingsSchema),
  participants: z.array(SubjectRatingsSchema),
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
});

/** Ed25519 over the result's hash (see signature.ts); the public key travels with it. */
export const SignatureSchema = z.strictObject({
  alg: z.literal('ed25519'),
  publicKey: hex64,
  sig: hex128,
});

export const TranscriptResultSchema = z.strictObject({
  finalStateHash: hex64,
  score: ScoreReportSchema,
  prev: hex64,
  hash: hex64,
  signature: SignatureSchema.optional(),
});

export const TranscriptSchema = z.strictObject({
  header: TranscriptHeaderSchema,
  entries: z.array(TranscriptEntrySchema),
  result: TranscriptResultSchema.optional(),
});

/** The journal's lines: the header first, one entry per line, the result last. */
export const JournalHeaderLineSchema = z.strictObject({ header: TranscriptHeaderSchema });
export const JournalResultLineSchema = z.strictObject({ result: TranscriptResultSchema });

/** The first problem zod found, as `where: what` (`entries[3].input.type: …`). */
export function schemaProblem(error: z.ZodError, prefix = ''): string {
  const i = error.issues[0];
  if (!i) return 'does not match the transcript format';
  const where = i.path.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
    prefix,
  );
  const keys = i.code === 'unrecognized_keys' ? ` (${i.keys.map((k) => `\`${k}\``).join(', ')})` : '';
  return `${where || 'the file'}: ${i.message}${keys}`;
}
