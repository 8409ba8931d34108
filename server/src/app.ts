import { createHash, hash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import QRCode from 'qrcode';
import type { RawData, WebSocket } from 'ws';
import { diagnosticsText, setupProblems, Table, useSha256, type Lang, type Scenario } from '@drill/engine';
import { loadScenario, shippedScenarioIds } from '@drill/scenarios';
import { drillHome, type HomeHold, type HomeLock } from './home.ts';
import { holdDataDir, type HeldDataDir } from './open-store.ts';
import {
  ClientFrameSchema,
  CreateRoomSchema,
  JoinSchema,
  joinUrl,
  MAX_FRAME_BYTES,
  MAX_SCENARIO_BYTES,
  RATE_BURST,
  RATE_PER_SECOND,
  WS_PATH,
  type ApiError,
  type ClientFrame,
  type CreatedRoom,
  type Identity,
  type JoinInfo,
  type Joined,
  type RefusalCode,
  type RoomSummary,
  type ScenarioSource,
  type ScenarioSummary,
  type ServerFrame,
} from './protocol.ts';
import { compileOwnScenario } from './ownScenario.ts';
import { createRoomRefusal, drillNotStartedReason, noScenarioReason } from './create-room-words.ts';
import {
  COMPILER_LIMITS,
  ScenarioCompiler,
  type CompileRefusal,
  type CompilerLimits,
} from './scenario-compiler.ts';
import { Room, type Conn } from './room.ts';
import { DatabaseGoneError, type RoomRow, type Store } from './store.ts';
import { defaultViewWorkers, ViewPort, type Views } from './view-port.ts';
import { newJoinCode, newRoomId } from './tokens.ts';
import { TokenBucket } from './token-bucket.ts';
import {
  databaseGoneReason,
  refusal,
  roomFullReason,
  roomUnloadableReason,
  tooManyHellosReason,
  tooManyPagesReason,
} from './words.ts';

export interface RoomServerOptions {
  /** Where the database lives (default: $DRILL_HOME/server). */
  dataDir?: string;
  /** Address to bind (default 127.0.0.1). */
  host?: string;
  /** Port (0: any free port). */
  port?: number;
  /** The built web app to serve, if any. */
  webDir?: string;
  /** Frames per second and burst per connection (tests lower them). */
  rate?: { perSecond: number; burst: number };
  /** Join attempts per client address (burst, per second); false: no limit (the load generator). */
  joinRate?: { perSecond: number; burst: number } | false;
  /** Log requests (fastify's logger). */
  log?: boolean;
  /**
   * Build the rooms' view frames on worker threads, so sockets and the authority on the main thread and
   * the views and scores on the workers use several cores. Default: `defaultViewWorkers()` (none on two
   * cores or fewer, where one thread measured better); true: at least one; false: everything on one
   * thread; a number: that many workers, the rooms spread over them.
   */
  viewWorker?: boolean | number;
  /**
   * How long a socket may stay open without a hello that names a room (ms; default 10 s): a page says
   * hello as soon as its socket opens, so one that does not holds a connection for nothing.
   */
  helloTimeoutMs?: number;
  /** Bounds on compiling trainers' own scenarios off the main thread (tests lower them). */
  ownScenarioLimits?: CompilerLimits;
  /**
   * Told once when rooms.db is deleted or replaced under the running server (see `Store.watchFile`);
   * default: the sentence on stderr, where `drill serve` and the server process print.
   */
  onDatabaseGone?: (e: DatabaseGoneError) => void;
  /**
   * When a finished own-scenario room's review compile timed out (or killed its thread), how long until
   * it is tried again: `firstMs` after the first failure, doubled after each further one, at most
   * `maxMs` (default 1 min to 15 min). `now`: the clock it is measured on (tests set their own).
   */
  reviewRetry?: { firstMs: number; maxMs: number; now?: () => number };
  /**
   * How the data folder is held beyond its lock files (see `holdHomeName`): default this system's
   * (`socket` on Linux and Windows, `file` elsewhere); tests force `file` to run macOS's way here.
   */
  homeHold?: HomeHold;
  /**
   * Told when rooms.db-wal was deleted under the running server and a new one started (see
   * `Store.watchFile`); default: a sentence on stderr.
   */
  onJournalRestarted?: () => void;
  /** What one seat and one room may hold (SEAT_LIMITS; tests lower them). */
  seatLimits?: SeatLimits;
  /**
   * `dataDir` already held by the caller (`holdDataDir`): the server process takes it before it loads
   * the server, so a start refused for a folder or database in use loads nothing else (see main.ts).
   * The server releases it when it closes or fails to start.
   */
  held?: HeldDataDir;
}

/**
 * Bounds on what one participant's credential can make the server hold or do, whatever its page sends:
 * without them one seat could open thousands of sockets (each sent every broadcast of its room, each
 * buffering up to MAX_BUFFERED_BYTES when not read), reconnect in a loop (each hello builds a whole view
 * on the main thread every room shares), or join again and again (every member is in every presence
 * frame the trainer's console receives).
 */
export interface SeatLimits {
  /** Connections one credential may hold at once; a further one closes its oldest. */
  pagesPerSeat: number;
  /** Hellos per credential: a burst, then so many a second (a page reconnects with a back-off). */
  hellos: { burst: number; perSecond: number };
  /** Members (joins) a room takes: a classroom is 20–40 people, some joining twice. */
  membersPerRoom: number;
}

export const SEAT_LIMITS: SeatLimits = {
  pagesPerSeat: 8,
  hellos: { burst: 20, perSecond: 1 },
  membersPerRoom: 200,
};

const REVIEW_RETRY: NonNullable<RoomServerOptions['reviewRetry']> = { firstMs: 60_000, maxMs: 15 * 60_000 };

/**
 * A room whose review load failed, for the files of this hash: remembered for good (`retryAt`
 * undefined: the files decide it) or until `retryAt` (a timeout; `failures` in a row).
 */
interface Unloadable {
  files: string;
  failures: number;
  retryAt?: number;
}

export interface RoomServer {
  url: string;
  hostToken: string;
  app: FastifyInstance;
  store: Store;
  rooms: Map<string, Room>;
  /** Rooms that could not be resumed at start, with the reason. */
  unresumed: { id: string; error: string }[];
  /** How many own scenarios the compiler thread has been given to compile since the server started. */
  ownScenarioCompiles(): number;
  close(): Promise<void>;
}

/** Unsent bytes a connection may hold before the server drops it (it reconnects and resyncs). */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

const SECURITY = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The app's content security policy; the socket is on the page's own host (Host was checked). */
function csp(host: string): string {
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws://${host}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

/**
 * The Host values this server answers to: the address it listens on and, on loopback, `localhost`.
 * Anything else is a browser sent here by DNS rebinding (a hostile name resolving to our address).
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = [host, ...(host === '127.0.0.1' || host === '::1' ? ['localhost', '127.0.0.1'] : [])];
  const hosts = new Set<string>();
  for (const n of names) {
    const h = n.includes(':') ? `[${n}]` : n;
    hosts.add(`${h}:${port}`.toLowerCase());
    if (port === 80) hosts.add(h.toLowerCase());
  }
  return hosts;
}

/** Starts the room server: the web app, the REST API and the WebSocket endpoint on one port. */
export async function startRoomServer(o: RoomServerOptions = {}): Promise<RoomServer> {
  // Every accepted input hashes the room's state: Node's SHA-256 gives the same bytes as the engine's
  // portable one, about five times faster (the CLI does the same in its entry).
  useSha256((text) => hash('sha256', text, 'hex'));
  const host = o.host ?? '127.0.0.1';
  const dataDir = o.dataDir ?? join(drillHome(), 'server');
  // One server per data folder: a second one refuses (HomeLockedError) before it opens the database.
  const held = o.held ?? (await holdDataDir(dataDir, o.homeHold));
  try {
    const s = await serve(o, host, dataDir, held.lock, held.store);
    const close = s.close;
    return {
      ...s,
      close: async () => {
        await close();
        held.name.release();
      },
    };
  } catch (e) {
    held.name.release();
    held.lock.release();
    throw e;
  }
}

async function serve(
  o: RoomServerOptions,
  host: string,
  dataDir: string,
  lock: HomeLock,
  store: Store,
): Promise<RoomServer> {
  // Deleting rooms.db under a running server must not lose what it recorded without a word.
  store.watchFile(
    o.onDatabaseGone ?? ((e): void => void process.stderr.write(`drill server: ${e.message}\n`)),
    1000,
    o.onJournalRestarted ??
      ((): void =>
        void process.stderr.write(
          `drill server: ${store.journalFile} was deleted while this server ran; everything it held is now in ${store.file} and a new one was started, so nothing was lost\n`,
        )),
  );
  const hostToken = store.hostToken();
  const rate = o.rate ?? { perSecond: RATE_PER_SECOND, burst: RATE_BURST };
  const limits = o.seatLimits ?? SEAT_LIMITS;
  /** Each credential's open connections, oldest first, with how to close each (see SeatLimits). */
  const pages = new Map<string, Map<WebSocket, () => void>>();
  /** Each credential's hellos (keyed by the token and the room it names: a forged one never gets here). */
  const helloBuckets = new Map<string, TokenBucket>();
  const scenarios = new Map<string, Scenario>();
  const scenario = (id: string): Scenario | undefined => {
    if (!shippedScenarioIds().includes(id)) return undefined;
    let s = scenarios.get(id);
    if (!s) {
      s = loadScenario(id);
      scenarios.set(id, s);
    }
    return s;
  };

  /** A room's scenario: a shipped one, or the trainer's own compiled again from the files stored with it. */
  const scenarioOfRow = (row: RoomRow): Scenario | undefined => {
    if (!row.scenarioSource) return scenario(row.scenarioId);
    const c = compileOwnScenario(row.scenarioSource);
    return c.ok ? c.scenario : undefined;
  };

  const views =
    o.viewWorker === false || (o.viewWorker === undefined && defaultViewWorkers() === 0)
      ? undefined
      : new ViewPort(typeof o.viewWorker === 'number' ? o.viewWorker : undefined);
  // Own scenarios sent to create a room, and those of finished rooms loaded for review (`roomOf`), compile
  // on their own thread; only the open rooms resumed at start (below: before the server listens, nobody
  // to keep waiting) compile here.
  const compiler = new ScenarioCompiler(o.ownScenarioLimits ?? COMPILER_LIMITS);
  // Resume every unfinished room by replaying its journal.
  const rooms = new Map<string, Room>();
  const unresumed: { id: string; error: string }[] = [];
  for (const row of store.openRooms()) {
    const sc = scenarioOfRow(row);
    const r = sc ? resumeRoom(store, row, sc, views) : { error: `no scenario ${row.scenarioId}` };
    if ('error' in r) unresumed.push({ id: row.id, error: r.error });
    else rooms.set(row.id, r);
  }
  /**
   * A room, open or finished. Finished rooms are loaded on demand, for review and downloads; one that
   * plays a trainer's own scenario compiles it on the compiler thread first (seconds for a large one on
   * a loaded machine, which on this thread held every other room's sockets), so it comes as a promise.
   * Loads of one room at once share one compile.
   */
  const loading = new Map<string, Promise<Room | undefined>>();
  /**
   * Own-scenario rooms whose review load failed, with the hash of the files that failed: a page retrying
   * its hello every few seconds would otherwise cost a compile each time. What the files themselves
   * decide (they no longer compile: diagnostics; or the journal does not replay on them) is kept until
   * the files differ or the server restarts (a newer drill may compile them). A compile stopped at the
   * time limit or that killed its thread says more about the machine at that moment than about the
   * files: it is retried after a back-off (`reviewRetry`, doubled after each failure of the same files,
   * up to its maximum). A compile cut short by the server stopping is not remembered.
   */
  const unloadable = new Map<string, Unloadable>();
  const retry = o.reviewRetry ?? REVIEW_RETRY;
  const now = retry.now ?? Date.now;
  const roomOf = (id: string): Room | undefined | Promise<Room | undefined> => {
    const hit = rooms.get(id);
    if (hit) return hit;
    const pending = loading.get(id);
    if (pending) return pending;
    const row = store.room(id);
    if (!row) return undefined;
    const resume = (sc: Scenario | undefined): Room | undefined => {
      const again = rooms.get(id);
      if (again) return again;
      if (!sc || stopping) return undefined;
      const r = resumeRoom(store, row, sc, views);
      if ('error' in r) return undefined;
      rooms.set(id, r);
      return r;
    };
    const src = row.scenarioSource;
    if (!src) return resume(scenario(row.scenarioId));
    const files = hash('sha256', JSON.stringify(src), 'hex');
    const known = unloadable.get(id);
    if (known?.files === files && (known.retryAt === undefined || now() < known.retryAt)) return undefined;
    const p = compiler
      .compile(src, (o.ownScenarioLimits ?? COMPILER_LIMITS).timeoutMs, true)
      .then((c) => {
        const r = resume('ok' in c && c.ok ? c.scenario : undefined);
        if (r) unloadable.delete(id);
        else if (stopping || ('refused' in c && c.refused === 'stopped')) return r;
        else if ('refused' in c) {
          // Timed out or killed its thread: tried again later, each time after twice as long.
          const failures = known?.files === files && known.retryAt !== undefined ? known.failures + 1 : 1;
          const wait = Math.min(retry.firstMs * 2 ** (failures - 1), retry.maxMs);
          unloadable.set(id, { files, failures, retryAt: now() + wait });
        } else unloadable.set(id, { files, failures: 1 });
        return r;
        return r;
      })
      .finally(() => loading.delete(id));
    loading.set(id, p);
    return p;
  };

  /**
   * The language of an answer about a request the framework refused before any route ran: the page's
   * (Accept-Language), else the language of the room its address names, else English.
   */
  const requestLang = (req: FastifyRequest): Lang => {
    const p = (req.params ?? {}) as { code?: unknown; id?: unknown };
    let row: RoomRow | undefined;
    try {
      if (typeof p.code === 'string') row = store.roomByCode(p.code.toUpperCase());
      else if (typeof p.id === 'string') row = store.room(p.id);
    } catch {
      // the database is closing: English
    }
    return replyLang(req, row?.setup.lang ?? 'en');
  };

  const app = Fastify({
    logger: o.log ?? false,
    bodyLimit: 64 * 1024,
    // A URL that does not decode is refused before any hook runs: give it the same headers, and the
    // API's error shape in the page's language.
    frameworkErrors: (e, req, reply: FastifyReply) => {
      const f = frameworkRefusal(e, replyLang(req, 'en'), undefined);
      void reply
        .code(f.status)
        .headers({ ...SECURITY, 'Content-Security-Policy': csp(String(req.headers.host ?? '')) })
        .send(f.body);
    },
  });
  // Fastify's own refusals (a body that is not JSON or holds `__proto__`, too large, of another type)
  // answer in the API's one error shape and the page's language, so a page can show the reason like any
  // other refusal. What a 500 was about goes to the log, not to the client.
  app.setErrorHandler((e: FastifyError, req, reply) => {
    // rooms.db deleted under the server: the trainer (or host) is told where the copy is and what to do
    // with it, anyone else that nothing they sent is lost (see databaseGoneReason).
    if (e instanceof DatabaseGoneError) {
      const body: ApiError = {
        error: 'unavailable',
        reason: databaseGoneReason(requestLang(req), isStaffRequest(req) ? 'trainer' : 'participant', e),
      };
      return reply.code(503).send(body);
    }
    const f = frameworkRefusal(e, requestLang(req), req.routeOptions.bodyLimit);
    if (f.status >= 500) req.log.error(e);
    return reply.code(f.status).send(f.body);
  });
  app.setNotFoundHandler((req, reply) => {
    const zh = replyLang(req, 'en') === 'zh-CN';
    const body: ApiError = {
      error: 'not-found',
      reason: zh ? '此地址没有内容：请检查链接' : 'there is nothing at this address: check the link',
    };
    return reply.code(404).send(body);
  });
  let hosts = new Set<string>();
  let origin = '';
  let stopping = false;

  app.addHook('onRequest', async (req, reply) => {
    // A participant who typed another name for the server (its host name instead of the printed address)
    // meets these first: in the page's language.
    if (!hosts.has(String(req.headers.host ?? '').toLowerCase()))
      return reply
        .code(421)
        .type('text/plain; charset=utf-8')
        .send(
          `${say(
            replyLang(req, 'en'),
            `this server answers only to the address it printed (${origin}/): open that address`,
            `此服务器只接受它所显示的地址（${origin}/）：请打开该地址`,
          )}\n`,
        );
    // A browser page from elsewhere may not open our socket or call our API with someone's cookies.
    const from = req.headers.origin;
    if (from !== undefined && from !== 'null' && !hosts.has(hostOf(from)))
      return reply
        .code(403)
        .type('text/plain; charset=utf-8')
        .send(
          `${say(
            replyLang(req, 'en'),
            'cross-origin requests are not accepted',
            '不接受来自其他网站的请求',
          )}\n`,
        );
    return undefined;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY)) reply.header(k, v);
    // RFC 9239: JavaScript is text/javascript (the static plugin still says application/javascript).
    if (String(reply.getHeader('content-type') ?? '').startsWith('application/javascript'))
      reply.header('Content-Type', 'text/javascript; charset=utf-8');
    // Vite's hashed assets never change; everything else (the app, the API) is checked on each load.
    if (!reply.hasHeader('cache-control'))
      reply.header(
        'Cache-Control',
        req.url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    reply.header('Content-Security-Policy', csp(String(req.headers.host ?? '')));
    return payload;
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: 4 * MAX_FRAME_BYTES } });

  const fail = (reply: FastifyReply, status: number, e: ApiError): FastifyReply => reply.code(status).send(e);
  // Credentials come in the Authorization header: a token in a URL ends up in proxies' and servers'
  // logs and in the browser's history. Only a download a browser fetches from a plain link (no header
  // can be set there) also takes `?token=`.
  const bearer = (req: FastifyRequest): string | undefined => {
    const h = req.headers.authorization;
    return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
  };
  const downloadToken = (req: FastifyRequest): string | undefined => {
    const q = (req.query as Record<string, unknown> | undefined)?.['token'];
    return bearer(req) ?? (typeof q === 'string' ? q : undefined);
  };
  // Compared in constant time (of the digests): how long a wrong guess takes says nothing about how
  // much of it was right.
  const hostDigest = createHash('sha256').update(hostToken).digest();
  const isHost = (t: string | undefined): boolean =>
    t !== undefined && timingSafeEqual(createHash('sha256').update(t).digest(), hostDigest);
  /** Whether a request comes from the host or a room's trainer (told where files on the server are). */
  const isStaffRequest = (req: FastifyRequest): boolean => {
    const t = bearer(req);
    if (isHost(t)) return true;
    try {
      return t !== undefined && store.token(t)?.role === 'trainer';
    } catch {
      return false;
    }
  };
  const unauthorised = (reply: FastifyReply): FastifyReply =>
    fail(reply, 401, {
      error: 'unauthorised',
      reason: say(
        replyLang(reply.request, 'en'),
        'a valid token is needed for this',
        '需要有效的凭证才能执行此操作',
      ),
    });

  app.get('/api/scenarios', async (): Promise<ScenarioSummary[]> =>
    shippedScenarioIds().flatMap((id) => {
      const s = scenario(id);
      return s
        ? [
            {
              id,
              title: s.title,
              languages: s.languages,
              roles: s.roles.map((r) => ({ id: r.id, name: r.name })),
            },
          ]
        : [];
    }),
  );

  // A trainer's own scenario travels in the body: room for MAX_SCENARIO_BYTES once JSON-escaped.
  app.post('/api/rooms', { bodyLimit: 3 * MAX_SCENARIO_BYTES }, async (req, reply) => {
    if (!isHost(bearer(req))) return unauthorised(reply);
    const p = CreateRoomSchema.safeParse(req.body);
    if (!p.success) {
      // The page's language, else the one the setup asked for (when it names one), else English.
      const asked = (req.body as { lang?: unknown } | null)?.lang;
      const lang = replyLang(req, asked === 'zh-CN' ? 'zh-CN' : 'en');
      return fail(reply, 400, {
        error: 'invalid',
        reason: createRoomRefusal(p.error.issues, req.body, lang),
      });
    }
    const c = p.data;
    const lang = replyLang(req, c.lang);
    // What the room's records cannot hold is refused before anything is made (see unrecordableSetup).
    const unrecordable = unrecordableSetup(c, lang);
    if (unrecordable) return fail(reply, 400, { error: 'invalid', reason: unrecordable });
    let own: ScenarioSource | undefined;
    let sc: Scenario | undefined;
    if (typeof c.scenario === 'string') {
      sc = scenario(c.scenario);
      if (!sc) return fail(reply, 400, { error: 'invalid', reason: noScenarioReason(c.scenario, lang) });
    } else {
      own = c.scenario;
      const compiled = await compiler.compile(own);
      if ('refused' in compiled) {
        const why = compileRefusal(
          compiled.refused,
          lang,
          (o.ownScenarioLimits ?? COMPILER_LIMITS).timeoutMs,
        );
        return fail(reply, compiled.refused === 'timeout' ? 422 : 503, why);
      }
      // The server began stopping while the scenario compiled: its database is closing.
      if (stopping) return fail(reply, 503, compileRefusal('stopped', lang, 0));
      if (!compiled.ok)
        return fail(reply, 422, {
          error: 'scenario-invalid',
          // Every diagnostic in the request's language (the engine's one translation, as the web shows
          // them); `diagnostics` keeps the engine's shape, codes and words for a page to word itself.
          reason: diagnosticsText(compiled.diagnostics, lang),
          diagnostics: compiled.diagnostics,
        });
      sc = compiled.scenario;
    }
    // The engine's setup problems (a role the scenario lacks, a team without a seat) in the page's
    // language; Table.start checks them again, in English, for its other callers.
    const problems = setupProblems(sc, c, lang);
    if (problems.length)
      return fail(reply, 400, { error: 'invalid', reason: problems.join(lang === 'zh-CN' ? '；' : '; ') });
    const created = new Date().toISOString();
    const id = newRoomId();
    const t = Table.start(
      sc,
      {
        seed: c.seed,
        mode: c.mode,
        teams: c.teams,
        lang: c.lang,
        ...(c.colleagues ? { colleagues: c.colleagues } : {}),
      },
      // Not frozen: the room only serialises the Table's shared views and scores (see room.ts).
      { startedAt: created, meta: { room: id }, frozen: false },
    );
    if ('error' in t)
      return fail(reply, 400, {
        error: 'invalid',
        reason: lang === 'zh-CN' ? drillNotStartedReason(lang) : t.error,
      });
    const saved = t.save();
    let code = newJoinCode();
    while (store.roomByCode(code)) code = newJoinCode();
    const row: RoomRow = {
      id,
      code,
      scenarioId: sc.id,
      scenarioHash: sc.contentHash,
      ...(own ? { scenarioSource: own } : {}),
      setup: saved.setup,
      headers: saved.transcripts.map((x) => x.header),
      created,
      status: 'open',
      display: { showScores: false, projectorTeam: null },
    };
    const tokens = store.transaction(() => {
      store.insertRoom(row);
      const trainer = store.issueToken({ room: id, role: 'trainer', team: null, roles: [], name: 'Trainer' });
      const projector = store.issueToken({
        room: id,
        role: 'projector',
        team: null,
        roles: [],
        name: 'Projector',
      });
      const evaluators = Array.from({ length: c.evaluators ?? 0 }, (_, i) =>
        store.issueToken({ room: id, role: 'evaluator', team: null, roles: [], name: `Evaluator ${i + 1}` }),
      );
      return { trainer, projector, evaluators };
    });
    const room = Room.open(store, row, sc, t, views);
    rooms.set(id, room);
    const out: CreatedRoom = {
      room: room.info(true),
      trainerToken: tokens.trainer.token,
      projectorToken: tokens.projector.token,
      evaluatorTokens: tokens.evaluators.map((e) => e.token),
      joinUrl: joinUrl(origin, code),
    };
    return reply.code(201).send(out);
  });

  app.get('/api/rooms', async (req, reply) => {
    if (!isHost(bearer(req))) return unauthorised(reply);
    const rows = store.rooms();
    const loaded = await Promise.all(
      rows.map((row) => rooms.get(row.id) ?? (row.status === 'finished' ? roomOf(row.id) : undefined)),
    );
    const out: RoomSummary[] = rows.flatMap((row, i) => {
      const r = loaded[i];
      if (!r) return [];
      return [
        {
          ...r.info(true),
          created: row.created,
          seq: r.table.seq,
          phase: r.table.phase,
          transcripts: r.table.sessionCount,
        },
      ];
    });
    return out;
  });

  // Guessing join codes is slowed per address (a code is not a credential, but it lets one join).
  const joinBuckets = new Map<string, TokenBucket>();
  const joinRate = o.joinRate ?? { burst: 30, perSecond: 2 };
  app.addHook('onRequest', async (req, reply) => {
    if (joinRate === false || !req.url.startsWith('/api/join/')) return undefined;
    let b = joinBuckets.get(req.ip);
    if (!b) {
      if (joinBuckets.size > 10_000) joinBuckets.clear();
      b = new TokenBucket(joinRate.burst, joinRate.perSecond);
      joinBuckets.set(req.ip, b);
    }
    return b.take()
      ? undefined
      : fail(reply, 429, {
          error: 'rate-limited',
          reason: say(
            replyLang(req, 'en'),
            'too many attempts: wait a moment and try again',
            '尝试次数过多，请稍候再试',
          ),
        });
  });

  /** The join page's answer to a code that names no open room (GET and POST alike). */
  const noRoomWithCode = (req: FastifyRequest): { error: 'not-found'; reason: string } => ({
    error: 'not-found',
    reason: say(
      replyLang(req, 'en'),
      'no open room has this code',
      '没有使用此代码、正在进行的房间：请核对代码',
    ),
  });

  app.get('/api/join/:code', async (req, reply) => {
    const row = store.roomByCode(String((req.params as { code: string }).code).toUpperCase());
    const r = row && rooms.get(row.id);
    if (!row || !r) return fail(reply, 404, noRoomWithCode(req));
    const members = store.members(row.id);
    const roleNames = new Map(r.scenario.roles.map((x) => [x.id, x.name]));
    const out: JoinInfo = {
      room: row.id,
      scenario: { id: row.scenarioId, title: r.scenario.title },
      lang: row.setup.lang,
      mode: row.setup.mode,
      status: row.status,
      t0: r.scenario.clock.t0,
      teams: row.setup.teams.map((t) => {
        const ids = seatsOf(row, r.scenario, t.name);
        return {
          name: t.name,
          roles: ids.map((id) => ({ id, name: roleNames.get(id) ?? id })),
          members: members.filter((m) => m.team === t.name).length,
        };
      }),
    };
    return out;
  });

  app.post('/api/join/:code', async (req, reply) => {
    const row = store.roomByCode(String((req.params as { code: string }).code).toUpperCase());
    const r = row && rooms.get(row.id);
    if (!row || !r) return fail(reply, 404, noRoomWithCode(req));
    const lang = replyLang(req, row.setup.lang);
    const p = JoinSchema.safeParse(req.body);
    if (!p.success) {
      const name = p.error.issues.find((i) => i.path[0] === 'name' && i.code === 'custom');
      return fail(reply, 400, {
        error: 'invalid',
        reason: name
          ? say(lang, name.message, '名字须由可见字符组成，不含控制字符或方向字符')
          : say(lang, 'give a team, the seats to take and your name', '请选择队伍和席位，并填写名字'),
      });
    }
    const team = row.setup.teams.find((t) => t.name === p.data.team);
    if (!team)
      return fail(reply, 400, {
        error: 'unknown-team',
        reason: say(lang, `there is no team ${p.data.team} in this room`, `此房间没有队伍“${p.data.team}”`),
      });
    const seats = seatsOf(row, r.scenario, team.name);
    const bad = p.data.roles.find((x) => !seats.includes(x));
    if (bad)
      return fail(reply, 400, {
        error: 'not-your-seat',
        reason: say(
          lang,
          `team ${team.name} does not hold the seat ${bad}`,
          `队伍“${team.name}”没有席位“${bad}”`,
        ),
      });
    const roles = [...new Set(p.data.roles)];
    if (store.members(row.id).length >= limits.membersPerRoom)
      return fail(reply, 409, { error: 'invalid', reason: roomFullReason(lang, limits.membersPerRoom) });
    const { token } = store.issueToken({
      room: row.id,
      role: 'member',
      team: team.name,
      roles,
      name: p.data.name,
    });
    r.joined();
    const out: Joined = { room: row.id, token, team: team.name, roles, name: p.data.name };
    return reply.code(201).send(out);
  });

  app.get('/api/rooms/:id/transcripts/:i', async (req, reply) => {
    const { id, i } = req.params as { id: string; i: string };
    const t = downloadToken(req);
    const cred = t !== undefined ? store.token(t) : undefined;
    if (!isHost(t) && !(cred && cred.room === id && cred.role === 'trainer')) return unauthorised(reply);
    const r = await roomOf(id);
    const n = Number(i);
    const list = r?.table.transcripts();
    if (!r || !list || !Number.isInteger(n) || n < 0 || n >= list.length)
      return fail(reply, 404, {
        error: 'not-found',
        reason: say(replyLang(req, 'en'), 'no such transcript', '没有此记录'),
      });
    const team = r.table.teamOfSession(n);
    const name = `drill-${r.row.scenarioId}-${id}${team !== undefined ? `-${n + 1}` : ''}.json`;
    return reply
      .header('Content-Disposition', `attachment; filename="${name}"`)
      .type('application/json')
      .send(JSON.stringify(list[n], null, 2));
  });

  app.get('/api/rooms/:id/scenario', async (req, reply) => {
    const { id } = req.params as { id: string };
    const t = bearer(req);
    const cred = t !== undefined ? store.token(t) : undefined;
    // The files hold every option's score and feedback, the hidden variation outcomes and the
    // facilitator's notes: only the room's trainer and evaluators (who see all of that anyway) get them.
    // Participants' pages and the projector name seats and options from their views.
    const staff = cred?.room === id && (cred.role === 'trainer' || cred.role === 'evaluator');
    if (!isHost(t) && !staff) return unauthorised(reply);
    const src = store.room(id)?.scenarioSource;
    if (!src)
      return fail(reply, 404, {
        error: 'not-found',
        reason: say(replyLang(req, 'en'), 'this room plays a shipped scenario', '此房间使用的是内置想定'),
      });
    return src;
  });

  app.get('/api/rooms/:id/qr.svg', async (req, reply) => {
    const row = store.room((req.params as { id: string }).id);
    if (!row)
      return fail(reply, 404, {
        error: 'not-found',
        reason: say(replyLang(req, 'en'), 'no such room', '没有此房间'),
      });
    const svg = await QRCode.toString(joinUrl(origin, row.code), {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    return reply.type('image/svg+xml').header('Cache-Control', 'no-cache').send(svg);
  });

  app.get(WS_PATH, { websocket: true }, (socket: WebSocket, req) => {
    const bucket = new TokenBucket(rate.burst, rate.perSecond);
    let conn: Conn | undefined;
    // Sockets that never say hello (or only say something else) are closed after a while, not kept
    // for ever: enough of them would hold the server's file descriptors and memory. 4408 is not 4401
    // (refused): a page that was merely slow reconnects and says hello then.
    const helloTimer = setTimeout(() => {
      if (conn === undefined && held === undefined) socket.close(4408, 'no hello');
    }, o.helloTimeoutMs ?? 10_000);
    let room: Room | undefined;
    let lang: Lang = 'en';
    const sendText = (text: string | Buffer): void => {
      if (socket.readyState !== socket.OPEN) return;
      // A client that stopped reading (a phone gone to sleep) is dropped rather than buffered without
      // end: it reconnects and the welcome carries the whole current view.
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        socket.close(1013, 'too far behind');
        return;
      }
      socket.send(text, { binary: false });
    };
    const send = (f: ServerFrame): void => sendText(JSON.stringify(f));
    const refuse = (code: RefusalCode, cseq?: number): void => send(refusal(code, conn?.lang ?? lang, cseq));
    /**
     * Refuses a frame whose handling failed: `unavailable`, with why when the database was deleted under
     * the server (the trainer is told where the copy is; anyone else only that nothing is lost).
     */
    const refuseFailed = (e: unknown, cseq: number | undefined): void => {
      const gone = e instanceof DatabaseGoneError ? e : store.goneError;
      if (!gone) return refuse('unavailable', cseq);
      const l = conn?.lang ?? lang;
      const who = conn?.identity.role === 'trainer' ? 'trainer' : 'participant';
      send(refusal('unavailable', l, cseq, databaseGoneReason(l, who, gone)));
    };
    /**
     * Frames that came while a hello waited for its room to load (a finished own-scenario room compiles
     * on the compiler thread first): answered in order once it is attached, so a command sent right
     * after the hello is not refused for want of one. At most RATE_BURST; beyond, refused at once.
     */
    let held: { data: RawData; binary: boolean }[] | undefined;
    const hello = (
      f: Extract<ClientFrame, { t: 'hello' }>,
      r: Room | undefined,
      named: string | undefined,
    ): void => {
      // The page went away while its room loaded: nothing to attach (its close has already been seen).
      if (socket.readyState !== socket.OPEN) return;
      // The token names a room that exists but could not be loaded (its own scenario no longer compiles,
      // or the compile failed or ran out of time): the credential is good, so not `unauthorised` with
      // 4401, which the page and the Node client take for a revoked link and stop for good; 1013 is
      // "try again later", and they reconnect.
      const row = !r && named !== undefined ? store.room(named) : undefined;
      if (row) {
        const l = f.lang ?? lang;
        const why = unloadable.get(row.id);
        // Remembered for good, or a shipped scenario this drill no longer has: waiting changes nothing.
        const invalid = why ? why.retryAt === undefined : !row.scenarioSource && !stopping;
        send(refusal('unavailable', l, undefined, roomUnloadableReason(l, invalid ? 'invalid' : 'busy')));
        socket.close(1013, 'room unavailable');
        return;
      }
      const who = r && identify(f.token, r);
      if (!r || !who) {
        refuse('unauthorised');
        socket.close(4401, 'unauthorised');
        return;
      }
      if (conn && room) room.detach(conn);
      if (conn) pages.get(conn.tokenId)?.delete(socket);
      room = r;
      lang = f.lang ?? room.row.setup.lang;
      // The upgraded TCP socket under the WebSocket: a room corks it while it sends a turn's frames.
      const tcp = req.raw.socket;
      conn = {
        identity: who.identity,
        tokenId: who.tokenId,
        tab: f.tab ?? '',
        lang,
        send,
        sendText,
        cork: () => tcp.cork(),
        uncork: () => tcp.uncork(),
      };
      room.attach(conn, who.lastCseq, f.pending);
      // The newest pages of a seat stay: a socket the network dropped without a word is still counted
      // until a write to it fails, so the oldest one goes (SeatLimits).
      let mine = pages.get(who.tokenId);
      if (!mine) pages.set(who.tokenId, (mine = new Map()));
      const l = lang;
      mine.set(socket, () => {
        send(refusal('rate-limited', l, undefined, tooManyPagesReason(l, limits.pagesPerSeat)));
        socket.close(4409, 'too many pages');
      });
      for (const [old, close] of mine) {
        if (mine.size <= limits.pagesPerSeat) break;
        mine.delete(old);
        close();
      }
    };
    const onMessage = (data: RawData, binary: boolean, overflow = false): void => {
      const limited = !bucket.take() || overflow;
      const size = Array.isArray(data) ? data.reduce((a, b) => a + b.length, 0) : data.byteLength;
      // The protocol is JSON text: a binary frame is not one of its messages, whatever its size.
      if (binary) return refuse(limited ? 'rate-limited' : 'bad-frame');
      if (size > MAX_FRAME_BYTES) return refuse(limited ? 'rate-limited' : 'too-large');
      let json: unknown;
      try {
        json = JSON.parse(
          Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8'),
        );
      } catch {
        return refuse(limited ? 'rate-limited' : 'bad-frame');
      }
      // A command cut by the rate limit is refused under its own cseq: the sender's wait for that
      // command's answer ends now (with "wait and try again"), not at its timeout.
      if (limited) return refuse('rate-limited', cseqOf(json));
      const p = ClientFrameSchema.safeParse(json);
      if (!p.success) return refuse('bad-frame', cseqOf(json));
      const f = p.data;
      if (f.t === 'hello') {
        if (f.lang) lang = f.lang;
        const id = roomNamed(f.token, f.room);
        if (id !== undefined && !helloAllowed(`${id}\u0000${f.token}`)) {
          send(refusal('rate-limited', lang, undefined, tooManyHellosReason(lang)));
          // 1013: try again later (the page's back-off), not 4xxx, which would stop it for good.
          socket.close(1013, 'too many hellos');
          return;
        }
        const r = id === undefined ? undefined : roomOf(id);
        if (!(r instanceof Promise)) return hello(f, r, id);
        held = [];
        void r
          .catch(() => undefined)
          .then((loaded) => {
            try {
              hello(f, loaded, id);
            } catch (e) {
              refuseFailed(e, undefined);
            }
            const q = held ?? [];
            held = undefined;
            // A frame among them may be another hello that waits in turn: it holds the rest.
            while (q.length > 0 && held === undefined) {
              const m = q.shift()!;
              handle(m.data, m.binary);
            }
            // (None can have come in between: this runs in one turn of the event loop.)
            if (q.length > 0) held = q;
          });
        return;
      }
      if (!conn || !room) return refuse('unauthorised', cseqOf(json));
      switch (f.t) {
        case 'cmd':
          // Nothing can be recorded any more (rooms.db was deleted under the server): said before the
          // room tries, so the sender learns why rather than a bare "could not save".
          if (store.goneError) return refuseFailed(store.goneError, f.cseq);
          return room.command(conn, f);
        case 'typing':
          return room.typingFrom(conn, f);
        case 'display':
          return room.displayFrom(conn, f);
        case 'preview':
          return room.previewFrom(conn, f);
        default: {
          const never: never = f;
          return never;
        }
      }
    };
    const handle = (data: RawData, binary: boolean, overflow = false): void => {
      // A throw in a handler (the database refusing a write: disk full, read-only, deleted) would be an
      // uncaught exception in ws's data callback and stop the server with every room in it: refuse that
      // frame.
      try {
        onMessage(data, binary, overflow);
      } catch (e) {
        refuseFailed(e, undefined);
      }
    };
    socket.on('message', (data: RawData, binary: boolean) => {
      if (held === undefined) return handle(data, binary);
      if (held.length < RATE_BURST) held.push({ data, binary });
      else handle(data, binary, true);
    });
    socket.on('close', () => {
      clearTimeout(helloTimer);
      if (conn) {
        const mine = pages.get(conn.tokenId);
        mine?.delete(socket);
        if (mine?.size === 0) pages.delete(conn.tokenId);
      }
      if (conn && room && !stopping) room.detach(conn);
    });
  });

  /** Whether a credential may say hello now (SeatLimits.hellos). */
  function helloAllowed(key: string): boolean {
    let b = helloBuckets.get(key);
    if (!b) {
      if (helloBuckets.size > 10_000) helloBuckets.clear();
      b = new TokenBucket(limits.hellos.burst, limits.hellos.perSecond);
      helloBuckets.set(key, b);
    }
    return b.take();
  }

  /** The room a hello's token names: its credential's, or the one the host token asks for. */
  function roomNamed(token: string, roomId: string | undefined): string | undefined {
    if (isHost(token)) return roomId;
    const cred = store.token(token);
    if (!cred || (roomId !== undefined && roomId !== cred.room)) return undefined;
    return cred.room;
  }

  /** Who a token is in room `r`: a credential of it, or the host token (as its trainer). */
  function identify(
    token: string,
    r: Room,
  ): { identity: Identity; tokenId: string; lastCseq: number } | undefined {
    if (isHost(token)) {
      const trainer = store.trainerToken(r.id);
      if (!trainer) return undefined;
      return {
        identity: { role: 'trainer', name: 'Trainer' },
        tokenId: trainer.id,
        lastCseq: trainer.lastCseq,
      };
    }
    // Read again after the room loaded: another tab of this credential may have been accepted meanwhile.
    const cred = store.token(token);
    if (!cred || cred.room !== r.id) return undefined;
    const identity: Identity =
      cred.role === 'member'
        ? { role: 'member', name: cred.name, team: cred.team ?? '', roles: cred.roles }
        : { role: cred.role, name: cred.name };
    return { identity, tokenId: cred.id, lastCseq: cred.lastCseq };
  }

  if (o.webDir && existsSync(join(o.webDir, 'index.html')))
    await app.register(fastifyStatic, {
      root: resolve(o.webDir),
      index: ['index.html'],
      cacheControl: false,
    });

  try {
    await app.listen({ port: o.port ?? 0, host });
  } catch (e) {
    await views?.stop();
    await compiler.stop();
    store.close();
    throw e;
  }
  const a = app.server.address() as AddressInfo;
  hosts = allowedHosts(host, a.port);
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${a.port}`;
  lock.listening(a.port, `${origin}/`);
  return {
    url: `${origin}/`,
    hostToken,
    app,
    store,
    rooms,
    unresumed,
    ownScenarioCompiles: () => compiler.started,
    close: async () => {
      stopping = true;
      // A response its client stopped reading (a stalled download in a tab left open) keeps its connection
      // busy, and Fastify's close waits for busy connections: cut what is left after a moment, so Ctrl-C
      // stops the server in seconds, not when the client's socket times out (73 s measured). Every input
      // was committed before it was answered, so nothing recorded depends on these connections.
      const cut = setTimeout(() => app.server.closeAllConnections(), 2000);
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
      }
      await views?.stop();
      await compiler.stop();
      store.close();
      lock.release();
    },
  };
}

/**
 * A room whose record cannot be replayed must not stop the server from starting, nor keep the other
 * rooms from resuming: one stored by an older server with a team name or seed the engine cannot hash
 * (a lone surrogate has no UTF-8 form: `Table.resume` threw, and the server did not start at all) is
 * listed as not resumed, with why.
 */
function resumeRoom(store: Store, row: RoomRow, sc: Scenario, views?: Views): Room | { error: string } {
  try {
    return Room.resume(store, row, sc, views);
  } catch (e) {
    return { error: `its record does not replay: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Why a room cannot be created with these names, in `lang`; undefined when it can. A team name is shown
 * on the projector, every participant's page and the transcript: the rule of a member's name applies
 * (JoinSchema: visible characters, no control or direction characters, no lone surrogate). The seed is
 * recorded and hashed with every input: a lone surrogate there (no UTF-8 form) made the engine throw at
 * the room's first input and at every later start of the server, which then did not start at all.
 */
function unrecordableSetup(c: { seed: string; teams: { name: string }[] }, lang: Lang): string | undefined {
  const name = JoinSchema.shape.name;
  const bad = c.teams.findIndex((t) => !name.safeParse(t.name).success);
  if (bad >= 0)
    return say(
      lang,
      `the name of team ${bad + 1} must be visible characters, without control or direction characters: nothing was created`,
      `第${bad + 1}个小组的名称须由可见字符组成，不含控制字符或方向字符，房间未创建`,
    );
  if (/\p{Cs}/u.test(c.seed))
    return say(
      lang,
      'the seed holds a broken character (a lone surrogate) that cannot be recorded: nothing was created',
      '随机种子含有无法记录的残缺字符（孤立代理项），房间未创建',
    );
  return undefined;
}

/** The seats a member of `team` may take: the team's roles (role mode), or every scenario role (parallel). */
function seatsOf(row: RoomRow, sc: Scenario, team: string): string[] {
  const t = row.setup.teams.find((x) => x.name === team);
  if (!t) return [];
  if (row.setup.mode === 'parallel' || t.roles.includes('all')) return sc.roles.map((r) => r.id);
  return [...t.roles];
}

/** One sentence of a REST answer in `lang`. */
function say(lang: Lang, en: string, zh: string): string {
  return lang === 'zh-CN' ? zh : en;
}

/** The language of a REST answer: the page's (Accept-Language), else the room's. */
function replyLang(req: FastifyRequest, fallback: Lang): Lang {
  // The first language the page names; `*` (what Node's fetch sends unless told) names none.
  const h = req.headers['accept-language'];
  const first = typeof h === 'string' ? h.split(',')[0]!.trim().toLowerCase() : '';
  if (first === '' || first.startsWith('*')) return fallback;
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The API's error for a request the framework refused (its body, its address) or a handler failed on:
 * status and a sentence in `lang`. `bodyLimit`: the route's, in bytes, when known.
 */
export function frameworkRefusal(
  e: { code?: string; statusCode?: number },
  lang: Lang,
  bodyLimit: number | undefined,
): { status: number; body: ApiError } {
  const zh = lang === 'zh-CN';
  const status = e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
  const invalid = (en: string, cn: string): { status: number; body: ApiError } => ({
    status: status >= 500 ? 400 : status,
    body: { error: 'invalid', reason: zh ? cn : en },
  });
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return invalid(
        "the request's body is not valid JSON (or holds a key such as __proto__ that is not accepted): nothing was changed",
        '请求内容不是有效的 JSON（或含有 __proto__ 等不接受的键），未作任何更改',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalid("the request's body is empty: nothing was changed", '请求内容为空，未作任何更改');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return invalid(
        "the request's body must be JSON (Content-Type: application/json): nothing was changed",
        '请求内容须为 JSON（Content-Type: application/json），未作任何更改',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return invalid(
        "the request's body is not as long as its Content-Length says: nothing was changed",
        '请求内容的长度与 Content-Length 不符，未作任何更改',
      );
    case 'FST_ERR_BAD_URL':
      return invalid(
        'this address is not valid (it does not decode): check the link',
        '此地址无效（无法解码），请检查链接',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const kb = bodyLimit !== undefined ? Math.floor(bodyLimit / 1024) : undefined;
      return {
        status: 413,
        body: {
          error: 'too-large',
          reason: zh
            ? `请求过大${kb !== undefined ? `（此处上限 ${kb} KB）` : ''}，未作任何更改`
            : `the request is too large${kb !== undefined ? ` (at most ${kb} KB here)` : ''}: nothing was changed`,
        },
      };
    }
    default:
      if (status < 500)
        return invalid(
          `the server could not read this request (HTTP ${status}): nothing was changed`,
          `服务器无法读取此请求（HTTP ${status}），未作任何更改`,
        );
      return {
        status,
        body: {
          error: 'unavailable',
          reason: zh ? '服务器未能完成此操作，请重试' : 'the server could not do this: try again',
        },
      };
  }
}

/** Why a room was not created from an own scenario the compiler did not compile, in the page's language. */
function compileRefusal(r: CompileRefusal, lang: Lang, timeoutMs: number): ApiError {
  const zh = lang === 'zh-CN';
  switch (r) {
    case 'busy':
      return {
        error: 'unavailable',
        reason: zh
          ? '服务器正在编译其他自定义想定，房间未创建：请稍候再试'
          : 'the server is compiling other scenarios of their own, so the room was not created: try again in a moment',
      };
    case 'timeout': {
      const s = Math.round(timeoutMs / 100) / 10;
      return {
        error: 'scenario-invalid',
        reason: zh
          ? `想定编译超过${s}秒，已停止，房间未创建：请精简想定（减少或缩短文件）`
          : `the scenario took longer than ${s} s to compile and was stopped, so the room was not created: make it smaller (fewer or shorter files)`,
      };
    }
    case 'failed':
    case 'stopped':
      return {
        error: 'unavailable',
        reason: zh
          ? '服务器未能编译此想定（编译线程中止或服务器正在关闭），房间未创建：请重试'
          : 'the server could not compile the scenario (its compiler stopped, or the server is stopping), so the room was not created: try again',
      };
    default: {
      const never: never = r;
      return never;
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

function cseqOf(json: unknown): number | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const c = (json as { cseq?: unknown }).cseq;
  return typeof c === 'number' && Number.isInteger(c) ? c : undefined;
}
