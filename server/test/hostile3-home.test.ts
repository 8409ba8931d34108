/**
 * Hostile users against the data folder's lock (server-lock.db, held by SQLite's exclusive lock): the
 * lock file deleted or replaced under a running server must not let a second server in.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HomeLock, HomeLockedError } from '../src/home.ts';
import { tempDir } from './kit.ts';
import { SERVER_PROCESS } from './fixtures/server-process.ts';

const dirs: ReturnType<typeof tempDir>[] = [];
const locks: HomeLock[] = [];
afterEach(() => {
  for (const l of locks.splice(0)) l.release();
  for (const d of dirs.splice(0)) d.cleanup();
});
function take(dir: string): HomeLock {
  const l = HomeLock.take(dir);
  locks.push(l);
  return l;
}

describe('the home lock file removed under a running server', () => {
  it.each([
    ['deleted', (f: string) => rmSync(f)],
    ['moved aside', (f: string) => renameSync(f, `${f}.old`)],
  ])('%s: a second server is still refused, naming the first', (_how, remove) => {
    const tmp = tempDir();
    dirs.push(tmp);
    const first = take(tmp.dir);
    first.listening(4242, 'http://127.0.0.1:4242/');
    remove(join(tmp.dir, 'server-lock.db'));
    let err: unknown;
    try {
      take(tmp.dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HomeLockedError);
    expect((err as Error).message).toContain(`process ${process.pid}, port 4242`);
  });

  it('a stale owner file (dead pid, another lock file) does not keep a new server out', () => {
    const tmp = tempDir();
    dirs.push(tmp);
    take(tmp.dir).release();
    writeFileSync(join(tmp.dir, 'server.lock'), '{"pid":2147483646,"port":1,"url":"x","lock":"1"}\n');
    expect(() => take(tmp.dir)).not.toThrow();
  });
});

describe('the server entry on a home whose database cannot be opened', () => {
  it('says so in one line, without a stack trace', () => {
    const tmp = tempDir();
    dirs.push(tmp);
    // rooms.db is a folder: SQLite cannot open it (as on a full or damaged disk).
    mkdirSync(join(tmp.dir, 'server', 'rooms.db'), { recursive: true });
    const repo = resolve(import.meta.dirname, '..', '..');
    const r = spawnSync(process.execPath, [...SERVER_PROCESS, '--port', '0', '--no-view-worker'], {
      cwd: repo,
      env: { ...process.env, DRILL_HOME: tmp.dir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^drill server: .*rooms\.db/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('the server entry given a view-worker count that is not one', () => {
  it('refuses it in one line and exits 2, starting nothing', async () => {
    const tmp = tempDir();
    dirs.push(tmp);
    const repo = resolve(import.meta.dirname, '..', '..');
    // NaN made no worker at all: the first room opened would have looked one up in an empty list.
    // The four processes run side by side: each only parses its arguments and exits.
    const run = (
      bad: string,
    ): Promise<{ bad: string; status: number | null; stdout: string; stderr: string }> =>
      new Promise((ok) => {
        const p = spawn(process.execPath, [...SERVER_PROCESS, '--port', '0', '--view-workers', bad], {
          cwd: repo,
          env: { ...process.env, DRILL_HOME: tmp.dir },
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 60_000,
        });
        let stdout = '';
        let stderr = '';
        p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        p.on('close', (status) => ok({ bad, status, stdout, stderr }));
      });
    for (const r of await Promise.all(['abc', '1.5', '0', '65'].map(run))) {
      expect(r.status, r.bad).toBe(2);
      expect(r.stderr).toBe(
        `drill server: --view-workers takes a whole number from 1 to 64, not "${r.bad}"\n`,
      );
      expect(r.stdout).toBe('');
    }
  }, 120_000);
});
