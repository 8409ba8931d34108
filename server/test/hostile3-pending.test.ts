/**
 * Hostile hellos for the two-tab reconnect (`tab`, `pending`): a forged page must not lock its seat out
 * for good, nor learn about or close another credential's commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { WS_PATH, type ServerFrame } from '../src/protocol.ts';
import { connect, createRoom, tempDir, TWO_TEAMS_ROLES, type Welcome } from './kit.ts';

const tmp = tempDir();
let server: RoomServer;

beforeAll(async () => {
  server = await startRoomServer({ dataDir: tmp.dir, port: 0 });
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

/** Says one hello on a fresh socket and returns the first frame answered. */
async function hello(frame: Record<string, unknown>): Promise<ServerFrame> {
  const ws = new WebSocket(new URL(WS_PATH, server.url.replace(/^http/, 'ws')));
  try {
    await new Promise((ok, ko) => ws.once('open', ok).once('error', ko));
    const got = new Promise<ServerFrame>((ok) =>
      ws.once('message', (d) => ok(JSON.parse(String(d)) as ServerFrame)),
    );
    ws.send(JSON.stringify({ t: 'hello', ...frame }));
    return await got;
  } finally {
    ws.close();
  }
}

describe('a forged pending list on hello', () => {
  it('cannot push the credential past the protocol maximum (the seat stays usable)', async () => {
    const room = await createRoom(server.url, server.hostToken, TWO_TEAMS_ROLES);
    const w = await hello({ token: room.trainerToken, tab: 'forged', pending: [Number.MAX_SAFE_INTEGER] });
    expect(w.t).toBe('welcome');
    expect((w as Welcome).accepted).toEqual([]);
    // The seat's own page afterwards: it numbers from the welcome's lastCseq and is still obeyed.
    const c = await connect(server.url, room.trainerToken);
    try {
      const r = await c.command({ type: 'start' });
      expect(r.t, JSON.stringify(r)).toBe('ack');
    } finally {
      c.close();
    }
  });

  it("says nothing of another credential's or another tab's commands, and closes none of them", async () => {
    const room = await createRoom(server.url, server.hostToken, TWO_TEAMS_ROLES);
    const c = await connect(server.url, room.trainerToken);
    try {
      expect((await c.command({ type: 'start' })).t).toBe('ack');
      const taken = (await c.command({ type: 'inject', roles: ['all'], text: { en: 'x' } })).t;
      expect(taken).toBe('ack');
      // Same credential, another tab's name: its accepted numbers are not told to this one.
      const same = (await hello({
        token: room.trainerToken,
        tab: 'other',
        pending: [1, 2, 2, 3],
      })) as Welcome;
      expect(same.accepted).toEqual([]);
      // The projector's credential naming the trainer's numbers: nothing, and the trainer goes on.
      const ev = (await hello({ token: room.projectorToken, pending: [1, 2] })) as Welcome;
      expect(ev.t).toBe('welcome');
      expect(ev.accepted).toEqual([]);
      const next = await c.command({ type: 'inject', roles: ['all'], text: { en: 'y' } });
      expect(next.t, JSON.stringify(next)).toBe('ack');
    } finally {
      c.close();
    }
  });

  it.each([[[-1]], [[0]], [[1.5]], [['1']], [[null]], [new Array(257).fill(1)]])(
    'refuses a malformed pending %j and changes nothing',
    async (pending) => {
      const room = await createRoom(server.url, server.hostToken, TWO_TEAMS_ROLES);
      const r = await hello({ token: room.trainerToken, tab: 't', pending });
      expect(r.t).toBe('refused');
      const w = (await hello({ token: room.trainerToken, tab: 't' })) as Welcome;
      expect(w.lastCseq).toBe(0);
    },
  );
});
