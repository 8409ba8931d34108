import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { RoomClient } from '../src/client.ts';
import {
  qrPath,
  transcriptPath,
  type CreatedRoom,
  type JoinInfo,
  type RoomSummary,
  type ServerFrame,
} from '../src/protocol.ts';
import { api, connect, createRoom, join, tempDir, TWO_TEAMS_ROLES } from './kit.ts';

let server: RoomServer;
let tmp: ReturnType<typeof tempDir>;
let room: CreatedRoom;
const clients: RoomClient[] = [];

beforeAll(async () => {
  tmp = tempDir();
  server = await startRoomServer({ dataDir: tmp.dir, port: 0 });
  room = await createRoom(server.url, server.hostToken, { ...TWO_TEAMS_ROLES, lang: 'zh-CN' });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
  tmp.cleanup();
});

describe('REST: rooms, joining, downloads', () => {
  it('shows the join page what it needs, and lets a member take only the seats their team holds', async () => {
    const info = await api<JoinInfo>(server.url, `/api/join/${room.room.code.toLowerCase()}`);
    expect(info.status).toBe(200);
    expect(info.body.teams.map((t) => [t.name, t.roles.map((r) => r.id)])).toEqual([
      ['Red', ['commander', 'emergency', 'publicity', 'meteorology']],
      ['Blue', ['fisheries', 'natres', 'township']],
    ]);
    expect(room.joinUrl).toBe(`${server.url.replace(/\/$/, '')}/?join=${room.room.code}`);
    const wrongSeat = await api(server.url, `/api/join/${room.room.code}`, {
      body: { team: 'Blue', roles: ['commander'], name: 'Bo' },
    });
    expect(wrongSeat.status).toBe(400);
    const noTeam = await api(server.url, `/api/join/${room.room.code}`, {
      body: { team: 'Green', roles: [], name: 'G' },
    });
    expect(noTeam.status).toBe(400);
    expect((await api(server.url, '/api/join/ZZZZZZ')).status).toBe(404);
  });

  it('lists rooms and hands out transcripts only to the host and the room’s trainer', async () => {
    const member = await join(server.url, room.room.code, 'Red', 'Rae');
    const list = await api<RoomSummary[]>(server.url, '/api/rooms', { token: server.hostToken });
    expect(list.body.map((r) => r.id)).toContain(room.room.id);
    expect((await api(server.url, '/api/rooms', { token: member.token })).status).toBe(401);
    const path = transcriptPath(room.room.id, 0);
    expect((await api(server.url, path, { token: member.token })).status).toBe(401);
    expect((await api(server.url, path, { token: room.projectorToken })).status).toBe(401);
    expect((await api(server.url, path)).status).toBe(401);
    const t = await api<{ header: { scenario: { id: string } } }>(server.url, path, {
      token: room.trainerToken,
    });
    expect(t.status).toBe(200);
    expect(t.body.header.scenario.id).toBe('typhoon');
    expect((await api(server.url, `${path}?token=${server.hostToken}`)).status).toBe(200);
    // Elsewhere a token in the URL is not a credential (it would end up in logs): the header only.
    const q = `?token=${encodeURIComponent(server.hostToken)}`;
    expect((await api(server.url, `/api/rooms${q}`, { body: TWO_TEAMS_ROLES })).status).toBe(401);
    expect((await api(server.url, `/api/rooms${q}`)).status).toBe(401);
    expect((await api(server.url, `/api/rooms/${room.room.id}/scenario${q}`)).status).toBe(401);
    expect(
      (await api(server.url, transcriptPath(room.room.id, 1), { token: room.trainerToken })).status,
    ).toBe(404);
    const qr = await api<string>(server.url, qrPath(room.room.id));
    expect(qr.status).toBe(200);
    expect(qr.body).toMatch(/^<svg/);
  });

  it('speaks the room’s language: a Chinese room refuses in Chinese, with no English', async () => {
    const member = await join(server.url, room.room.code, 'Blue', '薄');
    const c = await connect(server.url, member.token);
    clients.push(c);
    const r = await c.command({ type: 'next' });
    expect(r).toMatchObject({ t: 'refused', code: 'trainer-only' });
    if (r.t === 'refused') expect(r.reason).not.toMatch(/[A-Za-z]/);
    c.sendRaw('nonsense');
    const bad = await c.next((f): f is Extract<ServerFrame, { t: 'refused' }> => f.t === 'refused');
    expect(bad.reason).not.toMatch(/[A-Za-z]/);
  });

  it('the host key acts as the trainer of a named room; without a room it is refused', async () => {
    const host = await connect(server.url, server.hostToken, room.room.id);
    clients.push(host);
    const w = await host.welcome();
    expect(w.role).toBe('trainer');
    expect(w.view.lanes[0]!.view.variations).toBeDefined();
    const lost = new RoomClient({ url: server.url, token: server.hostToken });
    clients.push(lost);
    expect((await lost.next((f) => f.t === 'refused')).t).toBe('refused');
  });
});

describe('REST: guessing join codes', () => {
  it('is slowed per address: after a burst, attempts are refused with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await api(server.url, `/api/join/AAAA${i % 10}${i % 7}`)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
  });
});
