/**
 * Both lock files (server-lock.db and server.lock) deleted under a running server: nothing on disk names
 * it any more, yet a second server on the same DRILL_HOME must still be refused while it lives — the
 * room database's own exclusive lock keeps it out — and must start at once after a kill -9 (a server in
 * this process: what is tested there is that the killed one's locks are gone, one start of the bundle fewer).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import type { RoomSummary } from '../src/protocol.ts';
import { api, createRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';
import { kill9, ServerProcesses, type Started } from './fixtures/server-process.ts';

const tmp = tempDir();
const servers = new ServerProcesses();
let next: RoomServer | undefined;

afterAll(async () => {
  servers.killAll();
  await next?.close();
  tmp.cleanup();
});

/** `main.ts` as its own process on DRILL_HOME = tmp: its first stdout line, or its exit. */
const start = (): Promise<Started> => servers.start(['--port', '0', '--no-view-worker'], tmp.dir);

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

    await kill9(a.proc);
    next = await startRoomServer({ dataDir: home, port: 0, viewWorker: false });
    expect(next.unresumed).toEqual([]);
    const rooms = await api<RoomSummary[]>(next.url, '/api/rooms', { token: next.hostToken });
    expect(rooms.body.map((r) => r.id).sort()).toEqual([before.room.id, after.room.id].sort());
  }, 120_000);
});
