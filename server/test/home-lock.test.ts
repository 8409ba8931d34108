import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoomSummary } from '../src/protocol.ts';
import { api, createRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';
import { kill9, ServerProcesses } from './fixtures/server-process.ts';

const tmp = tempDir();
const servers = new ServerProcesses();

/** `main.ts` as its own process on DRILL_HOME = tmp (its database under server/, as `drill serve` keeps it). */
const start = () => servers.start(['--port', '0'], tmp.dir);

afterAll(() => {
  servers.killAll();
  tmp.cleanup();
});

describe('one server per DRILL_HOME', () => {
  it('refuses a second server naming the first (pid, port); a home whose server was killed with kill -9 is usable at once', async () => {
    const first = await start();
    expect(first.line, first.stderr).toBeDefined();
    const info = JSON.parse(first.line!) as { url: string; hostToken: string };
    const port = new URL(info.url).port;
    const room = await createRoom(info.url, info.hostToken, TWO_TEAMS_ROLES);

    // A second server on the same home: refused before it touches the database, exit status non-zero.
    const second = await start();
    expect(second.line).toBeUndefined();
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.stderr).toContain(`process ${first.proc.pid}`);
    expect(second.stderr).toContain(`port ${port}`);
    expect(second.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    // The first one is unharmed.
    expect((await api<RoomSummary[]>(info.url, '/api/rooms', { token: info.hostToken })).status).toBe(200);

    // kill -9: the operating system frees the lock with the process, so the next server starts at once
    // (only the owner file, which is information, is left behind for it to overwrite).
    await kill9(first.proc);
    expect(existsSync(join(tmp.dir, 'server', 'server.lock'))).toBe(true);
    const third = await start();
    expect(third.line, third.stderr).toBeDefined();
    const info3 = JSON.parse(third.line!) as { url: string; hostToken: string; unresumed: unknown[] };
    expect(info3.unresumed).toEqual([]);
    const rooms = await api<RoomSummary[]>(info3.url, '/api/rooms', { token: info3.hostToken });
    expect(rooms.body.map((r) => r.id)).toContain(room.room.id);

    // A clean stop removes the lock.
    await new Promise<void>((ok) => {
      third.proc.once('exit', () => ok());
      third.proc.kill('SIGTERM');
    });
    expect(existsSync(join(tmp.dir, 'server', 'server.lock'))).toBe(false);
  });
});
