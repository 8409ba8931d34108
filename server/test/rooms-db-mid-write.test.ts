/**
 * A program in the middle of writing rooms.db (here a better-sqlite3 connection after `BEGIN IMMEDIATE;
 * INSERT …`, as a `sqlite3` shell inside a transaction) when the server starts: in WAL mode its lock is
 * in rooms.db-shm, which the server (exclusive locking mode) never reads, so both could append to the
 * WAL. The server must refuse to start, in one line, and start once the writer is done — with what the
 * writer committed. Real server processes (the bundle) and SQLite; the database the writer opens is made
 * by a server in this process (its process is not what is tested, one start of the bundle fewer).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startRoomServer } from '../src/app.ts';
import type { RoomSummary } from '../src/protocol.ts';
import { api, createRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';
import { ServerProcesses, type Started } from './fixtures/server-process.ts';

const tmp = tempDir();
const servers = new ServerProcesses();

afterAll(() => {
  servers.killAll();
  tmp.cleanup();
});

const start = (): Promise<Started> => servers.start(['--port', '0', '--no-view-worker'], tmp.dir);

describe('a program mid-write on rooms.db when the server starts', () => {
  it('keeps the server out until it is done; then the server starts with what it committed', async () => {
    // A rooms.db holding a room, where a server process on DRILL_HOME = tmp keeps it.
    const a = await startRoomServer({ dataDir: join(tmp.dir, 'server'), port: 0, viewWorker: false });
    const room = await createRoom(a.url, a.hostToken, TWO_TEAMS_ROLES).finally(() => a.close());

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
