/**
 * A finished own-scenario room whose stored scenario no longer compiles, opened for review after a
 * restart: the failed compile is remembered, so a page retrying its hello every few seconds (and the
 * trainer's room list, and a download) costs no compile each time. Every hello is still refused
 * `unavailable` with 1013 (try again later) and the reason in the page's language. Real sockets, real
 * SQLite, the server restarted on the same folder.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import type { RoomSummary } from '../src/protocol.ts';
import { api, connect, createRoom, join as joinRoom, tempDir } from './kit.ts';
import { ownExample } from './fixtures/own-sources.ts';
import { breakStoredScenario, helloUntilClosed } from './fixtures/unloadable-room.ts';

const tmp = tempDir();
const servers: RoomServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
  tmp.cleanup();
});

async function start(): Promise<RoomServer> {
  const s = await startRoomServer({ dataDir: tmp.dir, viewWorker: false });
  servers.push(s);
  return s;
}

const hello = (url: string, token: string, lang: 'en' | 'zh-CN') =>
  helloUntilClosed(url, token, lang, 'remembered');

describe('a review whose scenario no longer compiles', () => {
  it('compiles once; every later hello, listing and download is refused without compiling again', async () => {
    const first = await start();
    const own = await createRoom(first.url, first.hostToken, {
      scenario: ownExample(),
      seed: 'remembered',
      lang: 'zh-CN',
      mode: 'roles',
      teams: [{ name: 'Red', roles: ['all'] }],
    });
    const member = await joinRoom(first.url, own.room.code, 'Red', 'Ana');
    const trainer = await connect(first.url, own.trainerToken);
    expect((await trainer.command({ type: 'start' })).t).toBe('ack');
    expect((await trainer.command({ type: 'end' })).t).toBe('ack');
    trainer.close();
    await first.close();

    // The stored files no longer compile (as after an upgrade to a stricter drill).
    breakStoredScenario(join(tmp.dir, 'rooms.db'), own.room.id);

    const second = await start();
    expect(second.ownScenarioCompiles()).toBe(0);
    for (const [i, [token, lang]] of (
      [
        [member.token, 'zh-CN'],
        [member.token, 'zh-CN'],
        [own.trainerToken, 'en'],
        [member.token, 'zh-CN'],
      ] as const
    ).entries()) {
      const r = await hello(second.url, token, lang);
      const refused = r.frames.find((f) => f.t === 'refused');
      expect(refused?.t === 'refused' && refused.code, `hello ${i}: ${JSON.stringify(r.frames)}`).toBe(
        'unavailable',
      );
      expect(refused?.t === 'refused' && refused.reason).toMatch(lang === 'zh-CN' ? /剧本/ : /scenario/);
      expect(r.code).toBe(1013);
      expect(second.ownScenarioCompiles(), `after hello ${i}`).toBe(1);
    }
    const list = await api<RoomSummary[]>(second.url, '/api/rooms', { token: second.hostToken });
    expect(list.status).toBe(200);
    expect(list.body.map((r) => r.id)).not.toContain(own.room.id);
    const download = await api(second.url, `/api/rooms/${own.room.id}/transcripts/0`, {
      token: second.hostToken,
    });
    expect(download.status).toBe(404);
    expect(second.ownScenarioCompiles()).toBe(1);
  }, 120_000);
});
