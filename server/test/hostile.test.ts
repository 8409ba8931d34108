import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateHash } from '@drill/engine';
import type { RoomServer } from '../src/app.ts';
import { openRoom, type OpenRoom } from './fixtures/open-room.ts';
import { RoomClient } from '../src/client.ts';
import type { ApiError, CreatedRoom, Joined, ServerFrame } from '../src/protocol.ts';
import { api, connect, createRoom, join, TWO_TEAMS_ROLES } from './kit.ts';

// The hostile-user campaign (docs/reliability/hostile-room.md): what a participant should not send,
// each refused with a reason, and nothing refused changes the room.

let fx: OpenRoom | undefined;
let server: RoomServer;
let room: CreatedRoom;
let trainer: RoomClient;
let red: RoomClient;
let clients: RoomClient[];

/** The table's sequence number and every session's state hash: what "the room is unchanged" means. */
function hashes(): string[] {
  const t = server.rooms.get(room.room.id)!.table;
  return [String(t.seq), ...Array.from({ length: t.sessionCount }, (_, i) => stateHash(t.stateOf(i)))];
}
type Refused = Extract<ServerFrame, { t: 'refused' }>;
const answer = (c: RoomClient): Promise<ServerFrame> =>
  c.next((f) => f.t === 'refused' || f.t === 'ack' || f.t === 'preview');

beforeAll(async () => {
  fx = await openRoom([{ team: 'Red', name: 'Rae' }], {
    rate: { burst: 200, perSecond: 100 },
    joinRate: false,
  });
  ({ server, room, trainer, clients } = fx);
  red = fx.members[0]!;
});

afterAll(async () => {
  await fx?.close();
});

describe('hostile frames on the socket', () => {
  it('a binary frame is refused as not a message of the protocol (not as too large)', async () => {
    const before = hashes();
    red.sendRaw(Buffer.from(JSON.stringify({ t: 'cmd', cseq: 50, command: { type: 'end' } })));
    const f = (await answer(red)) as Refused;
    expect(f).toMatchObject({ t: 'refused', code: 'bad-frame' });
    expect(hashes()).toEqual(before);
  });

  it('deeply nested JSON, prototype keys and a member’s evaluator or trainer inputs leave the room as it was', async () => {
    const before = hashes();
    const frames = [
      '['.repeat(8000) + ']'.repeat(8000),
      JSON.stringify({
        t: 'cmd',
        cseq: 60,
        command: JSON.parse('{"a":'.repeat(2000) + '1' + '}'.repeat(2000)),
      }),
      '{"t":"cmd","cseq":61,"command":{"__proto__":{"type":"end"}}}',
      JSON.stringify({ t: 'cmd', cseq: 62, command: { type: 'observe', task: 't', rating: 'P', note: 'n' } }),
      JSON.stringify({
        t: 'cmd',
        cseq: 63,
        command: { type: 'override', capability: 'c', rating: 'P', note: 'n' },
      }),
      JSON.stringify({ t: 'preview', cseq: 64, command: { type: 'advance', minutes: 1e9 } }),
    ];
    const codes: string[] = [];
    for (const raw of frames) {
      red.sendRaw(raw);
      const f = await answer(red);
      expect(f.t).toBe('refused');
      codes.push((f as Refused).code);
      expect((f as Refused).reason.length).toBeGreaterThan(10);
    }
    expect(codes[0]).toBe('bad-frame');
    expect(codes.slice(3)).toEqual(['trainer-only', 'trainer-only', 'trainer-only']);
    // A trainer's preview of nonsense or a huge step answers and changes nothing either.
    trainer.sendRaw(JSON.stringify({ t: 'preview', cseq: 1, command: { type: 'advance', minutes: 1e12 } }));
    expect((await answer(trainer)).t).toBe('preview');
    trainer.sendRaw(JSON.stringify({ t: 'preview', cseq: 2, command: { nonsense: [1] } }));
    expect((await answer(trainer)).t).toBe('preview');
    expect(hashes()).toEqual(before);
  });

  it('the host token without a room, or a trainer token of another room, is no credential here', async () => {
    const other = await createRoom(server.url, server.hostToken, TWO_TEAMS_ROLES);
    for (const c of [
      new RoomClient({ url: server.url, token: server.hostToken }),
      new RoomClient({ url: server.url, token: other.trainerToken, room: room.room.id }),
      new RoomClient({ url: server.url, token: room.room.code.repeat(3) }),
    ]) {
      clients.push(c);
      expect(((await c.next((f) => f.t === 'refused' || f.t === 'welcome')) as Refused).code).toBe(
        'unauthorised',
      );
    }
  });
});

describe('hostile names and bodies on the REST side', () => {
  it('a name with control, direction or broken characters, or nothing visible, is refused with why', async () => {
    const members = server.store.members(room.room.id).length;
    for (const name of [
      '\ud800',
      'x\udc00',
      '\u200b\u200b',
      '\u202eeaR',
      'a\u0000b',
      '\u001b[31mRae',
      'a'.repeat(10_000),
    ]) {
      const r = await api<ApiError>(server.url, `/api/join/${room.room.code}`, {
        body: { team: 'Red', roles: [], name },
      });
      expect(r.status).toBe(400);
      expect(r.body.error).toBe('invalid');
      if (name.length < 100) expect(r.body.reason).toMatch(/visible characters/);
    }
    expect(server.store.members(room.room.id).length).toBe(members);
    // Names in other scripts, emoji and markup characters are names (pages show them as text).
    for (const name of ['李雷', 'Zoë 😀', '<img src=x onerror=alert(1)>'])
      expect(
        (
          await api<Joined>(server.url, `/api/join/${room.room.code}`, {
            body: { team: 'Red', roles: [], name },
          })
        ).body.name,
      ).toBe(name);
  });

  it('a body that is not JSON, holds __proto__ or is too large is refused in the API’s error shape', async () => {
    const post = async (body: string): Promise<{ status: number; body: ApiError }> => {
      const res = await fetch(new URL(`/api/join/${room.room.code}`, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return { status: res.status, body: (await res.json()) as ApiError };
    };
    const before = server.store.members(room.room.id).length;
    const proto = await post('{"team":"Red","roles":[],"name":"x","__proto__":{"admin":true}}');
    expect(proto.status).toBe(400);
    expect(proto.body).toMatchObject({ error: 'invalid' });
    expect(proto.body.reason.length).toBeGreaterThan(5);
    const cut = await post('{"team":"Red","ro');
    expect(cut).toMatchObject({ status: 400, body: { error: 'invalid' } });
    const big = await post(JSON.stringify({ team: 'Red', roles: [], name: 'x'.repeat(70_000) }));
    expect(big).toMatchObject({ status: 413, body: { error: 'too-large' } });
    expect(server.store.members(room.room.id).length).toBe(before);
  });
});

describe('a database that refuses writes (disk full, read-only)', () => {
  it('refuses each input as unavailable, never acknowledges it, changes nothing and keeps serving', async () => {
    const before = hashes();
    const members = server.store.members(room.room.id).length;
    const display = { ...server.rooms.get(room.room.id)!.row.display };
    // SQLite itself refuses every write from here on (SQLITE_READONLY), as a full or read-only disk would.
    server.store.db.pragma('query_only = ON');
    try {
      const next = await trainer.command({ type: 'next' });
      expect(next).toMatchObject({ t: 'refused', code: 'unavailable' });
      // The display change used to throw out of the socket handler: an uncaught exception that stopped
      // the whole server.
      trainer.sendFrame({ t: 'display', showScores: !display.showScores });
      expect(await trainer.next((f) => f.t === 'refused')).toMatchObject({ code: 'unavailable' });
      const j = await api<ApiError>(server.url, `/api/join/${room.room.code}`, {
        body: { team: 'Red', roles: [], name: 'Late' },
      });
      expect(j.status).toBe(500);
      expect(j.body.error).toBe('unavailable');
      expect((await api(server.url, '/api/scenarios')).status).toBe(200);
      expect(hashes()).toEqual(before);
      expect(server.rooms.get(room.room.id)!.row.display).toEqual(display);
      expect(server.store.members(room.room.id).length).toBe(members);
    } finally {
      server.store.db.pragma('query_only = OFF');
    }
    // Writable again: the same room takes inputs.
    expect((await trainer.command({ type: 'next' })).t).toBe('ack');
  });
});

describe('a command cut by the rate limit', () => {
  it('is refused under its own cseq, so the sender is not left waiting for an answer', async () => {
    const before = hashes();
    const flooder = await connect(server.url, (await join(server.url, room.room.code, 'Blue', 'Flo')).token);
    clients.push(flooder);
    // Past the burst (200 in this file's server): every command gets an answer naming its cseq.
    const answers = await Promise.all(
      Array.from({ length: 260 }, () => flooder.command({ type: 'end' }, { timeoutMs: 5000 })),
    );
    const codes = answers.map((a) => (a.t === 'refused' ? a.code : 'ack'));
    expect(codes.filter((c) => c === 'rate-limited').length).toBeGreaterThan(0);
    expect(codes.every((c) => c === 'rate-limited' || c === 'trainer-only')).toBe(true);
    expect(hashes()).toEqual(before);
  });
});
