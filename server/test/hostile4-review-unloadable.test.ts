/**
 * Hostile review (seventh session): a finished own-scenario room whose stored scenario no longer compiles
 * when it is first opened after a restart (a newer drill is stricter; here the stored files are changed in
 * rooms.db between the two runs). The participant's credential is still valid: the hello must not be
 * refused `unauthorised` and closed with 4401, which the page and the Node client take for a revoked link
 * (they stop reconnecting for good, "ask the trainer for a new one"). It is refused `unavailable`, saying
 * the room's scenario could not be loaded, and closed with 1013 (try again later). A credential that names
 * no room is still `unauthorised`.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { connect, createRoom, join as joinRoom, tempDir } from './kit.ts';
import { oneTeam, ownExample } from './fixtures/own-sources.ts';
import { breakStoredScenario, helloUntilClosed } from './fixtures/unloadable-room.ts';

const tmp = tempDir();
const dataDir = join(tmp.dir, 'server');
const servers: RoomServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.close();
  tmp.cleanup();
});

/**
 * The room server on `dataDir`, in this process: the restart is what matters here (the room is loaded
 * from the database, nothing of it in memory), not a process of its own.
 */
async function startServer(): Promise<RoomServer> {
  const s = await startRoomServer({ dataDir, port: 0, viewWorker: false });
  servers.push(s);
  return s;
}

const hello = (url: string, token: string) => helloUntilClosed(url, token, 'zh-CN', 'h4');

describe('a finished own-scenario room whose scenario no longer compiles, opened after a restart', () => {
  it('is refused `unavailable` with 1013 (try again), not `unauthorised` with 4401 (a revoked link)', async () => {
    const first = await startServer();
    const own = await createRoom(first.url, first.hostToken, oneTeam(ownExample(), 'h4-unloadable', 'zh-CN'));
    const member = await joinRoom(first.url, own.room.code, 'Red', 'Ana');
    const trainer = await connect(first.url, own.trainerToken);
    expect((await trainer.command({ type: 'start' })).t).toBe('ack');
    expect((await trainer.command({ type: 'end' })).t).toBe('ack');
    trainer.close();
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    // The stored files no longer compile (as after an upgrade to a stricter drill).
    expect(breakStoredScenario(join(dataDir, 'rooms.db'), own.room.id)).toBe(1);

    const { url } = await startServer();
    for (const token of [member.token, own.trainerToken]) {
      const r = await hello(url, token);
      const refused = r.frames.find((f) => f.t === 'refused');
      expect(refused?.t === 'refused' && refused.code, JSON.stringify(r.frames)).toBe('unavailable');
      // In the page's language, and not the "could not save this input" of a failed write.
      expect(refused?.t === 'refused' && refused.reason).toMatch(/剧本/);
      expect(r.code).toBe(1013);
    }
    // A credential of no room is still refused as such.
    const stranger = await hello(url, 'not-a-token-of-any-room');
    const refused = stranger.frames.find((f) => f.t === 'refused');
    expect(refused?.t === 'refused' && refused.code).toBe('unauthorised');
    expect(stranger.code).toBe(4401);
  }, 180_000);
});
