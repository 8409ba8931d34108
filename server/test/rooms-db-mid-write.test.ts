/**
 * A program in the middle of writing rooms.db (here a better-sqlite3 connection after `BEGIN IMMEDIATE;
 * INSERT …`, as a `sqlite3` shell inside a transaction) when the server starts: in WAL mode its lock is
 * in rooms.db-shm, which the server (exclusive locking mode) never reads, so both could append to the
 * WAL. The server must refuse to start, in one line, and start once the writer is done — with what the
 * writer committed. Real server processes (the bundle) and SQLite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoomSummary } from '../src/protocol.ts';
import { api, createRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';
import { SERVER_PROCESS } from './fixtures/server-process.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const tmp = tempDir();
const procs: ChildProcess[] = [];

afterAll(() => {
  for (const p of procs) p.kill('SIGKILL');
  tmp.cleanup();
});

async function start(): Promise<{ proc: ChildProcess; line?: string; code?: number | null; stderr: string }> {
  const proc = spawn(process.execPath, [...SERVER_PROCESS, '--port', '0', '--no-view-worker'], {
    cwd: repo,
    env: { ...process.env, DRILL_HOME: tmp.dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  procs.push(proc);
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const stderrDone = new Promise((ok) => proc.stderr!.once('close', ok));
  const r = await new Promise<{ line?: string; code?: number | null }>((ok) => {
    createInterface({ input: proc.stdout! }).once('line', (line) => ok({ line }));
    proc.once('exit', (code) => ok({ code }));
  });
  if (r.line === undefined) await stderrDone;
  return { proc, ...r, stderr };
}

async function stop(proc: ChildProcess): Promise<void> {
  await new Promise<void>((ok) => {
    proc.once('exit', () => ok());
    proc.kill('SIGTERM');
  });
}

describe('a program mid-write on rooms.db when the server starts', () => {
  it('keeps the server out until it is done; then the server starts with what it committed', async () => {
    const a = await start();
    expect(a.line, a.stderr).toBeDefined();
    const info = JSON.parse(a.line!) as { url: string; hostToken: string };
    const room = await createRoom(info.url, info.hostToken, TWO_TEAMS_ROLES);
    await stop(a.proc);

    const writer = new Database(join(tmp.dir, 'server', 'rooms.db'), { timeout: 0 });
    expect(writer.pragma('journal_mode', { simple: true })).toBe('wal');
    writer.exec('BEGIN IMMEDIATE');
    writer.prepare('UPDATE rooms SET created = ? WHERE id = ?').run('2020-01-01T00:00:00.000Z', room.room.id);

    const b = await start();
    expect(b.line, b.stderr).toBeUndefined();
    expect(b.code).toBe(1);
    expect(b.stderr.trim().split('\n')).toHaveLength(1);
    expect(b.stderr).toMatch(/is in the middle of writing its database .*rooms\.db/);

    writer.exec('COMMIT');
    writer.close();
    const c = await start();
    expect(c.line, c.stderr).toBeDefined();
    const info3 = JSON.parse(c.line!) as { url: string; hostToken: string; unresumed: unknown[] };
    expect(info3.unresumed).toEqual([]);
    const rooms = await api<RoomSummary[]>(info3.url, '/api/rooms', { token: info3.hostToken });
    expect(rooms.body.map((r) => [r.id, r.created])).toEqual([[room.room.id, '2020-01-01T00:00:00.000Z']]);
    // And the server it let in holds the database for itself again: a writer is refused now.
    const late = new Database(join(tmp.dir, 'server', 'rooms.db'), { timeout: 0 });
    expect(() => late.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
    late.close();
  }, 120_000);
});
