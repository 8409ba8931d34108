import { canonicalJson, hashByParts, hashJson, sha256Hex } from './hash.ts';
import type { Input } from './inputs.ts';
import type { Scenario } from './scenario/model.ts';
import { scoreDrill, type ScoreReport } from './score.ts';
import { createDrill, type DrillState, type Participant } from './state.ts';
import { colleagueChoice } from './policies.ts';
import { InputSchema } from './inputs.ts';
import { applyCorrection } from './correction.ts';
import { checkSignature, signResultHash, type ResultSignature, type SignatureCheck } from './signature.ts';
import {
  JournalHeaderLineSchema,
  JournalResultLineSchema,
  schemaProblem,
  TranscriptEntrySchema,
  TranscriptSchema,
} from './transcript-schema.ts';
import { step, stepChecked, visibleTo, type Rejection, type StepEvent, type StepResult } from './step.ts';

/**
 * 3: the state holds its timer queue (`timers`, ordered by (due, seq)), and its hash is taken by parts
 * (`stateHash`): every state hash differs from format 2's for the same drill.
 */
export const TRANSCRIPT_FORMAT = 'drill-transcript/3';
export const ENGINE_VERSION = '0.3.0';
/** Engine versions whose transcripts this engine replays identically. */
const COMPATIBLE_ENGINES = /^0\.3\./;

/** Why a transcript of an earlier format cannot be verified here (each format changed the state's shape). */
function olderFormat(format: string, engine: unknown): string | undefined {
  const m = /^drill-transcript\/(\d+)$/.exec(format);
  const mine = Number(TRANSCRIPT_FORMAT.split('/')[1]);
  if (!m || Number(m[1]) >= mine) return undefined;
  return (
    `unsupported transcript format \`${format}\`: it was recorded by an older drill (engine ${String(engine)}), ` +
    `whose drill state had a different shape, so its state hashes cannot be reproduced by this drill ` +
    `(engine ${ENGINE_VERSION}, format ${TRANSCRIPT_FORMAT}); verify or replay it with the drill version that recorded it`
  );
}

export interface TranscriptHeader {
  format: string;
  engine: string;
  scenario: { id: string; version: string; contentHash: string };
  seed: string;
  participants: Participant[];
  /** Wall-clock start, written by the shell (the engine never reads a clock). */
  startedAt: string;
  /** Free data for shells: language, team name, mode. Hashed with the header. */
  meta?: Record<string, string>;
}

export interface TranscriptEntry {
  seq: number;
  /** Scenario minute when the input was made. */
  at: number;
  input: Input;
  /** Hash of the whole state after this input (see `stateHash`). */
  stateHash: string;
  /** Hash of the previous entry (the header's hash for the first). */
  prev: string;
  /** SHA-256 over canonical { seq, at, input, stateHash, prev }. */
  hash: string;
}

export interface TranscriptResult {
  finalStateHash: string;
  score: ScoreReport;
  prev: string;
  hash: string;
  /** Ed25519 over `hash` by the key of whoever ran the drill (see signature.ts); not part of `hash`. */
  signature?: ResultSignature;
}

export interface Transcript {
  header: TranscriptHeader;
  entries: TranscriptEntry[];
  result?: TranscriptResult;
}

/**
 * The hash of a whole drill state (since format 3): SHA-256 over the canonical JSON of the state whose
 * containers (world, injects, decisions, timers, feed, …) are each replaced by the SHA-256 of their own
 * canonical JSON — see `hashByParts`. A step re-hashes only the containers it changed.
 */
export function stateHash(state: DrillState): string {
  return hashByParts(state);
}

export function headerHash(h: TranscriptHeader): string {
  return hashJson(h);
}

function entryHash(e: Omit<TranscriptEntry, 'hash'>): string {
  return hashJson({ seq: e.seq, at: e.at, input: e.input, stateHash: e.stateHash, prev: e.prev });
}

/**
 * The result's hash: SHA-256 over canonical { finalStateHash, prev, score } (keys in RFC 8785 order),
 * from the score's canonical JSON already at hand — verify has computed it to compare the scores, and
 * a score is the largest part of the result.
 */
function resultHash(finalStateHash: string, scoreJson: string, prev: string): string {
  return sha256Hex(
    `{"finalStateHash":${canonicalJson(finalStateHash)},"prev":${canonicalJson(prev)},"score":${scoreJson}}`,
  );
}

function resultOf(scenario: Scenario, state: DrillState, prev: string): TranscriptResult {
  const finalStateHash = stateHash(state);
  const score = scoreDrill(scenario, state);
  return { finalStateHash, score, prev, hash: resultHash(finalStateHash, canonicalJson(score), prev) };
}

export interface SessionOptions {
  seed: string | number;
  participants: Participant[];
  startedAt: string;
  meta?: Record<string, string>;
}

/**
 * Where accepted entries are made durable (the terminal's JSONL file, the browser's storage, the room
 * server's database). `append` must throw when the entry is not safely written: the session then
 * refuses the input and its state stays as it was.
 */
export interface JournalPort {
  append(entry: TranscriptEntry): void;
}

/** A step's result plus the entries it added (the input's own, then any colleagues'); none when refused. */
export type ApplyResult = StepResult & { entry?: TranscriptEntry; entries: TranscriptEntry[] };

/** Adds an accepted commit's entry and events to an `apply`'s; false when it was refused. */
function take(rc: ApplyResult, entries: TranscriptEntry[], events: StepEvent[]): boolean {
  if (!rc.ok || !rc.entry) return false;
  entries.push(rc.entry);
  events.push(...rc.events);
  return true;
}

/**
 * A drill in progress: the current state plus the transcript so far. `apply` steps the engine and, when
 * the input is accepted, appends a hash-chained entry (hand it to a journal to make it durable).
 */
export class Session {
  readonly entries: TranscriptEntry[];

  /** Set by the caller to make every accepted entry durable before the state moves on. */
  journal: JournalPort | undefined;

  /** Set by the caller (32-byte Ed25519 secret key) to sign the result of the finished drill. */
  signingKey: Uint8Array | undefined;

  /** The inputs as they stand after corrections, one per entry (a correction replaces an earlier choice). */
  private inputs: Input[];

  private constructor(
    readonly scenario: Scenario,
    readonly header: TranscriptHeader,
    private current: DrillState,
    entries: TranscriptEntry[],
    inputs?: Input[],
  ) {
    this.entries = entries;
    this.inputs = inputs ?? entries.map((e) => e.input);
  }

  get state(): DrillState {
    return this.current;
  }

  static start(scenario: Scenario, o: SessionOptions): Session | { error: string } {
    const created = createDrill(scenario, { seed: o.seed, participants: o.participants });
    if (!created.ok) return { error: created.reason };
    const header: TranscriptHeader = {
      format: TRANSCRIPT_FORMAT,
      engine: ENGINE_VERSION,
      scenario: { id: scenario.id, version: scenario.version, contentHash: scenario.contentHash },
      seed: String(o.seed),
      participants: created.state.participants,
      startedAt: o.startedAt,
      ...(o.meta ? { meta: o.meta } : {}),
    };
    return new Session(scenario, header, created.state, []);
  }

  /**
   * Continues a recorded transcript: replays it (checking every hash) and carries on from its end.
   * `replica`: a read-only copy that follows an authority which keeps the real transcript (the room
   * server's view worker) — the entries it appends from here on carry no hashes (taking them is a
   * large part of a step), so it has no transcript of its own to give (`transcript` throws).
   */
  static resume(
    scenario: Scenario,
    t: Transcript,
    o: { replica?: boolean } = {},
  ): Session | { error: string } {
    const r = replay(scenario, t);
    if (!r.ok) return { error: r.reason };
    const s = new Session(scenario, t.header, r.state, [...t.entries], r.inputs);
    s.replica = o.replica === true;
    return s;
  }

  /** Follows an authority without hashing (see `resume`). */
  private replica = false;

  get lastHash(): string {
    return this.entries.at(-1)?.hash ?? headerHash(this.header);
  }

  /**
   * Steps the engine; an accepted input becomes a hash-chained entry, written to the journal (when
   * there is one) before the state moves on. Simulated colleagues then take the decisions that fell
   * to their seats, each as an entry of its own, so replay and verify need no policy.
   */
  apply(input: Input): ApplyResult {
    const from = this.current.clock;
    const r = this.commit(input);
    if (!r.ok || !r.entry) return r;
    const entries = [r.entry];
    const events = [...r.events];
    this.colleagues(entries, events);
    // An advance stops early where a simulated colleague must decide; once they have, it goes on to
    // where it was meant to go, as inputs of its own (so the transcript shows exactly what happened).
    // The step accepted it, so it is a well-formed input: no need to parse it again.
    if (input.type === 'advance') {
      const a = input;
      const goal = a.minutes === undefined ? undefined : Math.min(from + a.minutes, this.scenario.clock.end);
      const seen = visibleTo(this.scenario, this.current, a.for);
      let last = r.events;
      for (let guard = 0; guard < 1000 && this.current.phase === 'running'; guard++) {
        if (goal !== undefined ? this.current.clock >= goal : last.some(seen)) break;
        const next: Input =
          goal !== undefined
            ? { type: 'advance', minutes: goal - this.current.clock }
            : { type: 'advance', to: 'next', ...(a.for !== undefined ? { for: a.for } : {}) };
        const rc = this.commit(next);
        if (!rc.ok || !take(rc, entries, events)) break;
        last = rc.events;
        this.colleagues(entries, events);
      }
    }
    return { ...r, state: this.current, events, entries };
  }

  /** Simulated colleagues take the decisions that fell to their seats, each as an entry of its own. */
  private colleagues(entries: TranscriptEntry[], events: StepEvent[]): void {
    for (let guard = 0; guard < 1000; guard++) {
      const c = colleagueChoice(this.scenario, this.current);
      if (!c || !take(this.commit(c), entries, events)) break;
    }
  }

  /** Lets simulated colleagues take what is theirs now (after a resume, say); returns their entries. */
  settleColleagues(): TranscriptEntry[] {
    const out: TranscriptEntry[] = [];
    for (let guard = 0; guard < 1000; guard++) {
      const c = colleagueChoice(this.scenario, this.current);
      if (!c) break;
      const rc = this.commit(c);
      if (!rc.ok || !rc.entry) break;
      out.push(rc.entry);
    }
    return out;
  }

  private commit(input: Input): ApplyResult {
    const at = this.current.clock;
    const corrected = applyInput(this.scenario, this.header, this.current, this.inputs, input);
    const r = corrected.result;
    if (!r.ok) return { ...r, entries: [] };
    const base = {
      seq: this.entries.length + 1,
      at,
      input,
      stateHash: this.replica ? '' : stateHash(r.state),
      prev: this.lastHash,
    };
    const entry: TranscriptEntry = { ...base, hash: this.replica ? '' : entryHash(base) };
    if (this.journal) {
      try {
        this.journal.append(entry);
      } catch (e) {
        return {
          ok: false,
          state: this.current,
          rejection: { code: 'not-saved', reason: `not saved: ${(e as Error).message}` },
          entries: [],
        };
      }
    }
    this.current = r.state;
    this.entries.push(entry);
    if (corrected.corrected) this.inputs = corrected.corrected;
    else this.inputs.push(input);
    return { ...r, entry, entries: [entry] };
  }

  score(): ScoreReport {
    return scoreDrill(this.scenario, this.state);
  }

  transcript(): Transcript {
    if (this.replica) throw new Error('a replica session keeps no transcript (its entries carry no hashes)');
    const done = this.state.phase === 'debrief' || this.state.phase === 'ended';
    return {
      header: this.header,
      entries: [...this.entries],
      ...(done ? { result: this.signed(resultOf(this.scenario, this.state, this.lastHash)) } : {}),
    };
  }

  private signed(r: TranscriptResult): TranscriptResult {
    return this.signingKey ? { ...r, signature: signResultHash(r.hash, this.signingKey) } : r;
  }
}

export type ReplayResult =
  | {
      ok: true;
      state: DrillState;
      events: StepEvent[][];
      /** The inputs as they stand after corrections, one per entry. */
      inputs: Input[];
      finalStateHash: string;
      states?: DrillState[];
    }
  /** `refused`: the engine's own refusal of an entry's input (its code words it in any language). */
  | { ok: false; entry?: number; reason: string; refused?: Rejection };

/** Refuses what this engine cannot replay faithfully, before replaying anything. */
export function checkCompatible(scenario: Scenario, t: Transcript): string | undefined {
  const h = t?.header;
  if (!h || typeof h !== 'object') return 'this is not a drill transcript (no header)';
  const shape = shapeProblem(t);
  if (shape) return shape.reason;
  return versionProblem(scenario, t);
}

/** The header's format, engine and scenario version against this engine's (the shape already checked). */
function versionProblem(scenario: Scenario, t: Transcript): string | undefined {
  const h = t.header;
  if (h.format !== TRANSCRIPT_FORMAT)
    return (
      olderFormat(String(h.format), h.engine) ??
      `unsupported transcript format \`${String(h.format)}\` (this drill reads ${TRANSCRIPT_FORMAT})`
    );
  if (typeof h.engine !== 'string' || !COMPATIBLE_ENGINES.test(h.engine))
    return `the transcript was written by engine ${String(h.engine)}; this engine (${ENGINE_VERSION}) cannot replay it exactly`;
  if (h.scenario?.id !== scenario.id)
    return `the transcript is for scenario \`${String(h.scenario?.id)}\`, not \`${scenario.id}\``;
  if (h.scenario.contentHash !== scenario.contentHash)
    return `the transcript was recorded on a different version of scenario \`${scenario.id}\` (content hash ${String(h.scenario.contentHash).slice(0, 12)}… ≠ ${scenario.contentHash.slice(0, 12)}…); replaying it would give a different drill`;
  if (!Array.isArray(t.entries)) return 'the transcript has no list of entries';
  return undefined;
}

/** The first place the transcript does not match its schema; an entry's problem names the entry. */
function shapeProblem(t: Transcript): { entry?: number; reason: string } | undefined {
  const shape = TranscriptSchema.safeParse(t);
  if (shape.success) return undefined;
  const path = shape.error.issues[0]?.path ?? [];
  if (path[0] === 'entries' && typeof path[1] === 'number') {
    const no = path[1] + 1;
    return { entry: no, reason: `entry ${no}: malformed: ${schemaProblem(shape.error)}` };
  }
  return { reason: `the transcript is malformed at ${schemaProblem(shape.error)}` };
}

export interface ReplayOptions {
  /** Keep the state after each entry (for time travel in review). */
  keepStates?: boolean;
  /** Replay only the first `upTo` entries. */
  upTo?: number;
  /**
   * The transcript is exactly what `parseTranscript` just returned, which checked its whole shape
   * against the schema: replay does not check it a second time (on a typhoon transcript the schema
   * check costs as much as a tenth of the replay). Never set it for a transcript changed since.
   */
  shapeChecked?: boolean;
}

/**
 * Folds the recorded inputs from the initial state, checking the hash chain and every recorded state
 * hash on the way.
 */
export function replay(scenario: Scenario, t: Transcript, opts: ReplayOptions = {}): ReplayResult {
  const shape = !opts.shapeChecked && t?.header && typeof t.header === 'object' ? shapeProblem(t) : undefined;
  if (shape) return { ok: false, ...shape };
  // The shape was checked just above (the whole transcript once: it is a large part of a replay's cost).
  const incompatible =
    t?.header && typeof t.header === 'object' ? versionProblem(scenario, t) : checkCompatible(scenario, t);
  if (incompatible) return { ok: false, reason: incompatible };
  const created = createDrill(scenario, { seed: t.header.seed, participants: t.header.participants });
  if (!created.ok) return { ok: false, reason: `the header is invalid: ${created.reason}` };
  let state = created.state;
  let inputs: Input[] = [];
  const states: DrillState[] = opts.keepStates ? [state] : [];
  const events: StepEvent[][] = [];
  let prev = headerHash(t.header);
  const n = Math.min(t.entries.length, opts.upTo ?? Infinity);
  for (let i = 0; i < n; i++) {
    const e = t.entries[i]!;
    const no = i + 1;
    if (!e || typeof e !== 'object') return { ok: false, entry: no, reason: `entry ${no}: not an entry` };
    if (e.seq !== no)
      return {
        ok: false,
        entry: no,
        reason: `entry ${no}: sequence number ${String(e.seq)} where ${no} was expected (an entry was removed, added or moved)`,
      };
    if (e.prev !== prev)
      return {
        ok: false,
        entry: no,
        reason:
          no === 1
            ? `entry 1: the header was changed after the drill was recorded`
            : `entry ${no}: the chain is broken (entry ${no - 1} was changed, or an entry was removed or inserted)`,
      };
    if (entryHash(e) !== e.hash)
      return {
        ok: false,
        entry: no,
        reason: `entry ${no}: recorded ${describeInput(e.input)} was changed after it was written`,
      };
    if (e.at !== state.clock)
      return {
        ok: false,
        entry: no,
        reason: `entry ${no}: recorded at ${e.at} but the replayed clock is at ${state.clock}`,
      };
    // Every entry's input matched the schema (checked above, or by parseTranscript).
    const applied = applyInput(scenario, t.header, state, inputs, e.input, true);
    const r = applied.result;
    if (!r.ok)
      return {
        ok: false,
        entry: no,
        reason: `entry ${no}: the engine refuses this input on replay: ${r.rejection.reason}`,
        refused: r.rejection,
      };
    state = r.state;
    if (applied.corrected) inputs = applied.corrected;
    else inputs.push(e.input);
    if (stateHash(state) !== e.stateHash)
      return {
        ok: false,
        entry: no,
        reason: `entry ${no}: replaying it gives a different state than was recorded (state hash differs)`,
      };
    events.push(r.events);
    if (opts.keepStates) states.push(state);
    prev = e.hash;
  }
  return {
    ok: true,
    state,
    events,
    inputs,
    finalStateHash: stateHash(state),
    ...(opts.keepStates ? { states } : {}),
  };
}

/**
 * One entry's input applied: a step, or for a trainer's correction a replay of the corrected history
 * (`inputs`: one per entry so far, corrections applied). A correction returns the new `inputs`; for any
 * other input the caller appends it once the entry is kept. The same code runs live and on replay, so
 * a corrected transcript verifies like any other.
 */
function applyInput(
  scenario: Scenario,
  header: TranscriptHeader,
  state: DrillState,
  inputs: readonly Input[],
  input: Input,
  checked = false,
): { result: StepResult; corrected?: Input[] } {
  if ((input as { type?: unknown } | null)?.type === 'correct') {
    const parsed = InputSchema.safeParse(input);
    if (parsed.success && parsed.data.type === 'correct') {
      const c = applyCorrection(scenario, header, state, inputs, parsed.data);
      if (!c.ok) return { result: { ok: false, state, rejection: c.rejection } };
      return { result: { ok: true, state: c.state, events: [] }, corrected: c.inputs };
    }
  }
  return { result: checked ? stepChecked(scenario, state, input) : step(scenario, state, input) };
}

function describeInput(input: unknown): string {
  const type = (input as { type?: unknown })?.type;
  switch (type) {
    case 'choose':
      return 'decision';
    case 'answer':
      return 'discussion answer';
    case 'observe':
      return 'evaluator observation';
    case 'override':
      return 'evaluator override';
    case 'inject':
      return 'ad-hoc inject';
    case 'advance':
      return 'clock advance';
    default:
      return typeof type === 'string' ? `\`${type}\` input` : 'input';
  }
}

/**
 * `complete: false` means the chain holds but there is no result: an unfinished drill (or one whose
 * result was removed). Its score is a prefix's, never a drill's result — shells must say so.
 * `signature` is `unsigned` for unsigned transcripts and unfinished ones.
 */
export type VerifyResult =
  | {
      ok: true;
      entries: number;
      finalStateHash: string;
      complete: boolean;
      score?: ScoreReport;
      signature: SignatureCheck;
    }
  | { ok: false; entry?: number; reason: string; entries: number; refused?: Rejection };

export interface VerifyOptions {
  /** Hex Ed25519 public key the result must be signed with (`verify --key`). */
  trustedKey?: string;
  /** As `ReplayOptions.shapeChecked`: `t` comes straight from `parseTranscript`. */
  shapeChecked?: boolean;
}

/**
 * Replays a transcript, checks its chain and state hashes, and recomputes the result: the final state
 * hash and every score must match what was recorded, and a signature (when there is one, or when a
 * trusted key is given) must be good.
 */
export function verify(scenario: Scenario, t: Transcript, o: VerifyOptions = {}): VerifyResult {
  return verifyReplay(scenario, t, o).verification;
}

/** A verification and the replay it made (with the state after each entry when `keepStates`). */
export interface VerifiedReplay {
  verification: VerifyResult;
  /** Absent when the transcript does not replay (the verification then says where it breaks). */
  replayed?: Extract<ReplayResult, { ok: true }>;
}

/**
 * `verify`, handing back the replay it made: a report or a review needs both, and replaying a transcript
 * is most of the cost of either, so it is done once.
 */
export function verifyReplay(
  scenario: Scenario,
  t: Transcript,
  o: VerifyOptions & { keepStates?: boolean } = {},
): VerifiedReplay {
  const entries = Array.isArray(t?.entries) ? t.entries.length : 0;
  const r = replay(scenario, t, {
    ...(o.keepStates ? { keepStates: true } : {}),
    ...(o.shapeChecked ? { shapeChecked: true } : {}),
  });
  if (!r.ok) return { verification: { ...r, entries } };
  return { verification: checkResult(scenario, t, r, entries, o), replayed: r };
}

function checkResult(
  scenario: Scenario,
  t: Transcript,
  r: Extract<ReplayResult, { ok: true }>,
  entries: number,
  o: VerifyOptions,
): VerifyResult {
  if (!t.result) {
    if (o.trustedKey !== undefined)
      return {
        ok: false,
        reason: 'the drill is unfinished (no result), so there is no signature by the key to check',
        entries,
      };
    return {
      ok: true,
      entries,
      finalStateHash: r.finalStateHash,
      complete: false,
      signature: { status: 'unsigned' },
    };
  }
  const res = t.result;
  const last = t.entries.at(-1)?.hash ?? headerHash(t.header);
  if (res.prev !== last)
    return {
      ok: false,
      reason: 'the result does not follow the last entry (entries were added or removed after it)',
      entries,
    };
  if (res.finalStateHash !== r.finalStateHash)
    return { ok: false, reason: 'the recorded final state hash differs from the replayed one', entries };
  const score = scoreDrill(scenario, r.state);
  const recorded = canonicalJson(res.score);
  if (canonicalJson(score) !== recorded) {
    const where = firstDifference(score, res.score);
    return {
      ok: false,
      reason: `the recorded score differs from the recomputed one${where ? ` at ${where}` : ''} (edited after the drill?)`,
      entries,
    };
  }
  if (resultHash(res.finalStateHash, recorded, res.prev) !== res.hash)
    return { ok: false, reason: 'the result block was changed after it was written', entries };
  const signature = checkSignature(res.hash, res.signature, o.trustedKey);
  if (signature.status === 'invalid') return { ok: false, reason: signature.reason, entries };
  return { ok: true, entries, finalStateHash: r.finalStateHash, complete: true, score, signature };
}

function firstDifference(a: unknown, b: unknown, path = 'score'): string | undefined {
  if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`,
      );
      if (d) return d;
    }
  }
  return path;
}

/** Lines of a journal that could not be read and were left out (everything before them was kept). */
export interface DroppedLines {
  /** 1-based line number of the first line left out. */
  line: number;
  /** How many lines were left out from there on. */
  lines: number;
  reason: string;
  /** Only the last line, without its newline: a write cut short by a crash (expected, harmless). */
  torn: boolean;
}

export type ParsedTranscript =
  | { ok: true; transcript: Transcript; kind: 'transcript' | 'journal'; dropped?: DroppedLines }
  /** `line`/`column` (1-based): where in the file the JSON breaks off, when it is not valid JSON. */
  | { ok: false; reason: string; line?: number; column?: number };

/**
 * Where JSON.parse gave up, as line:column of `text` (its messages say "at position N", or "unexpected
 * end" for a file cut short), and its message without the offset.
 */
function jsonFault(
  text: string,
  parsedFrom: number,
  e: unknown,
): { reason: string; line?: number; column?: number } {
  const message = e instanceof Error ? e.message : String(e);
  const at = / in JSON at position (\d+)/.exec(message);
  // Some messages (an unexpected token, on Node 20) name no offset: no position rather than a wrong one.
  if (!at && !/end of JSON input/.test(message)) return { reason: `not valid JSON: ${message}` };
  const offset = at ? parsedFrom + Number(at[1]) : text.trimEnd().length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const words = message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
  return { reason: `not valid JSON: ${words}`, line, column };
}

/**
 * Parses transcript text (a JSON transcript or a JSONL journal) without trusting it: every part is
 * checked against the transcript schema, so a changed key is refused with a reason before anything
 * reads it. A journal keeps every line up to the first one it cannot read (a torn last write, or lines
 * of a second writer); those are reported in `dropped`, never silently, and never make it unreadable.
 */
export function parseTranscript(text: string): ParsedTranscript {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'the file is empty' };
  let whole: unknown;
  let fault: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch (e) {
    whole = undefined; // not one JSON value: read it as a journal below
    fault = e;
  }
  const keys = whole && typeof whole === 'object' && !Array.isArray(whole) ? Object.keys(whole) : [];
  // A journal holding only its header line is one JSON value too: read it as the journal it is.
  if (keys.length > 0 && !(keys.length === 1 && keys[0] === 'header')) {
    if (!keys.includes('header')) return { ok: false, reason: 'this is not a drill transcript (no header)' };
    const r = TranscriptSchema.safeParse(whole);
    if (!r.success) return { ok: false, reason: `malformed transcript: ${schemaProblem(r.error)}` };
    // The checked value is the file's own (zod's output may add defaults, which would change hashes).
    return { ok: true, transcript: whole as Transcript, kind: 'transcript' };
  }
  // Not a journal either (its first line is not JSON): a JSON file cut short or broken, where it breaks.
  const firstLine = text.split('\n', 1)[0]!;
  if (fault !== undefined && !isJson(firstLine))
    return { ok: false, ...jsonFault(text, text.length - text.trimStart().length, fault) };
  return parseJournal(text);
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function parseJournal(text: string): ParsedTranscript {
  const lines = text.split('\n');
  const endsWithNewline = lines.at(-1) === '';
  if (endsWithNewline) lines.pop();
  let first: unknown;
  try {
    first = JSON.parse(lines[0]!);
  } catch (e) {
    return { ok: false, reason: `not valid JSON: ${(e as Error).message}` };
  }
  const h = JournalHeaderLineSchema.safeParse(first);
  if (!h.success) {
    if (!first || typeof first !== 'object' || !('header' in first))
      return { ok: false, reason: 'this is not a drill transcript or journal (no header)' };
    return { ok: false, reason: `malformed journal header: ${schemaProblem(h.error, 'header')}` };
  }
  const header = (first as { header: TranscriptHeader }).header;
  const entries: TranscriptEntry[] = [];
  let result: TranscriptResult | undefined;
  let dropped: DroppedLines | undefined;
  for (let i = 1; i < lines.length && !dropped; i++) {
    const drop = (reason: string): DroppedLines => ({
      line: i + 1,
      lines: lines.length - i,
      reason,
      torn: i === lines.length - 1 && !endsWithNewline,
    });
    let v: unknown;
    try {
      v = JSON.parse(lines[i]!);
    } catch {
      dropped = drop(`line ${i + 1} is not valid JSON`);
      break;
    }
    if (result) {
      dropped = drop(`line ${i + 1} comes after the result line`);
      break;
    }
    if (v && typeof v === 'object' && 'result' in v) {
      const r = JournalResultLineSchema.safeParse(v);
      if (!r.success) {
        dropped = drop(`line ${i + 1}: ${schemaProblem(r.error)}`);
        break;
      }
      result = (v as { result: TranscriptResult }).result;
      continue;
    }
    const e = TranscriptEntrySchema.safeParse(v);
    if (!e.success) {
      dropped = drop(`line ${i + 1}: ${schemaProblem(e.error, `entry`)}`);
      break;
    }
    const entry = v as TranscriptEntry;
    // A second writer's line (same seq, or not chained to the one before): keep the first writer's.
    if (entry.seq !== entries.length + 1 || entry.prev !== (entries.at(-1)?.hash ?? headerHash(header))) {
      dropped = drop(
        `line ${i + 1}: entry ${entry.seq} does not follow entry ${entries.length} (a second writer, or an edit)`,
      );
      break;
    }
    entries.push(entry);
  }
  return {
    ok: true,
    transcript: { header, entries, ...(result ? { result } : {}) },
    kind: 'journal',
    ...(dropped ? { dropped } : {}),
  };
}
