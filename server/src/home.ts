import { linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from './process.ts';

/** DRILL_HOME, as the CLI uses it (default ~/.drill); the server keeps its database under `server/`. */
export function drillHome(): string {
  return process.env.DRILL_HOME ?? join(homedir(), '.drill');
}

/** Who holds a data folder: the server process and, once it listens, its address. */
export interface HomeOwner {
  pid: number;
  port: number | null;
  url: string | null;
}

/** Another live server holds the data folder: this one must not write its database. */
export class HomeLockedError extends Error {
  readonly code = 'EDRILLLOCKED';
  constructor(
    readonly dir: string,
    readonly owner: HomeOwner,
    readonly lockFile: string,
  ) {
    super(
      `another drill server is using ${dir} (process ${owner.pid}, ` +
        `${owner.port !== null ? `port ${owner.port}, ${owner.url ?? ''}` : 'still starting'}): ` +
        `stop it first, or give this one another DRILL_HOME — if process ${owner.pid} is not a drill server, delete ${lockFile}`,
    );
  }
}

/**
 * The data folder cannot take the lock file (full, read-only, not a folder): said with the file and
 * the reason, for `drill serve` to print as one line.
 */
export class HomeUnwritableError extends Error {
  readonly code = 'EDRILLHOME';
  constructor(
    readonly lockFile: string,
    cause: unknown,
  ) {
    const e = cause as NodeJS.ErrnoException;
    const why =
      e.code === 'ENOSPC'
        ? 'no space left on the device'
        : e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS'
          ? 'not allowed to write there'
          : e.message;
    super(
      `cannot write the server's lock file ${lockFile}: ${why}${e.code ? ` (${e.code})` : ''} — ` +
        'check that DRILL_HOME is writable and has room',
    );
  }
}

/**
 * `server.lock` in the server's data folder: created exclusively, holding the owner's pid (and its port
 * once listening), so two servers never write one database. A lock whose process is gone (kill -9, a
 * reboot) is stale and taken over; a live one is refused with who holds it.
 */
export class HomeLock {
  private held = true;
  private readonly onExit = (): void => this.release();

  private constructor(readonly path: string) {
    process.on('exit', this.onExit);
  }

  static take(dir: string): HomeLock {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'server.lock');
    for (let attempt = 0; attempt < 3; attempt++) {
      // Written whole beside it, then linked into place: the lock file never exists half-written.
      const tmp = `${path}.${process.pid}`;
      try {
        // Inside the try: a write cut short (a full disk) must not leave the half-written file behind.
        writeFileSync(tmp, ownerText({ pid: process.pid, port: null, url: null }), { mode: 0o644 });
        linkSync(tmp, path);
        return new HomeLock(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new HomeUnwritableError(path, e);
      } finally {
        rmSync(tmp, { force: true });
      }
      const owner = readOwner(path);
      if (owner === 'gone') continue; // released meanwhile: try again
      if (owner && owner.pid !== process.pid && processAlive(owner.pid))
        throw new HomeLockedError(dir, owner, path);
      try {
        unlinkSync(path); // stale (its process is gone) or unreadable: take it over
      } catch {
        // another server took it over first; the next attempt finds out whose it is
      }
    }
    throw new Error(`cannot lock ${dir}: another process keeps taking ${path}`);
  }

  /** Records the address this server listens on, for the message a second server prints. */
  listening(port: number, url: string): void {
    if (this.held) writeFileSync(this.path, ownerText({ pid: process.pid, port, url }));
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    process.off('exit', this.onExit);
    try {
      const owner = readOwner(this.path);
      if (owner !== 'gone' && owner?.pid === process.pid) unlinkSync(this.path);
    } catch {
      // already gone
    }
  }
}

function ownerText(o: HomeOwner): string {
  return `${JSON.stringify(o)}\n`;
}

/** The lock's owner; undefined when the file does not say (not ours); 'gone' when removed. */
function readOwner(path: string): HomeOwner | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const o = JSON.parse(text) as Partial<HomeOwner>;
    if (typeof o.pid !== 'number' || !Number.isInteger(o.pid) || o.pid <= 0) return undefined;
    return {
      pid: o.pid,
      port: typeof o.port === 'number' ? o.port : null,
      url: typeof o.url === 'string' ? o.url : null,
    };
  } catch {
    return undefined;
  }
}
