import { canonicalJson, hashJson } from './hash.ts';
import type { Input } from './inputs.ts';
import type { Scenario } from './scenario/model.ts';
import { scoreDrill, type ScoreReport } from './score.ts';
import { createDrill, type DrillState, type Participant } from './state.ts';
import { colleagueChoice } from './policies.ts';
import { InputSchema } from './inputs.ts';
import { step, visibleTo, type StepEvent, type StepResult } from './step.ts';

export const TRANSCRIPT_FORMAT = 'drill-transcript/2';
export const ENGINE_VERSION = '0.2.0';
/** Engine versions whose transcripts this engine replays identically. */
const COMPATIBLE_ENGINES = /^0\.2\./;

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
  /** SHA-256 of the canonical JSON of the state after this input. */
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
}

export interface Transcript {
  header: TranscriptHeader;
  entries: TranscriptEntry[];
  result?: TranscriptResult;
}

export function stateHash(state: DrillState): string {
  return hashJson(state);
}

export function headerHash(h: TranscriptHeader): string {
  return hashJson(h);
}

function entryHash(e: Omit<TranscriptEntry, 'hash'>): string {
  return hashJson({ seq: e.seq, at: e.at, input: e.input, stateHash: e.stateHash, prev: e.prev });
}

function resultOf(scenario: Scenario, state: DrillState, prev: string): TranscriptResult {
  const finalStateHash = stateHash(state);
  const score = scoreDrill(scenario, state);
  return { finalStateHash, score, prev, hash: hashJson({ finalStateHash, score, prev }) };
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

/**
 * A drill in progress: the current state plus the transcript so far. `apply` steps the engine and, when
 * the input is accepted, appends a hash-chained entry (hand it to a journal to make it durable).
 */
export class Session {
  readonly entries: TranscriptEntry[];

  /** Set by the caller to make every accepted entry durable before the state moves on. */
  journal: JournalPort | undefined;

  private constructor(
    readonly scenario: Scenario,
    readonly header: TranscriptHeader,
    private current: DrillState,
    entries: TranscriptEntry[],
  ) {
    this.entries = entries;
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

  /** Continues a recorded transcript: replays it (checking every hash) and carries on from its end. */
  static resume(scenario: Scenario, t: Transcript): Session | { error: string } {
    const r = replay(scenario, t);
    if (!r.ok) return { error: r.reason };
    return new Session(scenario, t.header, r.state, [...t.entries]);
  }

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
    const take = (rc: ApplyResult): boolean => {
      if (!rc.ok || !rc.entry) return false;
      entries.push(rc.entry);
      events.push(...rc.events);
      return true;
    };
    const colleagues = (): void => {
      for (let guard = 0; guard < 1000; guard++) {
        const c = colleagueChoice(this.scenario, this.current);
        if (!c || !take(this.commit(c))) break;
      }
    };
    colleagues();
    // An advance stops early where a simulated colleague must decide; once they have, it goes on to
    // where it was meant to go, as inputs of its own (so the transcript shows exactly what happened).
    const adv = InputSchema.safeParse(input);
    if (adv.success && adv.data.type === 'advance') {
      const a = adv.data;
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
        if (!rc.ok || !take(rc)) break;
        last = rc.events;
        colleagues();
      }
    }
    return { ...r, state: this.current, events, entries };
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
    const r = step(this.scenario, this.current, input);
    if (!r.ok) return { ...r, entries: [] };
    const base = {
      seq: this.entries.length + 1,
      at,
      input,
      stateHash: stateHash(r.state),
      prev: this.lastHash,
    };
    const entry: TranscriptEntry = { ...base, hash: entryHash(base) };
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
    return { ...r, entry, entries: [entry] };
  }

  score(): ScoreReport {
    return scoreDrill(this.scenario, this.state);
  }

  transcript(): Transcript {
    const done = this.state.phase === 'debrief' || this.state.phase === 'ended';
    return {
      header: this.header,
      entries: [...this.entries],
      ...(done ? { result: resultOf(this.scenario, this.state, this.lastHash) } : {}),
    };
  }
}

export type ReplayResult =
  | { ok: true; state: DrillState; events: StepEvent[][]; finalStateHash: string; states?: DrillState[] }
  | { ok: false; entry?: number; reason: string };

/** Refuses what this engine cannot replay faithfully, before replaying anything. */
export function checkCompatible(scenario: Scenario, t: Transcript): string | undefined {
  const h = t?.header;
  if (!h || typeof h !== 'object') return 'this is not a drill transcript (no header)';
  if (h.format !== TRANSCRIPT_FORMAT)
    return `unsupported transcript format \`${String(h.format)}\` (this drill reads ${TRANSCRIPT_FORMAT})`;
  if (typeof h.engine !== 'string' || !COMPATIBLE_ENGINES.test(h.engine))
    return `the transcript was written by engine ${String(h.engine)}; this engine (${ENGINE_VERSION}) cannot replay it exactly`;
  if (h.scenario?.id !== scenario.id)
    return `the transcript is for scenario \`${String(h.scenario?.id)}\`, not \`${scenario.id}\``;
  if (h.scenario.contentHash !== scenario.contentHash)
    return `the transcript was recorded on a different version of scenario \`${scenario.id}\` (content hash ${String(h.scenario.contentHash).slice(0, 12)}… ≠ ${scenario.contentHash.slice(0, 12)}…); replaying it would give a different drill`;
  if (!Array.isArray(t.entries)) return 'the transcript has no list of entries';
  return undefined;
}

/**
 * Folds the recorded inputs from the initial state, checking the hash chain and every recorded state
 * hash on the way. `keepStates` keeps the state after each entry (for time travel in review).
 */
export function replay(
  scenario: Scenario,
  t: Transcript,
  opts: { keepStates?: boolean; upTo?: number } = {},
): ReplayResult {
  const incompatible = checkCompatible(scenario, t);
  if (incompatible) return { ok: false, reason: incompatible };
  const created = createDrill(scenario, { seed: t.header.seed, participants: t.header.participants });
  if (!created.ok) return { ok: false, reason: `the header is invalid: ${created.reason}` };
  let state = created.state;
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
    const r = step(scenario, state, e.input);
    if (!r.ok)
      return {
        ok: false,
        entry: no,
        reason: `entry ${no}: the engine refuses this input on replay: ${r.rejection.reason}`,
      };
    state = r.state;
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
    finalStateHash: stateHash(state),
    ...(opts.keepStates ? { states } : {}),
  };
}

function describeInput(input: unknown): string {
  const type = (input as { type?: unknown })?.type;
  switch (type) {
    case 'choose':
      return 'decision';
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

export type VerifyResult =
  | { ok: true; entries: number; finalStateHash: string; complete: boolean; score?: ScoreReport }
  | { ok: false; entry?: number; reason: string; entries: number };

/**
 * Replays a transcript, checks its chain and state hashes, and recomputes the result: the final state
 * hash and every score must match what was recorded.
 */
export function verify(scenario: Scenario, t: Transcript): VerifyResult {
  const entries = Array.isArray(t?.entries) ? t.entries.length : 0;
  const r = replay(scenario, t);
  if (!r.ok) return { ...r, entries };
  if (!t.result) return { ok: true, entries, finalStateHash: r.finalStateHash, complete: false };
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
  if (canonicalJson(score) !== canonicalJson(res.score)) {
    const where = firstDifference(score, res.score);
    return {
      ok: false,
      reason: `the recorded score differs from the recomputed one${where ? ` at ${where}` : ''} (edited after the drill?)`,
      entries,
    };
  }
  if (hashJson({ finalStateHash: res.finalStateHash, score: res.score, prev: res.prev }) !== res.hash)
    return { ok: false, reason: 'the result block was changed after it was written', entries };
  return { ok: true, entries, finalStateHash: r.finalStateHash, complete: true, score };
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

/** Parses transcript text (a JSON transcript or a JSONL journal) without trusting it. */
export function parseTranscript(
  text: string,
): { ok: true; transcript: Transcript } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'the file is empty' };
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    whole = undefined; // not one JSON value: read it as a journal below
  }
  if (whole && typeof whole === 'object' && 'header' in whole) {
    const t = whole as Partial<Transcript>;
    return {
      ok: true,
      transcript: { ...(t as Transcript), entries: Array.isArray(t.entries) ? t.entries : [] },
    };
  }
  // A journal: the header on the first line, one entry per line; a torn last line (killed mid-write) is dropped.
  const lines = trimmed.split('\n');
  let header: TranscriptHeader | undefined;
  try {
    header = (JSON.parse(lines[0]!) as { header?: TranscriptHeader }).header;
  } catch (e) {
    return { ok: false, reason: `not valid JSON: ${(e as Error).message}` };
  }
  if (!header) return { ok: false, reason: 'this is not a drill transcript or journal (no header)' };
  const entries: TranscriptEntry[] = [];
  let result: TranscriptResult | undefined;
  for (let i = 1; i < lines.length; i++) {
    let v: unknown;
    try {
      v = JSON.parse(lines[i]!);
    } catch {
      if (i === lines.length - 1) break;
      return { ok: false, reason: `line ${i + 1} of the journal is not valid JSON` };
    }
    if (v && typeof v === 'object' && 'result' in v) result = (v as { result: TranscriptResult }).result;
    else entries.push(v as TranscriptEntry);
  }
  return { ok: true, transcript: { header, entries, ...(result ? { result } : {}) } };
}
