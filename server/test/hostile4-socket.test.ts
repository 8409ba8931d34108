/**
 * Sockets that never say hello: closed after the hello time limit (not kept for ever), while a socket
 * that said hello stays and is answered. And the host token compared in constant time still works.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { WS_PATH, type CreatedRoom, type ServerFrame } from '../src/protocol.ts';
import { api, createRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';

const tmp = tempDir();
let server: RoomServer;
let room: CreatedRoom;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  server = await startRoomServer({
    dataDir: tmp.dir,
    viewWorker: false,
    joinRate: false,
    helloTimeoutMs: 800,
  });
  room = await createRoom(server.url, server.hostToken, TWO_TEAMS_ROLES);
});
afterAll(async () => {
  for (const s of sockets) s.terminate();
  await server.close();
  tmp.cleanup();
});

/** An open socket, the frames it got, and a promise of its close code. */
async function open(): Promise<{ ws: WebSocket; frames: ServerFrame[]; closed: Promise<number> }> {
  const ws = new WebSocket(new URL(WS_PATH, server.url.replace(/^http/, 'ws')));
  sockets.push(ws);
  const frames: ServerFrame[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as ServerFrame));
  const closed = new Promise<number>((ok) => ws.once('close', (code) => ok(code)));
  await new Promise((ok) => ws.once('open', ok));
  return { ws, frames, closed };
}

describe('sockets without a hello', () => {
  it('are closed after the time limit, silent or sending other frames; one that said hello stays', async () => {
    const silent = await Promise.all(Array.from({ length: 20 }, () => open()));
    const chatty = await open();
    chatty.ws.send(JSON.stringify({ t: 'cmd', cseq: 1, command: { type: 'end' } }));
    const greeted = await open();
    greeted.ws.send(JSON.stringify({ t: 'hello', token: room.trainerToken, tab: 'ok' }));

    const started = Date.now();
    const codes = await Promise.all([...silent, chatty].map((s) => s.closed));
    expect(
      codes.every((c) => c === 4408),
      JSON.stringify(codes),
    ).toBe(true);
    expect(Date.now() - started).toBeLessThan(30_000);
    // The one frame the chatty socket sent was refused: it named no credential.
    expect(chatty.frames).toMatchObject([{ t: 'refused', code: 'unauthorised', cseq: 1 }]);

    // The greeted socket outlived the limit and is still answered.
    expect(greeted.ws.readyState).toBe(WebSocket.OPEN);
    const answered = new Promise<ServerFrame>((ok) =>
      greeted.ws.on('message', (d) => {
        const f = JSON.parse(String(d)) as ServerFrame;
        if ((f.t === 'ack' || f.t === 'refused') && f.cseq !== undefined) ok(f);
      }),
    );
    const welcome = greeted.frames[0]!;
    if (welcome.t !== 'welcome') throw new Error('no welcome');
    const cseq = welcome.lastCseq + 1;
    greeted.ws.send(
      JSON.stringify({ t: 'cmd', cseq, expectSeq: welcome.view.seq, command: { type: 'start' } }),
    );
    expect(await answered).toMatchObject({ t: 'ack', cseq });
  }, 60_000);
});

describe('the host token', () => {
  it('is accepted whole, and refused one character short, one wrong or longer', async () => {
    const t = server.hostToken;
    expect((await api(server.url, '/api/rooms', { token: t })).status).toBe(200);
    for (const bad of [t.slice(0, -1), `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`, `${t}A`, ''])
      expect((await api(server.url, '/api/rooms', { token: bad })).status, bad).toBe(401);
  });
});
