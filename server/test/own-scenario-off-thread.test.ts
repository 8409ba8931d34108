/**
 * A trainer's own scenario compiles on the server's compiler thread, never on its main thread: other rooms'
 * members keep getting answers while a large one compiles — when a room is created from it, and when the
 * finished room is first opened for review after a restart (where a frame sent right behind the hello
 * waits for the room instead of being refused).
 *
 * The server runs as its own process: the test's thread must not share its event loop. The two tests
 * share one home: the second ends, restarts and reopens the room the first created (one large compile
 * fewer, and one server start fewer, than a room of its own on a server of its own).
 */
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoomClient } from '../src/client.ts';
import { WS_PATH, type ApiError, type CreatedRoom, type ServerFrame } from '../src/protocol.ts';
import { api, connect, createRoom, join as joinRoom, tempDir } from './kit.ts';
import { oneTeam, ownTyphoon } from './fixtures/own-sources.ts';
import { kill9, ServerProcesses, type Listening } from './fixtures/server-process.ts';

const tmp = tempDir();
const servers = new ServerProcesses();
const clients: RoomClient[] = [];
const sockets: WebSocket[] = [];

afterAll(() => {
  for (const c of clients) c.close();
  for (const s of sockets) s.terminate();
  servers.killAll();
  tmp.cleanup();
});

/** A room of the shipped typhoon (nothing to compile for it on the thread) and its member, connected. */
async function otherRoomMember(s: Listening): Promise<RoomClient> {
  const other = await createRoom(s.url, s.hostToken, oneTeam('typhoon', 'other-room'));
  const member = await connect(s.url, (await joinRoom(s.url, other.room.code, 'Red', 'Ana')).token);
  clients.push(member);
  return member;
}

/**
 * Sends the member's inputs one at a time until `done()` (each refused at once: a member may not end the
 * drill), or until `ENOUGH` were answered before it; how many were answered before it. Enough shows the
 * main thread free (held by the compile, it answers none or the few already in); the rest of the compile
 * is not spent in a flood of round trips (about a thousand per compile under load).
 */
const ENOUGH = 20;
async function answeredUntil(member: RoomClient, done: () => boolean): Promise<number> {
  let answered = 0;
  while (!done() && answered < ENOUGH) {
    const r = await member.command({ type: 'end' }, { timeoutMs: 60_000 });
    // Answered by the server's main thread either way (past its rate limit: "wait and try again").
    expect(['trainer-only', 'rate-limited']).toContain(r.t === 'refused' && r.code);
    if (!done()) answered++;
  }
  return answered;
}

/** The own-scenario room the first test creates; the second ends it and opens it after a restart. */
let own: CreatedRoom | undefined;
let first: Listening | undefined;

describe("a trainer's own scenario is compiled off the server's main thread", () => {
  it("another room's inputs are answered while a large own scenario compiles", async () => {
    first = await servers.listening(['--port', '0'], tmp.dir);
    const member = await otherRoomMember(first);

    // The creation of a room from the large own scenario, and meanwhile the other room's member sending
    // input after input.
    let created: { status: number; body: CreatedRoom | ApiError } | undefined;
    const creation = api<CreatedRoom | ApiError>(first.url, '/api/rooms', {
      token: first.hostToken,
      body: oneTeam(ownTyphoon(), 'own'),
    }).then((r) => (created = r));
    const answeredDuring = await answeredUntil(member, () => created !== undefined);
    await creation;
    member.close();
    expect(created!.status, JSON.stringify(created!.body)).toBe(201);
    own = created!.body as CreatedRoom;
    // On the main thread the compile (0.3 s idle, seconds under load) held every other socket: at most
    // the inputs that arrived while the request's body was still uploading were answered before it.
    expect(answeredDuring).toBeGreaterThanOrEqual(5);
  }, 180_000);

  it("a finished own-scenario room opened for review after a restart: another room's member is answered meanwhile, and a frame right behind the hello is answered after it", async () => {
    expect(own, 'the room the test before created').toBeDefined();
    const trainer = await connect(first!.url, own!.trainerToken);
    clients.push(trainer);
    expect((await trainer.command({ type: 'start' })).t).toBe('ack');
    const ended = await trainer.command({ type: 'end' });
    expect(ended.t, JSON.stringify(ended)).toBe('ack');
    trainer.close();
    await kill9(first!.proc);

    const second = await servers.listening(['--port', '0', '--no-view-worker'], tmp.dir);
    const member = await otherRoomMember(second);

    // The trainer opens the finished room (nothing has loaded it since the restart): the hello, and
    // right behind it a command, before any answer.
    const ws = new WebSocket(new URL(WS_PATH, second.url.replace(/^http/, 'ws')));
    sockets.push(ws);
    const frames: ServerFrame[] = [];
    let welcomed = false;
    const answered = new Promise<void>((ok) =>
      ws.on('message', (d) => {
        const f = JSON.parse(String(d)) as ServerFrame;
        frames.push(f);
        if (f.t === 'welcome') welcomed = true;
        if ((f.t === 'refused' || f.t === 'ack') && f.cseq === 1) ok();
      }),
    );
    await new Promise((ok) => ws.once('open', ok));
    ws.send(JSON.stringify({ t: 'hello', token: own!.trainerToken, tab: 'review-tab' }));
    ws.send(JSON.stringify({ t: 'cmd', cseq: 1, command: { type: 'end' } }));

    const answeredDuring = await answeredUntil(member, () => welcomed);
    await answered;
    const welcome = frames.find((f) => f.t === 'welcome');
    expect(welcome?.t === 'welcome' && welcome.view.seq).toBe(ended.t === 'ack' && ended.seq);
    // The command sent behind the hello was taken up after it: answered for what it is (the drill has
    // already ended), not refused for want of a hello.
    const answer = frames.find((f) => (f.t === 'refused' || f.t === 'ack') && f.cseq === 1);
    expect(frames.indexOf(answer!)).toBeGreaterThan(frames.indexOf(welcome!));
    expect(answer?.t === 'refused' && answer.code).not.toBe('unauthorised');
    // On the main thread the compile held every other socket: the member's next answer came only after
    // the welcome.
    expect(answeredDuring).toBeGreaterThanOrEqual(5);
  }, 180_000);
});
