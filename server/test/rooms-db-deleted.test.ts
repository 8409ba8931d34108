/**
 * rooms.db itself deleted under a running server (with its -wal and both lock files, or the whole data
 * folder): a second server on the same DRILL_HOME must still be refused while the first lives (it would
 * start on an empty database beside a server still writing into a deleted file), and the first must not
 * go on taking inputs into a file that vanishes when it stops. It notices within a second, copies
 * everything it recorded beside the database, says so on stderr, and refuses every later input
 * `unavailable`; the copy, moved back to rooms.db, resumes every room with every input. Real processes
 * (the server bundle), sockets and SQLite.
 */
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import type { ApiError, RoomSummary } from '../src/protocol.ts';
import { api, connect, createRoom, join as joinRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';
import { ServerProcesses, type Started } from './fixtures/server-process.ts';

const tmp = tempDir();
const servers = new ServerProcesses();
let resumed: RoomServer | undefined;

afterAll(async () => {
  servers.killAll();
  await resumed?.close();
  tmp.cleanup();
});

const start = (): Promise<Started> => servers.start(['--port', '0', '--no-view-worker'], tmp.dir);

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('rooms.db deleted under a running server', () => {
  it('keeps a second server out, saves what was recorded, refuses inputs loudly; the copy resumes every room', async () => {
    const a = await start();
    expect(a.line, a.output()).toBeDefined();
    const info = JSON.parse(a.line!) as { url: string; hostToken: string };
    const room = await createRoom(info.url, info.hostToken, TWO_TEAMS_ROLES);
    await joinRoom(info.url, room.room.code, 'Red', 'Ana');
    const trainer = await connect(info.url, room.trainerToken);
    const started = await trainer.command({ type: 'start' });
    expect(started.t).toBe('ack');
    const seqBefore = started.t === 'ack' ? started.seq : -1;

    // Everything in the data folder goes: the database, its WAL, both lock files — the folder itself.
    const home = join(tmp.dir, 'server');
    rmSync(home, { recursive: true, force: true });

    // A second server on the same DRILL_HOME is refused while the first lives, in one line.
    const b = await start();
    expect(b.line, b.output()).toBeUndefined();
    expect(b.code).toBe(1);
    expect(b.output()).toMatch(/^drill server: another drill server is using .*still running/);
    expect(b.output().trim().split('\n')).toHaveLength(1);

    // The first notices within a second or so, says where everything it recorded is, and takes no input.
    await until('the running server to notice', () => a.output().includes('was deleted or replaced'));
    expect(a.output()).toMatch(/everything it held is saved in .*rooms-recovered-.*\.db/);
    const copy = readdirSync(home).find((f) => f.startsWith('rooms-recovered-'));
    expect(copy).toBeDefined();
    const refused = await trainer.command({ type: 'pause' });
    expect(refused.t).toBe('refused');
    expect(refused.t === 'refused' && refused.code).toBe('unavailable');
    const join2 = await api<ApiError>(info.url, `/api/join/${room.room.code}`, {
      body: { team: 'Blue', roles: [], name: 'Bo' },
    });
    expect(join2.status).toBe(503);
    expect(join2.body.reason).toMatch(/deleted while it ran/);
    const created = await api<ApiError>(info.url, '/api/rooms', {
      token: info.hostToken,
      body: { ...TWO_TEAMS_ROLES, seed: 'lost' },
    });
    expect(created.status).toBe(503);
    trainer.close();

    // The copy holds the room and every accepted input.
    const db = new Database(join(home, copy!), { readonly: true });
    expect(db.prepare('SELECT id FROM rooms').all()).toEqual([{ id: room.room.id }]);
    expect(db.prepare('SELECT count(*) AS n FROM tokens WHERE role = ?').get('member')).toEqual({ n: 1 });
    db.close();

    // Stopped, the copy put back as rooms.db: the room resumes where it was.
    await new Promise<void>((ok) => {
      a.proc.once('exit', () => ok());
      a.proc.kill('SIGKILL');
    });
    renameSync(join(home, copy!), join(home, 'rooms.db'));
    resumed = await startRoomServer({ dataDir: home, port: 0, viewWorker: false });
    expect(resumed.unresumed).toEqual([]);
    const rooms = await api<RoomSummary[]>(resumed.url, '/api/rooms', { token: resumed.hostToken });
    expect(rooms.body.map((r) => [r.id, r.seq])).toEqual([[room.room.id, seqBefore]]);
  }, 120_000);
});
