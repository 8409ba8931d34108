/**
 * rooms.db-wal deleted under a running server (a clean-up that takes `-wal` files for temporary ones):
 * every commit since the last checkpoint lives only in that log, so the files a crash would leave on
 * disk held none of the drill — not even the tables. The server notices within a second, puts what the
 * log held into rooms.db and starts a new log; inputs accepted after that are on disk too. What a
 * `kill -9` would leave is read here by copying the files on disk (rooms.db and any -wal) while the
 * server runs, and opening the copy. In-process server, real sockets and SQLite.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { connect, createRoom, join as joinRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';

const tmp = tempDir();
const crash = tempDir();
let server: RoomServer | undefined;
afterAll(async () => {
  await server?.close();
  tmp.cleanup();
  crash.cleanup();
});

/** How many rows of each table the files on disk hold now (what a crash at this moment leaves). */
function onDisk(s: RoomServer, name: string): Record<string, number> {
  const to = join(crash.dir, name);
  copyFileSync(s.store.file, `${to}.db`);
  if (existsSync(s.store.journalFile)) copyFileSync(s.store.journalFile, `${to}.db-wal`);
  const db = new Database(`${to}.db`, { readonly: true });
  try {
    const count = (t: string): number => {
      try {
        return (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
      } catch {
        return -1; // no such table
      }
    };
    return { rooms: count('rooms'), tokens: count('tokens'), entries: count('entries') };
  } finally {
    db.close();
  }
}

function live(s: RoomServer): Record<string, number> {
  const n = (t: string): number =>
    (s.store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { rooms: n('rooms'), tokens: n('tokens'), entries: n('entries') };
}

describe('rooms.db-wal deleted under a running server', () => {
  it('is replaced within a second after everything in it is put into rooms.db: a crash then loses nothing', async () => {
    let restarted = 0;
    server = await startRoomServer({
      dataDir: tmp.dir,
      viewWorker: false,
      onJournalRestarted: () => restarted++,
    });
    const room = await createRoom(server.url, server.hostToken, TWO_TEAMS_ROLES);
    await joinRoom(server.url, room.room.code, 'Red', 'Ana');
    const trainer = await connect(server.url, room.trainerToken);
    expect((await trainer.command({ type: 'start' })).t).toBe('ack');

    rmSync(server.store.journalFile);
    for (let i = 0; i < 60 && restarted === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(restarted).toBe(1);
    expect(onDisk(server, 'after-restart')).toEqual(live(server));

    // Inputs after it go into the new log, on disk.
    const next = await trainer.command({ type: 'next' });
    expect(next.t).toBe('ack');
    await joinRoom(server.url, room.room.code, 'Blue', 'Bo');
    const now = live(server);
    expect(now.entries).toBeGreaterThan(0);
    expect(onDisk(server, 'later')).toEqual(now);
    trainer.close();
  }, 60_000);
});
