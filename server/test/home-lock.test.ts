import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoomSummary } from '../src/protocol.ts';
import { api, createRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';
import { SERVER_PROCESS } from './fixtures/server-process.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const tmp = tempDir();
const procs: ChildProcess[] = [];

/** `main.ts` as its own process on DRILL_HOME = tmp (its database under server/, as `drill serve` keeps it). */
function start(): {
  proc: ChildProcess;
  first: Promise<{ line?: string; code?: number | null; stderr: string }>;
} {
  const proc = spawn(process.execPath, [...SERVER_PROCESS, '--port', '0'], {
    cwd: repo,
    env: { ...process.env, DRILL_HOME: tmp.dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  procs.push(proc);
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const first = new Promise<{ line?: string; code?: number | null; stderr: string }>((ok) => {
    createInterface({ input: proc.stdout! }).once('line', (line) => ok({ line, stderr }));
    proc.once('exit', (code) => ok({ code, stderr }));
  });
  return { proc, first };
}

afterAll(() => {
  for (const p of procs) p.kill('SIGKILL');
  tmp.cleanup();
});

describe('one server per DRILL_HOME', () => {
  it('refuses a second server naming the first (pid, port); a home whose server was killed with kill -9 is usable at once', async () => {
    const a = start();
    const first = await a.first;
    expect(first.line, first.stderr).toBeDefined();
    const info = JSON.parse(first.line!) as { url: string; hostToken: string };
    const port = new URL(info.url).port;
    const room = await createRoom(info.url, info.hostToken, TWO_TEAMS_ROLES);

    // A second server on the same home: refused before it touches the database, exit status non-zero.
    const b = start();
    const second = await b.first;
    expect(second.line).toBeUndefined();
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.stderr).toContain(`process ${a.proc.pid}`);
    expect(second.stderr).toContain(`port ${port}`);
    expect(second.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    // The first one is unharmed.
    expect((await api<RoomSummary[]>(info.url, '/api/rooms', { token: info.hostToken })).status).toBe(200);

    // kill -9: the operating system frees the lock with the process, so the next server starts at once
    // (only the owner file, which is information, is left behind for it to overwrite).
    await new Promise<void>((ok) => {
      a.proc.once('exit', () => ok());
      a.proc.kill('SIGKILL');
    });
    expect(existsSync(join(tmp.dir, 'server', 'server.lock'))).toBe(true);
    const c = start();
    const third = await c.first;
    expect(third.line, third.stderr).toBeDefined();
    const info3 = JSON.parse(third.line!) as { url: string; hostToken: string; unresumed: unknown[] };
    expect(info3.unresumed).toEqual([]);
    const rooms = await api<RoomSummary[]>(info3.url, '/api/rooms', { token: info3.hostToken });
    expect(rooms.body.map((r) => r.id)).toContain(room.room.id);

    // A clean stop removes the lock.
    await new Promise<void>((ok) => {
      c.proc.once('exit', () => ok());
      c.proc.kill('SIGTERM');
    });
    expect(existsSync(join(tmp.dir, 'server', 'server.lock'))).toBe(false);
  });
});
