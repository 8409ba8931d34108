import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TableSetup, TranscriptEntry, TranscriptHeader } from '@drill/engine';
import type { Display, Role, RoomStatus, ScenarioSource } from './protocol.ts';
import { HomeLockedError, lockHolder } from './home.ts';
import { hashToken, newToken } from './tokens.ts';

export interface RoomRow {
  id: string;
  code: string;
  scenarioId: string;
  scenarioHash: string;
  setup: TableSetup;
  headers: TranscriptHeader[];
  created: string;
  status: RoomStatus;
  display: Display;
  /** The trainer's own scenario's files, when the room was not created from a shipped one. */
  scenarioSource?: ScenarioSource;
}

export interface TokenRow {
  /** Stable id of the credential (not the token): presence names members by it. */
  id: string;
  room: string;
  role: Role;
  team: string | null;
  roles: string[];
  name: string;
  lastCseq: number;
}

interface RawRoom {
  id: string;
  code: string;
  scenario_id: string;
  scenario_hash: string;
  setup: string;
  headers: string;
  created: string;
  status: string;
  display: string;
  scenario_source: string | null;
}
interface RawToken {
  id: string;
  room: string;
  role: string;
  team: string | null;
  roles: string;
  name: string;
  last_cseq: number;
}

/** The store checkpoints its WAL after this long without a write (ms)… */
export const CHECKPOINT_QUIET_MS = 500;
/**
 * …or after this many writes, whichever comes first (an input is about three: entries, cseq, commit).
 * A checkpoint stalls the server for 10–100 ms (two fsyncs), and every input behind it waits: at
 * bench:room's 100 rooms × 30, 3,000 writes came every 4–5 s, so about 2 % of the inputs met a stall
 * (p99 215–287 ms against 150–192 ms with 12,000, alternating runs on a busy machine); 12,000 is ~4,000
 * inputs, ~18 s of that load, a WAL of ~50 MB at most.
 */
export const CHECKPOINT_WRITES = 12_000;

/**
 * The room server's database: SQLite (better-sqlite3, WAL). Rooms, credentials (hashed) and every
 * accepted transcript entry. WAL with `synchronous = NORMAL`: a committed transaction survives the
 * server process being killed; only a power cut may lose the last ones.
 */
/**
 * The database file was deleted or replaced under the running server: a write now would go into a file
 * nobody can open again (lost when the server stops), so every write is refused with this instead.
 */
export class DatabaseGoneError extends Error {
  readonly code = 'EDRILLDBGONE';
  readonly statusCode = 503;
  constructor(
    readonly file: string,
    /** Where everything the database held was copied when it was noticed (undefined if that failed). */
    readonly copy: string | undefined,
  ) {
    super(
      `the room database ${file} was deleted or replaced while this server ran, so nothing more can be recorded: ` +
        (copy
          ? `everything it held is saved in ${copy} — stop this server, move that file to ${file} and start it again`
          : 'saving a copy of it failed too (the disk is full, or the folder cannot be made again) — do not stop this server, which still holds everything: free space or make the folder again; it tries to save the copy every second and says where'),
    );
  }
}

export class Store {
  readonly db: Database.Database;
  private readonly q;
  /** The database file's identity when opened: the path must still name it for a write to be kept. */
  private readonly identity: string;
  private gone: DatabaseGoneError | undefined;
  private watch: NodeJS.Timeout | undefined;
  /** The write-ahead log's identity (see `journalStillOurs`). */
  private journal: string | undefined;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    refuseIfBeingWritten(dir, join(dir, 'rooms.db'));
    // timeout 0: a database another process holds is refused at once (SQLITE_BUSY), not waited for.
    this.db = new Database(join(dir, 'rooms.db'), { timeout: 0 });
    // The database itself is the data folder's lock: exclusive locking mode, set before the first access
    // in WAL mode, takes SQLite's exclusive file lock on rooms.db at the first write below and keeps it
    // until the connection closes or the process dies (the OS frees it, however the process ends). No
    // other process can then read or write it, even with both lock files beside it deleted (the
    // `HomeLock` files can be unlinked under a running server; the database they protect cannot be
    // without losing it). The WAL index lives in this process's memory instead of `rooms.db-shm`;
    // commits, checkpoints and crash recovery are WAL's as before.
    this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('journal_mode = WAL');
    this.db.exec('BEGIN EXCLUSIVE; COMMIT');
    this.identity = fileIdentity(this.file);
    // Held now: nothing else can contend for it. Back to better-sqlite3's usual wait, in case.
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    // SQLite's own checkpoint runs inside the commit that fills 1000 pages of WAL, with two fsyncs:
    // under load one commit in ~200 took 10–50 ms, and every input queued behind it waited as long
    // (most of bench:room's p99). The store checkpoints itself instead, between inputs (see `wrote`).
    this.db.pragma('wal_autocheckpoint = 0');
    // After a checkpoint the WAL is reused from its start; a file that grew in a burst is cut back.
    this.db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (
        id TEXT PRIMARY KEY, code TEXT NOT NULL, scenario_id TEXT NOT NULL, scenario_hash TEXT NOT NULL,
        setup TEXT NOT NULL, headers TEXT NOT NULL, created TEXT NOT NULL, status TEXT NOT NULL,
        display TEXT NOT NULL);
      CREATE UNIQUE INDEX IF NOT EXISTS rooms_open_code ON rooms(code) WHERE status = 'open';
      CREATE TABLE IF NOT EXISTS tokens (
        hash TEXT PRIMARY KEY, id TEXT NOT NULL UNIQUE, room TEXT NOT NULL REFERENCES rooms(id),
        role TEXT NOT NULL, team TEXT, roles TEXT NOT NULL, name TEXT NOT NULL,
        last_cseq INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS accepted (
        token TEXT NOT NULL, cseq INTEGER NOT NULL, tab TEXT NOT NULL, PRIMARY KEY (token, cseq)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS entries (
        room TEXT NOT NULL REFERENCES rooms(id), session INTEGER NOT NULL, seq INTEGER NOT NULL,
        entry TEXT NOT NULL, PRIMARY KEY (room, session, seq)) WITHOUT ROWID;
    `);
    // Added after the first release: a database from before gets the column (NULL: a shipped scenario).
    this.journal = this.startJournal();
    const cols = this.db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('rooms')").all();
    if (!cols.some((c) => c.name === 'scenario_source'))
      this.db.exec('ALTER TABLE rooms ADD COLUMN scenario_source TEXT');
    this.q = {
      insertRoom: this.db.prepare(
        `INSERT INTO rooms (id, code, scenario_id, scenario_hash, setup, headers, created, status, display,
           scenario_source)
         VALUES (@id, @code, @scenario_id, @scenario_hash, @setup, @headers, @created, @status, @display,
           @scenario_source)`,
      ),
      room: this.db.prepare<[string], RawRoom>('SELECT * FROM rooms WHERE id = ?'),
      roomByCode: this.db.prepare<[string], RawRoom>(
        "SELECT * FROM rooms WHERE code = ? AND status = 'open'",
      ),
      rooms: this.db.prepare<[], RawRoom>('SELECT * FROM rooms ORDER BY created DESC, id'),
      openRooms: this.db.prepare<[], RawRoom>("SELECT * FROM rooms WHERE status = 'open' ORDER BY created"),
      setStatus: this.db.prepare('UPDATE rooms SET status = ? WHERE id = ?'),
      setDisplay: this.db.prepare('UPDATE rooms SET display = ? WHERE id = ?'),
      insertToken: this.db.prepare(
        `INSERT INTO tokens (hash, id, room, role, team, roles, name) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      token: this.db.prepare<[string], RawToken>('SELECT * FROM tokens WHERE hash = ?'),
      members: this.db.prepare<[string], RawToken>(
        "SELECT * FROM tokens WHERE room = ? AND role = 'member' ORDER BY rowid",
      ),
      trainer: this.db.prepare<[string], RawToken>(
        "SELECT * FROM tokens WHERE room = ? AND role = 'trainer' ORDER BY rowid LIMIT 1",
      ),
      setCseq: this.db.prepare('UPDATE tokens SET last_cseq = ? WHERE id = ?'),
      insertAccepted: this.db.prepare('INSERT INTO accepted (token, cseq, tab) VALUES (?, ?, ?)'),
      acceptedTab: this.db.prepare<[string, number], { tab: string }>(
        'SELECT tab FROM accepted WHERE token = ? AND cseq = ?',
      ),
      insertEntry: this.db.prepare('INSERT INTO entries (room, session, seq, entry) VALUES (?, ?, ?, ?)'),
      entries: this.db.prepare<[string, number], { entry: string }>(
        'SELECT entry FROM entries WHERE room = ? AND session = ? ORDER BY seq',
      ),
    };
  }

  get file(): string {
    return join(this.dir, 'rooms.db');
  }

  /** The write-ahead log beside the database: commits live there until a checkpoint copies them over. */
  get journalFile(): string {
    return `${this.file}-wal`;
  }

  /**
   * Makes sure the write-ahead log exists on disk (a write to the database's header: the same
   * user_version again), and returns its identity.
   */
  private startJournal(): string | undefined {
    const v = Number(this.db.pragma('user_version', { simple: true }));
    this.db.pragma(`user_version = ${v}`);
    try {
      return fileIdentity(this.journalFile);
    } catch {
      return undefined;
    }
  }

  /**
   * Whether `rooms.db-wal` is still the log this connection writes. Deleted under the server (a clean-up
   * that takes `-wal` files for temporary ones), commits would go on into a file nobody can read after a
   * crash: everything since the last checkpoint — often every input of the drill — would be gone at the
   * next `kill -9` or power cut, with no word.
   */
  private journalStillOurs(): boolean {
    if (this.journal === undefined) return true;
    try {
      return fileIdentity(this.journalFile) === this.journal;
    } catch {
      return false;
    }
  }

  /**
   * Puts everything the deleted log holds into rooms.db and starts a new log at its path: leaving WAL
   * mode checkpoints the open log into the database (which is still ours), coming back makes a new one.
   */
  private restartJournal(): void {
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('journal_mode = WAL');
    this.journal = this.startJournal();
  }

  close(): void {
    clearInterval(this.watch);
    clearTimeout(this.checkpointTimer);
    this.db.close();
  }

  /** Writes since the last checkpoint, and when the last one was made (performance.now()). */
  private writes = 0;
  private lastWrite = 0;
  private checkpointTimer: NodeJS.Timeout | undefined;

  /**
   * A write is being made: the WAL is checkpointed once the server has been quiet for CHECKPOINT_QUIET_MS
   * (a classroom pauses between inputs many times a minute), or after CHECKPOINT_WRITES writes if it
   * never is — always from a timer, between inputs, never inside the commit of one. Until then the
   * committed transactions are in the WAL, which survives the process being killed as before; a power
   * cut may lose what came since the last checkpoint: in a classroom, which is quiet for half a second
   * many times a minute, under a second of inputs; at bench:room's 100 rooms × 30, which never is, up to
   * CHECKPOINT_WRITES writes (~18 s; before, SQLite's 1,000 pages: ~1 s).
   */
  private wrote(): void {
    this.writes++;
    this.lastWrite = performance.now();
    if (this.writes === CHECKPOINT_WRITES) {
      // Never quiet: checkpoint as soon as the input being handled is done.
      clearTimeout(this.checkpointTimer);
      this.checkpointTimer = setTimeout(() => this.checkpointWhenQuiet(), 0).unref();
    } else this.checkpointTimer ??= setTimeout(() => this.checkpointWhenQuiet(), CHECKPOINT_QUIET_MS).unref();
  }

  private checkpointWhenQuiet(): void {
    this.checkpointTimer = undefined;
    if (!this.db.open || this.gone || this.writes === 0) return;
    const quietFor = performance.now() - this.lastWrite;
    if (quietFor < CHECKPOINT_QUIET_MS && this.writes < CHECKPOINT_WRITES) {
      this.checkpointTimer = setTimeout(
        () => this.checkpointWhenQuiet(),
        CHECKPOINT_QUIET_MS - quietFor,
      ).unref();
      return;
    }
    this.writes = 0;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // A full disk or a database gone: the WAL still holds every commit; the next checkpoint retries.
    }
  }

  /**
   * Checks every `ms` that `rooms.db` is still the file this store writes (the same device and inode).
   * Deleting it (or putting another file in its place) under a running server leaves the server writing
   * into a file that is gone when it stops — every room with it — and lets a new database be made at the
   * path. When that is seen: everything the open database holds is copied beside it (`VACUUM INTO`, from
   * the connection that still reads the deleted file), every later write is refused with
   * `DatabaseGoneError`, and `onGone` is told once, to say so loudly. Checks too that `rooms.db-wal` is
   * still its log: deleted alone, it is replaced by a new one after everything it held is put into
   * rooms.db (`onJournalRestarted` is told).
   */
  watchFile(
    onGone: (e: DatabaseGoneError) => void,
    ms = 1000,
    onJournalRestarted: (() => void) | undefined = undefined,
  ): void {
    this.watch = setInterval(() => {
      if (this.gone) {
        // The copy could not be saved (the disk full, the folder not to be made again): tried again at
        // each check, and told once it is saved.
        if (this.gone.copy === undefined && this.saveCopy().copy !== undefined) {
          clearInterval(this.watch);
          onGone(this.gone);
        }
        return;
      }
      if (!this.stillOurs()) {
        const e = this.saveCopy();
        if (e.copy !== undefined) clearInterval(this.watch);
        onGone(e);
        return;
      }
      // Only the log deleted: nothing is lost yet while this process runs; make it durable again.
      if (this.journalStillOurs()) return;
      try {
        this.restartJournal();
        onJournalRestarted?.();
      } catch {
        // (the disk is full, say): tried again at the next check
      }
    }, ms);
    this.watch.unref();
  }

  /**
   * Whether the path still names the file this store opened. Inputs accepted between a deletion and the
   * next check went into the open (deleted) file, so the copy made when it is seen holds them too.
   */
  private stillOurs(): boolean {
    try {
      return fileIdentity(this.file) === this.identity;
    } catch {
      return false;
    }
  }

  /** Stops writing, and copies what the deleted database holds beside it (see `watchFile`). */
  private saveCopy(): DatabaseGoneError {
    if (this.gone?.copy !== undefined) return this.gone;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const copy = join(this.dir, `rooms-recovered-${stamp}.db`);
    let saved: string | undefined;
    try {
      mkdirSync(this.dir, { recursive: true });
      this.db.prepare('VACUUM INTO ?').run(copy);
      saved = copy;
    } catch {
      // the folder is gone and cannot be made again, or the disk is full: said in the error. A copy
      // begun and not finished is no copy.
      try {
        rmSync(copy, { force: true });
      } catch {
        // no folder to hold it either
      }
    }
    this.gone = new DatabaseGoneError(this.file, saved);
    return this.gone;
  }

  /** Set once the database was seen deleted or replaced (see `watchFile`): every write is refused since. */
  get goneError(): DatabaseGoneError | undefined {
    return this.gone;
  }

  /** Refuses a write into a database that is no longer at its path (see `watchFile`). */
  private writable(): void {
    if (this.gone) throw this.gone;
    this.wrote();
  }

  /** Runs `fn` in one transaction: everything it writes is committed together, or not at all. */
  transaction<T>(fn: () => T): T {
    this.writable();
    return this.db.transaction(fn)();
  }

  insertRoom(r: RoomRow): void {
    this.writable();
    this.q.insertRoom.run({
      id: r.id,
      code: r.code,
      scenario_id: r.scenarioId,
      scenario_hash: r.scenarioHash,
      setup: JSON.stringify(r.setup),
      headers: JSON.stringify(r.headers),
      created: r.created,
      status: r.status,
      display: JSON.stringify(r.display),
      scenario_source: r.scenarioSource ? JSON.stringify(r.scenarioSource) : null,
    });
  }

  room(id: string): RoomRow | undefined {
    const r = this.q.room.get(id);
    return r && parseRoom(r);
  }
  roomByCode(code: string): RoomRow | undefined {
    const r = this.q.roomByCode.get(code);
    return r && parseRoom(r);
  }
  rooms(): RoomRow[] {
    return this.q.rooms.all().map(parseRoom);
  }
  openRooms(): RoomRow[] {
    return this.q.openRooms.all().map(parseRoom);
  }
  setStatus(id: string, s: RoomStatus): void {
    this.writable();
    this.q.setStatus.run(s, id);
  }
  setDisplay(id: string, d: Display): void {
    this.writable();
    this.q.setDisplay.run(JSON.stringify(d), id);
  }

  /** Issues a credential; returns the token (shown once, stored only hashed). */
  issueToken(t: Omit<TokenRow, 'id' | 'lastCseq'>): { token: string; id: string } {
    this.writable();
    const token = newToken();
    const id = newToken().slice(0, 12);
    this.q.insertToken.run(hashToken(token), id, t.room, t.role, t.team, JSON.stringify(t.roles), t.name);
    return { token, id };
  }
  token(token: string): TokenRow | undefined {
    const r = this.q.token.get(hashToken(token));
    return r && parseToken(r);
  }
  members(room: string): TokenRow[] {
    return this.q.members.all(room).map(parseToken);
  }
  trainerToken(room: string): TokenRow | undefined {
    const r = this.q.trainer.get(room);
    return r && parseToken(r);
  }
  setCseq(tokenId: string, cseq: number): void {
    this.writable();
    this.q.setCseq.run(cseq, tokenId);
  }
  /** An input accepted under this credential's `cseq`, sent by `tab` (in the input's transaction). */
  accept(tokenId: string, cseq: number, tab: string): void {
    this.writable();
    this.q.setCseq.run(cseq, tokenId);
    this.q.insertAccepted.run(tokenId, cseq, tab);
  }
  /** Which of `cseqs` this credential's room accepted from `tab`. */
  acceptedFrom(tokenId: string, tab: string, cseqs: readonly number[]): number[] {
    return cseqs.filter((n) => this.q.acceptedTab.get(tokenId, n)?.tab === tab);
  }

  appendEntry(room: string, session: number, entry: TranscriptEntry): void {
    this.writable();
    this.q.insertEntry.run(room, session, entry.seq, JSON.stringify(entry));
  }
  entries(room: string, session: number): TranscriptEntry[] {
    return this.q.entries.all(room, session).map((r) => JSON.parse(r.entry) as TranscriptEntry);
  }

  /**
   * The server's host token (creates and lists rooms; acts as trainer in any room). Kept in a file
   * only its owner can read, so the same console link works after a restart.
   */
  hostToken(): string {
    const file = join(this.dir, 'host-token');
    if (existsSync(file)) {
      const t = readFileSync(file, 'utf8').trim();
      if (t.length >= 32) return t;
    }
    const t = newToken();
    writeFileSync(file, `${t}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return t;
  }
}

function parseRoom(r: RawRoom): RoomRow {
  return {
    id: r.id,
    code: r.code,
    scenarioId: r.scenario_id,
    scenarioHash: r.scenario_hash,
    setup: JSON.parse(r.setup) as TableSetup,
    headers: JSON.parse(r.headers) as TranscriptHeader[],
    created: r.created,
    status: r.status === 'finished' ? 'finished' : 'open',
    display: JSON.parse(r.display) as Display,
    ...(r.scenario_source !== null
      ? { scenarioSource: JSON.parse(r.scenario_source) as ScenarioSource }
      : {}),
  };
}

function parseToken(r: RawToken): TokenRow {
  return {
    id: r.id,
    room: r.room,
    role: r.role as Role,
    team: r.team,
    roles: JSON.parse(r.roles) as string[],
    name: r.name,
    lastCseq: r.last_cseq,
  };
}

/** A file's device and inode, as one string. */
function fileIdentity(file: string): string {
  const st = statSync(file, { bigint: true });
  return `${st.dev}:${st.ino}`;
}

/**
 * Refuses to open a rooms.db another program is in the middle of writing (a `sqlite3` shell inside a
 * transaction). In WAL mode such a writer holds its lock in `rooms.db-shm`, which this store, in
 * exclusive locking mode from its first access, never looks at: both would append to the WAL. So first a
 * plain connection asks for the write lock (`BEGIN IMMEDIATE`, no waiting) and gives it back; a writer
 * makes it fail with SQLITE_BUSY. (A writer starting in the instant between this and the exclusive open
 * is not seen; no drill process writes rooms.db without the folder's locks.)
 */
function refuseIfBeingWritten(dir: string, file: string): void {
  if (!existsSync(file)) return;
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { timeout: 0 });
    probe.exec('BEGIN IMMEDIATE; ROLLBACK');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'SQLITE_BUSY') {
      const pid = lockHolder(file);
      throw new HomeLockedError(dir, undefined, { kind: 'being-written', pid, file });
    }
    throw e;
  } finally {
    probe?.close();
  }
}
