import { describe, expect, it } from 'vitest';
import { startRoomServer } from '../src/app.ts';
import type { ApiError, CreatedRoom, CreateRoom } from '../src/protocol.ts';
import { Store, type RoomRow } from '../src/store.ts';
import { api, connect, tempDir } from './kit.ts';

// Names a trainer may paste into a new room that its records cannot hold (docs/reliability/
// hostile-room.md, tenth session). A lone surrogate in a team name or the seed was accepted (201), then
// the engine could not hash it: the room refused every input — the trainer's `start` too, without its
// cseq, so the console waited for its timeout — and the server, restarted, did not start at all.

const setup = (team: string, seed = 'unrecordable'): CreateRoom => ({
  scenario: 'typhoon',
  seed,
  lang: 'en',
  mode: 'parallel',
  teams: [
    { name: team, roles: [] },
    { name: 'Blue', roles: [] },
  ],
});

async function post(
  base: string,
  token: string,
  body: CreateRoom,
  lang: string,
): Promise<{ status: number; body: ApiError }> {
  const res = await fetch(new URL('/api/rooms', base), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'accept-language': lang,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as ApiError };
}

describe('a room whose names its records cannot hold', () => {
  it('is refused at creation with the reason (en, zh), nothing created; a plain room still is', async () => {
    const tmp = tempDir();
    const s = await startRoomServer({ dataDir: tmp.dir, viewWorker: false });
    try {
      for (const [team, seed] of [
        ['Red\ud800', undefined],
        ['\u202eRed', undefined],
        ['R\u0000d', undefined],
        ['\u200b', undefined],
        ['Red', 'se\udc00ed'],
      ] as const) {
        for (const lang of ['en', 'zh-CN']) {
          const r = await post(s.url, s.hostToken, setup(team, seed), lang);
          expect(r.status).toBe(400);
          expect(r.body.error).toBe('invalid');
          if (lang === 'zh-CN') expect(r.body.reason).not.toMatch(/[A-Za-z]/);
          else expect(r.body.reason).toMatch(seed ? /seed/ : /team 1/);
        }
      }
      expect(s.store.rooms()).toEqual([]);
      const ok = await api<CreatedRoom>(s.url, '/api/rooms', { token: s.hostToken, body: setup('红队 Red') });
      expect(ok.status).toBe(201);
    } finally {
      await s.close();
      tmp.cleanup();
    }
  });

  it('stored by an older server, does not keep the server from starting or the other rooms from resuming', async () => {
    const tmp = tempDir();
    let s = await startRoomServer({ dataDir: tmp.dir, viewWorker: false });
    const good = await api<CreatedRoom>(s.url, '/api/rooms', { token: s.hostToken, body: setup('Red') });
    expect(good.status).toBe(201);
    const row = s.store.room(good.body.room.id)!;
    await s.close();
    // The same room as an older server stored it, with a lone surrogate in a team name.
    const bad = JSON.parse(JSON.stringify(row).replaceAll('"Red"', '"Red\\ud800"')) as RoomRow;
    const store = new Store(tmp.dir);
    store.insertRoom({ ...bad, id: 'older-room', code: 'ZZZZZZ' });
    store.close();
    s = await startRoomServer({ dataDir: tmp.dir, viewWorker: false });
    try {
      expect(s.unresumed.map((u) => u.id)).toEqual(['older-room']);
      expect(s.unresumed[0]!.error).toMatch(/does not replay/);
      const trainer = await connect(s.url, good.body.trainerToken);
      expect((await trainer.command({ type: 'start' })).t).toBe('ack');
      trainer.close();
    } finally {
      await s.close();
      tmp.cleanup();
    }
  });
});
