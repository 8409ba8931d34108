/**
 * The room server's wire protocol: WebSocket frames both ways and the REST shapes. Shared by the
 * server, the browser (participant pages, trainer console, projector: `@drill/server/protocol`) and the
 * Node client. It imports zod, engine types and the engine's own setup schema (the browser bundles the
 * engine anyway), so a room is set up exactly as the Table accepts.
 *
 * Clients send commands, never state. A command is the engine Table's `TableCommand`; the Table itself
 * validates it (a malformed command is refused with code `malformed`), so it travels here as an object.
 *
 * Stability: roomweb builds against this file. Change it only by adding optional fields or new frames,
 * each in its own commit.
 */
import { z } from 'zod';
import { TableSetupSchema } from '@drill/engine';
import type {
  DefaultClosing,
  Diagnostic,
  Lang,
  LocalizedText,
  ScoreReport,
  SubjectRatings,
  TableCommand,
  TableRefusalCode,
  TableView,
} from '@drill/engine';

/**
 * Largest frame the server accepts: a bigger one is refused (`too-large`) and changes nothing; one
 * over four times this closes the socket (ws `maxPayload`, close code 1009) and the client reconnects.
 */
export const MAX_FRAME_BYTES = 16 * 1024;
/** Per connection: a burst of this many frames, refilled at `RATE_PER_SECOND` (token bucket). */
export const RATE_BURST = 20;
export const RATE_PER_SECOND = 10;
/** The WebSocket endpoint, on the same port as the app and the API. */
export const WS_PATH = '/ws';
/** A join code: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

/**
 * The trainer's console link the server prints at start: the host token rides in the fragment, so it
 * never reaches a server log or a Referer header. The console keeps it and sends it as a Bearer token.
 */
export function consoleUrl(origin: string, hostToken: string): string {
  return `${origin.replace(/\/+$/, '')}/?view=room#host=${encodeURIComponent(hostToken)}`;
}

/** The join link a QR code and the terminal show: the app opens the join page for `code`. */
export function joinUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/?join=${encodeURIComponent(code)}`;
}

const langSchema = z.enum(['en', 'zh-CN']) satisfies z.ZodType<Lang>;
const token = z.string().min(16).max(200);
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A command as it travels: any JSON object; the Table parses it with its own schema. */
const command = z.custom<TableCommand>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'a command is an object',
);

// ───────────────────────── client → server ─────────────────────────

/** The most unanswered commands a hello may name (a client sends its newest ones). */
export const MAX_PENDING = 256;

export const ClientFrameSchema = z.discriminatedUnion('t', [
  /**
   * First frame on every connection (and after each reconnect). `token`: a member, trainer, projector
   * or evaluator token of one room — or the server's host token together with `room` (acts as trainer).
   * `lastSeq`: the table sequence number last seen (informational: the welcome always carries the
   * whole current view). `lang`: the language refusals and views come in (default: the room's).
   * `tab`: a random name the page (or client) keeps for its life, the same on every reconnect; `pending`:
   * the `cseq`s of its commands still unanswered when the connection dropped. The welcome then says
   * which of those the room accepted from this tab (`accepted`) — not inferred from `lastCseq`, which
   * another tab holding the same credential may have moved past a command the room never saw — and the
   * rest can no longer be accepted (a late copy is refused `replay`): each is applied once or reported.
   */
  z.strictObject({
    t: z.literal('hello'),
    token,
    room: z.string().min(1).max(64).optional(),
    lastSeq: seq.optional(),
    lang: langSchema.optional(),
    tab: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    pending: z.array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)).max(MAX_PENDING).optional(),
  }),
  /**
   * A command for the room's Table. `cseq`: this token's own counter, strictly increasing across
   * reconnects (the welcome says the last one accepted); an input at or below it is a replay and is
   * refused. `expectSeq`: the table seq the sender acted on. A trainer's clock command (start, pause,
   * resume, advance, next, end, close: `CLOCK_COMMAND_TYPES`) must carry it and is refused `stale` when
   * it is not the room's current seq (the refusal's `seq` says which one that is); other commands
   * against an older seq are refused as stale by the Table when they carry one.
   */
  z.strictObject({
    t: z.literal('cmd'),
    cseq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    expectSeq: seq.optional(),
    command,
  }),
  /** A member is typing an answer to `decision` (`active: false` when they stop). Trainer sees it. */
  z.strictObject({
    t: z.literal('typing'),
    decision: z.string().min(1).max(200),
    active: z.boolean().optional(),
  }),
  /** Trainer only: what the projector and participants are shown. */
  z.strictObject({
    t: z.literal('display'),
    /** Show scores on the projector and to each member (their own team's only). */
    showScores: z.boolean().optional(),
    /** The team the projector follows; null for the whole room. */
    projectorTeam: z.string().min(1).max(80).nullable().optional(),
  }),
  /**
   * Trainer only: which decisions this clock command would close with their defaults, before sending
   * it (answered with a `preview` frame carrying the same `cseq`; nothing changes).
   */
  z.strictObject({ t: z.literal('preview'), cseq: z.number().int().min(1), command }),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

// ───────────────────────── server → client ─────────────────────────

export type Role = 'trainer' | 'member' | 'projector' | 'evaluator';

/** Codes of refusals: the Table's own plus the server's. */
export type RefusalCode =
  | TableRefusalCode
  /** No valid token yet, or the token is unknown/forged/revoked. */
  | 'unauthorised'
  /** `cseq` at or below the last one accepted from this token. */
  | 'replay'
  /** Frame larger than MAX_FRAME_BYTES (the socket is then closed with 1009). */
  | 'too-large'
  /** Too many frames: the per-connection rate limit. */
  | 'rate-limited'
  /** The frame is not JSON or fails ClientFrameSchema. */
  | 'bad-frame'
  /** The room is finished (its drill reached the debrief): it takes no more joins. */
  | 'room-closed'
  /** The server could not make the input durable; nothing changed. */
  | 'unavailable';

export interface RoomInfo {
  id: string;
  code: string;
  scenario: { id: string; title: LocalizedText; contentHash: string };
  lang: Lang;
  mode: 'roles' | 'parallel';
  teams: { name: string; roles: string[] }[];
  status: RoomStatus;
  /** The drill's seed: only to the trainer and the host (it decides the hidden variation draws). */
  seed?: string;
  /**
   * The scenario's T0 as a calendar time (`2026-08-26T16:00`; may be empty): a page without the scenario
   * file (a participant's phone, the projector, for the trainer's own scenario) shows the same clock
   * text as the console, relative and civil.
   */
  t0?: string;
}
/** `finished` once the drill reaches its debrief (the Table still takes overrides and corrections then). */
export type RoomStatus = 'open' | 'finished';

/** What the trainer has chosen to show. */
export interface Display {
  showScores: boolean;
  projectorTeam: string | null;
}

/** A team's score: the Table's one source (trainer, evaluator; the projector and members when shown). */
export interface TeamScore {
  team: string;
  score: number | null;
  ratings: SubjectRatings;
}

/** The whole score report of one lane the trainer or an evaluator sees (its team's, in parallel mode). */
export interface LaneReport {
  team?: string;
  report: ScoreReport;
}

/**
 * How often, at most, a room sends its scores (ms): after the inputs of a second, not after each one. A
 * trainer's score panel a second behind loses nothing; rescoring and resending the whole score report
 * (most of a trainer's frame) after every input of 30 people cost the room server a third of its work.
 */
export const SCORES_EVERY_MS = 1000;

/** Who this connection is. */
export interface Identity {
  role: Role;
  name?: string;
  team?: string;
  roles?: string[];
}

export interface PresenceMember {
  /** Stable per member token (not the token). */
  id: string;
  name: string;
  team: string;
  roles: string[];
  connected: boolean;
  /** The decision they are typing an answer to, if any. */
  typing?: string;
  /** Decisions this member has submitted. */
  submitted: string[];
}

export type ServerFrame =
  | {
      t: 'welcome';
      role: Role;
      you: Identity;
      room: RoomInfo;
      view: TableView;
      display: Display;
      /** The last `cseq` accepted from this token (0 if none): continue from here after a reconnect. */
      lastCseq: number;
      /** Of the hello's `pending`, those the room accepted from this tab; the others were not applied. */
      accepted?: number[];
    }
  /**
   * After every accepted input and display change: this connection's own view. Its lanes carry no score
   * report: the scores come in `scores` frames.
   */
  | { t: 'view'; view: TableView; display: Display; status: RoomStatus }
  /**
   * The scores this connection may see, as of table seq `seq`: to the trainer and evaluators every team's
   * and every lane's whole report; to the projector every team's and to a member their own team's, only
   * while the trainer shows scores (an empty list when the trainer hides them). Sent after a welcome, at
   * most every SCORES_EVERY_MS while inputs change them, and at once when the display changes or the
   * drill reaches its debrief.
   */
  | { t: 'scores'; seq: number; scores: TeamScore[]; reports?: LaneReport[] }
  | { t: 'ack'; cseq: number; seq: number }
  | {
      t: 'refused';
      cseq?: number;
      code: RefusalCode;
      reason: string;
      /** With `stale`: the table seq the room holds now (look at that view, then act again). */
      seq?: number;
      /**
       * With `replay`: the last `cseq` accepted from this credential. Another tab or device holding the
       * same credential used the numbers up to it: a command this client never had answered may be sent
       * again numbered after it (the room never saw it, so it cannot apply twice).
       */
      lastCseq?: number;
    }
  | { t: 'preview'; cseq: number; closing: DefaultClosing[] }
  /** Trainer only: who is connected, typing, has submitted. */
  | { t: 'presence'; members: PresenceMember[]; projectors: number; evaluators: number; trainers: number };

// ───────────────────────── REST ─────────────────────────
// Credentials travel as `Authorization: Bearer <token>`; only the transcript download (a plain link)
// also takes `?token=`.
// Errors: HTTP status + `{ error: RefusalCode | 'not-found' | 'invalid', reason: string }`.

export interface ApiError {
  error: RefusalCode | 'not-found' | 'invalid' | 'scenario-invalid';
  reason: string;
  /**
   * With `scenario-invalid` (HTTP 422): every diagnostic of the trainer's own scenario (the engine's
   * own shape: file, 1-based line and column, message; `reason` lists them as `file:line:col: message`).
   */
  diagnostics?: Diagnostic[];
}

/** GET /api/scenarios (public): what a room can be created from. */
export interface ScenarioSummary {
  id: string;
  title: LocalizedText;
  languages: Lang[];
  roles: { id: string; name: LocalizedText }[];
}

/** A trainer's own scenario: at most this many files… */
export const MAX_SCENARIO_FILES = 200;
/** …of at most this many bytes together (UTF-8 of paths and contents). */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

/** …each named by a path of at most this many characters. */
export const MAX_PATH = 500;

/**
 * A trainer's own scenario as it travels: its YAML files keyed by path relative to one another
 * (`entry` is one of them; includes resolve among them). The server compiles it; a broken one is
 * refused with every diagnostic (see `ScenarioRefusal`).
 */
export const ScenarioSourceSchema = z
  .strictObject({
    entry: z
      .string()
      .min(1)
      .max(MAX_PATH, { error: `a file path of at most ${MAX_PATH} characters` }),
    files: z.record(
      z
        .string()
        .min(1)
        .max(MAX_PATH, { error: `a file path of at most ${MAX_PATH} characters` }),
      z.string(),
    ),
  })
  .superRefine((src, ctx) => {
    const paths = Object.keys(src.files);
    if (paths.length > MAX_SCENARIO_FILES) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_SCENARIO_FILES} files (got ${paths.length})` });
    }
    const utf8 = new TextEncoder();
    let bytes = 0;
    for (const path of paths) bytes += utf8.encode(path).length + utf8.encode(src.files[path] ?? '').length;
    if (bytes > MAX_SCENARIO_BYTES) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_SCENARIO_BYTES} bytes in all (got ${bytes})` });
    }
    if (!Object.hasOwn(src.files, src.entry)) {
      ctx.addIssue({ code: 'custom', path: ['entry'], message: `entry ${src.entry} is not among the files` });
    }
  });
export type ScenarioSource = z.infer<typeof ScenarioSourceSchema>;

/** What is wrong with an own scenario (the union's object branch), as "path: message". */
function ownScenarioProblem(branches: readonly (readonly z.core.$ZodIssue[])[]): string | undefined {
  // The shipped-id branch fails on any object with "expected string": the other branch says why.
  const own = branches.find((b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  const first = own?.[0];
  if (!first) return undefined;
  const inner = first.code === 'invalid_key' ? first.issues[0] : undefined;
  const where = first.code === 'invalid_key' ? 'files' : first.path.map(String).join('.');
  return `${where ? `${where}: ` : ''}${inner?.message ?? first.message}`;
}

/** POST /api/rooms (host token): create a room; the Table starts in its lobby (phase `setup`). */
export const CreateRoomSchema = TableSetupSchema.extend({
  /** A shipped scenario's id, or the trainer's own scenario's files. */
  scenario: z.union([z.string().min(1).max(100), ScenarioSourceSchema], {
    // Not "Invalid input": say what is wrong with the files, as the other refusals name their limit.
    error: (iss) => (iss.code === 'invalid_union' ? ownScenarioProblem(iss.errors) : undefined),
  }),
  /** How many evaluator tokens to issue (observers who see everything but cannot act). */
  evaluators: z.number().int().min(0).max(10).optional(),
});
export type CreateRoom = z.input<typeof CreateRoomSchema>;
export interface CreatedRoom {
  room: RoomInfo;
  trainerToken: string;
  projectorToken: string;
  evaluatorTokens: string[];
  joinUrl: string;
}

/** GET /api/join/:code (public): what the join page offers. */
export interface JoinInfo {
  room: string;
  scenario: { id: string; title: LocalizedText };
  lang: Lang;
  mode: 'roles' | 'parallel';
  status: RoomStatus;
  /** The scenario's T0 as a calendar time, as in `RoomInfo.t0`. */
  t0?: string;
  /** Each team and the seats a member may take there (the scenario's role ids and names). */
  teams: { name: string; roles: { id: string; name: LocalizedText }[]; members: number }[];
}

/** C0/C1 controls, bidirectional marks/embeddings/overrides/isolates, lone surrogates (`\p{Cs}`). */
const UNSHOWABLE = /[\p{Cs}\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** A letter, number, punctuation or symbol: something a reader sees. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** POST /api/join/:code (public): take seats at a team; `roles` empty = every seat of the team. */
export const JoinSchema = z.strictObject({
  team: z.string().min(1).max(80),
  roles: z.array(z.string().min(1).max(200)).max(100),
  name: z
    .string()
    .trim()
    .min(1)
    .max(80)
    // A name is shown on the trainer's console, the presence list and the transcript: no control
    // characters (terminal escapes, NUL), no bidirectional overrides that make it read as another name,
    // no lone surrogates, and at least one visible character (not only zero-width spaces).
    .refine((n) => !UNSHOWABLE.test(n) && VISIBLE.test(n), {
      message: 'a name of visible characters, without control or direction characters',
    }),
});
export type Join = z.infer<typeof JoinSchema>;
export interface Joined {
  room: string;
  token: string;
  team: string;
  roles: string[];
  name: string;
}

/** GET /api/rooms (host token): every room, finished ones included, newest first. */
export interface RoomSummary extends RoomInfo {
  created: string;
  seq: number;
  phase: TableView['phase'];
  /** Number of transcripts: one per team in parallel mode, one in role mode. */
  transcripts: number;
}

/**
 * GET /api/rooms/:id/transcripts/:i (trainer token of the room, or host token): transcript `i` as JSON
 * (passes `drill verify`). GET /api/rooms/:id/qr.svg (public): QR code of the join link.
 */
export const transcriptPath = (room: string, i: number): string =>
  `/api/rooms/${encodeURIComponent(room)}/transcripts/${i}`;
export const qrPath = (room: string): string => `/api/rooms/${encodeURIComponent(room)}/qr.svg`;
/**
 * GET /api/rooms/:id/scenario (any credential of the room, or the host token): the trainer's own
 * scenario's files (`ScenarioSource`) so a page can compile the same scenario; 404 for a shipped one.
 */
export const scenarioSourcePath = (room: string): string => `/api/rooms/${encodeURIComponent(room)}/scenario`;
