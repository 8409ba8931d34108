/**
 * Both lock files (server-lock.db and server.lock) deleted under a running server: nothing on disk names
 * it any more, yet a second server on the same DRILL_HOME must still be refused while it lives — the
 * room database's own exclusive lock keeps it out — and must start at once after a kill -9.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
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

interface Started {
  proc: ChildProcess;
  line?: string;
  code?: number | null;
  stderr: string;
}

/** `main.ts` as its own process on DRILL_HOME = tmp: its first stdout line, or its exit. */
async function start(): Promise<Started> {
  const proc = spawn(
    process.execPath,
    // The bundle when fresh (~1 s of CPU a start, ~3 s through tsx: four starts timed out at 120 s under load).
    [...SERVER_PROCESS, '--port', '0', '--no-view-worker'],
    { cwd: repo, env: { ...process.env, DRILL_HOME: tmp.dir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  procs.push(proc);
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const stderrDone = new Promise((ok) => proc.stderr!.once('close', ok));
  const r = await new Promise<Omit<Started, 'proc' | 'stderr'>>((ok) => {
    createInterface({ input: proc.stdout! }).once('line', (line) => ok({ line }));
    proc.once('exit', (code) => ok({ code }));
  });
  // The exit may come before the last of stderr has been read.
  if (r.line === undefined) await stderrDone;
  return { proc, ...r, stderr };
}

function refusedNaming(s: Started, pid: number): void {
  expect(s.line, s.stderr).toBeUndefined();
  expect(s.code).toBe(1);
  expect(s.stderr.trim().split('\n')).toHaveLength(1);
  expect(s.stderr).not.toMatch(/\n\s+at /);
  expect(s.stderr).toMatch(/^drill server: another drill server is using /);
  expect(s.stderr).toContain('rooms.db');
  // Linux says which process holds the database (/proc/locks).
  if (process.platform === 'linux') expect(s.stderr).toContain(`process ${pid} `);
}

describe('both lock files deleted under a running server', () => {
  it('a second server is refused while the first lives; after its kill -9 the next starts at once with every room', async () => {
    const a = await start();
    expect(a.line, a.stderr).toBeDefined();
    const info = JSON.parse(a.line!) as { url: string; hostToken: string };
    const before = await createRoom(info.url, info.hostToken, TWO_TEAMS_ROLES);
    const home = join(tmp.dir, 'server');

    rmSync(join(home, 'server-lock.db'));
    rmSync(join(home, 'server.lock'));
    refusedNaming(await start(), a.proc.pid!);

    // Garbage in the owner file (the lock file still gone) changes nothing.
    writeFileSync(join(home, 'server.lock'), 'not json\n');
    refusedNaming(await start(), a.proc.pid!);

    // The first server is unharmed and still records rooms.
    const after = await createRoom(info.url, info.hostToken, { ...TWO_TEAMS_ROLES, seed: 'after' });

    await new Promise<void>((ok) => {
      a.proc.once('exit', () => ok());
      a.proc.kill('SIGKILL');
    });
    const c = await start();
    expect(c.line, c.stderr).toBeDefined();
    const info3 = JSON.parse(c.line!) as { url: string; hostToken: string; unresumed: unknown[] };
    expect(info3.unresumed).toEqual([]);
    const rooms = await api<RoomSummary[]>(info3.url, '/api/rooms', { token: info3.hostToken });
    expect(rooms.body.map((r) => r.id).sort()).toEqual([before.room.id, after.room.id].sort());
  }, 120_000);
});
