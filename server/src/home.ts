import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { processAlive } from './process.ts';
import type { Lang } from '@drill/engine';

/** DRILL_HOME, as the CLI uses it (default ~/.drill); the server keeps its database under `server/`. */
export function drillHome(): string {
  return process.env.DRILL_HOME ?? join(homedir(), '.drill');
}

/** Who holds a data folder: the server process and, once it listens, its address. */
export interface HomeOwner {
  pid: number;
  port: number | null;
  url: string | null;
  /** The inode of the server-lock.db it locked (see `HomeLock.take`); absent from older servers. */
  lock?: string;
}

/**
 * Why a data folder is held, when its owner file cannot say: its database locked by a process (the lock
 * files beside it removed), the folder's files removed under a running server, or a database still
 * being written by another program.
 */
export type HomeHeldBy =
  | { kind: 'db-held'; pid: number | undefined; file: string }
  | { kind: 'files-removed' }
  | { kind: 'being-written'; pid: number | undefined; file: string };

/** Another live server holds the data folder: this one must not write its database. */
export class HomeLockedError extends Error {
  readonly code = 'EDRILLLOCKED';
  constructor(
    readonly dir: string,
    /** Who holds it, when its owner file says so (it is written just after the lock is taken). */
    readonly owner: HomeOwner | undefined,
    /** Said instead of the owner, when the owner file is gone (see `roomsDbHeld`). */
    readonly heldBy?: HomeHeldBy,
  ) {
    super('');
    this.message = homeLockedText(this, 'en');
  }
}

/** A `HomeLockedError` in the user's language (`drill serve` says it in Chinese in Chinese mode). */
export function homeLockedText(e: HomeLockedError, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const who = (pid: number | undefined, en: string): string =>
    pid === undefined ? (zh ? '某个进程' : en) : zh ? `进程 ${pid}` : `process ${pid}`;
  const held = e.heldBy;
  let why: string;
  if (held === undefined) {
    const o = e.owner;
    why =
      o === undefined || o.port === null
        ? zh
          ? `${o ? `进程 ${o.pid}，` : ''}仍在启动`
          : `${o ? `process ${o.pid}, ` : ''}still starting`
        : zh
          ? `进程 ${o.pid}，端口 ${o.port}，${o.url ?? ''}`
          : `process ${o.pid}, port ${o.port}, ${o.url ?? ''}`;
  } else
    switch (held.kind) {
      case 'db-held':
        why = zh
          ? `${who(held.pid, '')}持有其数据库 ${held.file}；旁边的锁文件已被删除`
          : `${who(held.pid, 'a process')} holds its database ${held.file}; the lock files beside it were removed`;
        break;
      case 'files-removed':
        why = zh
          ? '在此文件夹上启动的服务进程仍在运行，尽管它的文件已被删除'
          : 'a server process started on this folder is still running, although its files were removed';
        break;
      case 'being-written':
        why = zh
          ? `${who(held.pid, '')}正在写入其数据库 ${held.file}：请等它写完或关闭它，然后再启动`
          : `${who(held.pid, 'another program')} is in the middle of writing its database ${held.file}: let it finish or close it, then start again`;
        break;
      default: {
        const never: never = held;
        return never;
      }
    }
  return zh
    ? `另一个 drill 服务正在使用 ${e.dir}（${why}）：请先停止它，或为本服务另设 DRILL_HOME`
    : `another drill server is using ${e.dir} (${why}): stop it first, or give this one another DRILL_HOME`;
}

/**
 * The room database is held by another process although this one took the lock files: they were deleted
 * (or replaced) under a running server. Names the holder's process when the system says (Linux's
 * /proc/locks lists every file lock with its process and inode), else says what happened.
 */
export function roomsDbHeld(dir: string, dbFile: string): HomeLockedError {
  const pid = lockHolder(dbFile);
  return new HomeLockedError(dir, pid === undefined ? undefined : { pid, port: null, url: null }, {
    kind: 'db-held',
    pid,
    file: dbFile,
  });
}

/** The process holding a POSIX lock on `file`, from /proc/locks (Linux); undefined elsewhere or if none. */
export function lockHolder(file: string): number | undefined {
  try {
    const ino = statSync(file, { bigint: true }).ino.toString();
    for (const line of readFileSync('/proc/locks', 'utf8').split('\n')) {
      // "1: POSIX  ADVISORY  WRITE 12345 08:01:1234567 1073741824 1073741825"
      const f = line.trim().split(/\s+/);
      if (f[1] === 'POSIX' && f[5]?.split(':')[2] === ino) {
        const pid = Number(f[4]);
        if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid) return pid;
      }
    }
  } catch {
    // not Linux, or the file is gone
  }
  return undefined;
}

/**
 * The data folder cannot take the lock (full, read-only, not a folder): said with the file and the
 * reason, for `drill serve` to print as one line.
 */
export class HomeUnwritableError extends Error {
  readonly code = 'EDRILLHOME';
  /** What stopped the write: the device is full, writing there is not allowed, or something else. */
  readonly reason: 'full' | 'denied' | 'other';
  /** The system's or SQLite's code for it (ENOSPC, EACCES, SQLITE_FULL…), when there is one. */
  readonly errno: string | undefined;
  /** The system's own words, for `other` in English (they have no Chinese). */
  readonly detail: string;
  constructor(
    readonly lockFile: string,
    cause: unknown,
  ) {
    super('');
    const e = cause as NodeJS.ErrnoException;
    this.errno = e.code;
    this.detail = e.message;
    this.reason =
      e.code === 'ENOSPC' || e.code === 'SQLITE_FULL'
        ? 'full'
        : e.code === 'EACCES' ||
            e.code === 'EPERM' ||
            e.code === 'EROFS' ||
            e.code === 'SQLITE_READONLY' ||
            e.code === 'SQLITE_CANTOPEN'
          ? 'denied'
          : 'other';
    this.message = homeUnwritableText(this, 'en');
  }
}

/** A `HomeUnwritableError` in the user's language. */
export function homeUnwritableText(e: HomeUnwritableError, lang: Lang): string {
  const code = e.errno ? ` (${e.errno})` : '';
  if (lang === 'zh-CN') {
    const why = e.reason === 'full' ? '设备空间已满' : e.reason === 'denied' ? '没有写入权限' : '写入失败';
    return `无法写入服务的锁文件 ${e.lockFile}：${why}${e.errno ? `（${e.errno}）` : ''}——请检查 DRILL_HOME 是否可写、空间是否足够`;
  }
  const why =
    e.reason === 'full'
      ? 'no space left on the device'
      : e.reason === 'denied'
        ? 'not allowed to write there'
        : e.detail;
  return `cannot write the server's lock file ${e.lockFile}: ${why}${code} — check that DRILL_HOME is writable and has room`;
}

/**
 * One server per data folder. The lock is `server-lock.db`, a SQLite database this process holds in
 * exclusive locking mode (SQLite's own file lock: fcntl on Linux and macOS, LockFileEx on Windows), so
 * the operating system frees it the moment the process ends, however it ends: there is never a stale
 * lock to take over, hence no window in which two starting servers can both take one over (the pid file
 * this replaces had that window: read "stale", another server takes it, delete theirs). The file itself
 * stays on disk and is never deleted (deleting a lock file is what lets two processes lock two files).
 * Beside it, `server.lock` says who holds the folder (pid, and the port once listening) for the message a
 * second server prints; it is only information, written after the lock is taken.
 */
export class HomeLock {
  private held = true;
  private readonly onExit = (): void => this.release();

  private constructor(
    private readonly db: Database.Database,
    /** The owner file (`server.lock`). */
    readonly path: string,
    /** The inode of the lock file this process holds. */
    private readonly ino: string,
  ) {
    process.on('exit', this.onExit);
  }

  static take(dir: string): HomeLock {
    const lockFile = join(dir, 'server-lock.db');
    const path = join(dir, 'server.lock');
    let db: Database.Database | undefined;
    let ino: string;
    try {
      mkdirSync(dir, { recursive: true });
      // timeout 0: a held lock is refused at once, not waited for.
      db = new Database(lockFile, { timeout: 0 });
      db.pragma('locking_mode = EXCLUSIVE');
      // A write under exclusive locking mode takes SQLite's exclusive lock and keeps it until the
      // connection closes (or the process dies): any other connection, in this process or another, gets
      // SQLITE_BUSY from then on, even to read.
      db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (at INTEGER); COMMIT');
      ino = statSync(lockFile, { bigint: true }).ino.toString();
    } catch (e) {
      db?.close();
      if ((e as NodeJS.ErrnoException).code === 'SQLITE_BUSY')
        throw new HomeLockedError(dir, liveOwner(path));
      throw new HomeUnwritableError(lockFile, e);
    }
    // A lock file deleted (or moved aside) under a running server leaves that server locking a file no
    // longer at this path, and this one has just locked a new one: the owner file still names the
    // running server and the inode it locked, so a live owner of another inode means the folder is taken.
    const prior = liveOwner(path);
    if (prior?.lock !== undefined && prior.lock !== ino) {
      db.close();
      throw new HomeLockedError(dir, prior);
    }
    try {
      writeOwner(path, { pid: process.pid, port: null, url: null, lock: ino });
    } catch (e) {
      db.close();
      throw new HomeUnwritableError(path, e);
    }
    return new HomeLock(db, path, ino);
  }

  /** Records the address this server listens on, for the message a second server prints. */
  listening(port: number, url: string): void {
    if (this.held) writeOwner(this.path, { pid: process.pid, port, url, lock: this.ino });
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    process.off('exit', this.onExit);
    // The owner file goes first, while the lock still keeps everyone else from writing a new one.
    try {
      unlinkSync(this.path);
    } catch {
      // already gone
    }
    this.db.close();
  }
}

/** Written whole beside its place, then renamed over it: a reader never sees half of it. */
function writeOwner(path: string, o: HomeOwner): void {
  const tmp = `${path}.${process.pid}`;
  try {
    writeFileSync(tmp, `${JSON.stringify(o)}\n`, { mode: 0o644 });
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * The owner file's process, if it is alive: a server killed with kill -9 leaves its owner file behind
 * until the next one starts, and the holder may not have written its own yet.
 */
function liveOwner(path: string): HomeOwner | undefined {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<HomeOwner>;
    if (typeof o.pid !== 'number' || !Number.isInteger(o.pid) || o.pid <= 0 || !processAlive(o.pid))
      return undefined;
    return {
      pid: o.pid,
      port: typeof o.port === 'number' ? o.port : null,
      url: typeof o.url === 'string' ? o.url : null,
      ...(typeof o.lock === 'string' ? { lock: o.lock } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * How a server holds its data folder beyond the lock files (see `holdHomeName`): `socket`, a local
 * socket in a namespace without files (Linux, Windows); `file`, elsewhere (macOS), a lock on a file
 * outside the data folder, taken again within a second if that file is deleted.
 */
export type HomeHold = 'socket' | 'file';

/** This system's hold: a file-less socket name where there is a namespace for them. */
export function defaultHomeHold(): HomeHold {
  return process.platform === 'linux' || process.platform === 'win32' ? 'socket' : 'file';
}

/**
 * A second hold on the data folder that deleting it does not take away, named from the folder's real
 * path. `socket`: a local socket in a namespace with no files — Linux's abstract socket namespace,
 * Windows' named pipes; only one process can listen on a name, and the system frees it when that
 * process ends, however it ends. The lock files and rooms.db can all be deleted under a running server
 * (even the folder itself): a second server on the same path is still refused while the first lives.
 * `file` (macOS and other systems without such a namespace): an exclusive lock on a file in the
 * system's temporary folder (`drill-server-homes-<uid>/<hash>.lock`), outside the data folder, so
 * `rm -r ~/.drill` leaves it; the system frees it when the process ends. That file can be deleted too
 * (macOS clears old files from its temporary folder): the holder checks every second and locks a new
 * one at the path, so only a second server started within that second could get in.
 */
export async function holdHomeName(
  dir: string,
  how: HomeHold = defaultHomeHold(),
): Promise<{ release(): void }> {
  const real = realpathSync(dir);
  const refused = (): HomeLockedError => {
    // Its database still there and locked: name the process holding it, as `roomsDbHeld` does.
    const db = join(dir, 'rooms.db');
    if (lockHolder(db) !== undefined) return roomsDbHeld(dir, db);
    return new HomeLockedError(dir, liveOwner(join(dir, 'server.lock')), { kind: 'files-removed' });
  };
  if (how === 'file') return holdHomeFile(homeLockFile(real), refused);
  const name = homeName(real);
  const server: Server = createServer((c) => c.destroy());
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'EADDRINUSE' ? refused() : e));
    server.listen(name, ok);
  });
  server.unref();
  return { release: () => void server.close() };
}

/**
 * The socket name for a data folder's real path: in Linux's abstract namespace (a leading NUL), or a
 * Windows named pipe, which must be under `\\?\pipe\` (written with escaped backslashes: a template
 * literal turns `\p` into `p`).
 */
export function homeName(real: string, platform: NodeJS.Platform = process.platform): string {
  const h = homeHash(real);
  return platform === 'win32' ? `\\\\?\\pipe\\drill-server-home-${h}` : `\0drill-server-home-${h}`;
}

function homeHash(real: string): string {
  return createHash('sha256').update(real).digest('hex').slice(0, 40);
}

/** Where the `file` hold of a data folder's real path lives: the user's own folder in the temporary one. */
export function homeLockFile(real: string): string {
  const uid = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return join(tmpdir(), `drill-server-homes-${uid}`, `${homeHash(real)}.lock`);
}

/**
 * The `file` hold: SQLite's exclusive lock on `file` (as `HomeLock` takes its own), kept by an open
 * connection and freed by the system when the process ends. Checked every `ms`: if the file was deleted
 * or replaced, a new one is made and locked at once.
 */
function holdHomeFile(file: string, refused: () => HomeLockedError, ms = 1000): { release(): void } {
  const take = (): { db: Database.Database; id: string } => {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const db = new Database(file, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (at INTEGER); COMMIT');
      return { db, id: identity(file) };
    } catch (e) {
      db.close();
      throw (e as NodeJS.ErrnoException).code === 'SQLITE_BUSY' ? refused() : e;
    }
  };
  let held = take();
  const watch = setInterval(() => {
    let same = false;
    try {
      same = identity(file) === held.id;
    } catch {
      // gone
    }
    if (same) return;
    try {
      const again = take();
      held.db.close();
      held = again;
    } catch {
      // Another server took the new file in the moment it was missing, or the folder cannot be made:
      // keep what this one holds and try again at the next check.
    }
  }, ms);
  watch.unref();
  return {
    release: () => {
      clearInterval(watch);
      // The file stays: deleting a lock file is what lets two processes lock two files.
      held.db.close();
    },
  };
}

/** A file's device and inode, as one string. */
function identity(file: string): string {
  const st = statSync(file, { bigint: true });
  return `${st.dev}:${st.ino}`;
}
