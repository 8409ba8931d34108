import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { RoomClient } from '../src/client.ts';
import type { CreatedRoom } from '../src/protocol.ts';
import { connect, createRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';
import { DropProxy } from './proxy.ts';

const tmp = tempDir();
let server: RoomServer;
let proxy: DropProxy;
const clients: RoomClient[] = [];

beforeAll(async () => {
  server = await startRoomServer({ dataDir: tmp.dir, port: 0 });
  proxy = await DropProxy.start(server.url);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await proxy.close();
  await server.close();
  tmp.cleanup();
});

/** How many times the room's journal holds an inject with this text. */
function injects(room: CreatedRoom, text: string): number {
  const r = server.rooms.get(room.room.id)!;
  return r.table
    .transcripts()
    .flatMap((t) => t.entries)
    .filter((e) => JSON.stringify(e).includes(text)).length;
}

const until = async (ok: () => boolean): Promise<void> => {
  while (!ok()) await new Promise((r) => setTimeout(r, 10));
};

describe('two tabs on one credential, one of them dropped with a command in flight', () => {
  it('the command is applied exactly once or reported refused, never counted without being applied', async () => {
    const room = await createRoom(server.url, server.hostToken, TWO_TEAMS_ROLES);
    // Tab A reaches the server through the relay that drops it; tab B directly. Both the trainer.
    const a = new RoomClient({ url: proxy.url, token: room.trainerToken, delayMs: 50, maxDelayMs: 200 });
    clients.push(a);
    await a.welcome();
    expect((await a.command({ type: 'start' })).t).toBe('ack');
    const b = await connect(server.url, room.trainerToken);
    clients.push(b);

    // A's command leaves A and is lost on the way (the link died) …
    proxy.swallow = true;
    const fromA = a.command(
      { type: 'inject', roles: ['all'], text: { en: 'from tab A' } },
      { timeoutMs: 30_000 },
    );
    await until(() => proxy.swallowed > 0);
    // … while B's commands are taken under the credential's next numbers, past A's.
    for (const n of [1, 2]) {
      const ok = await b.command({ type: 'inject', roles: ['all'], text: { en: `from tab B ${n}` } });
      expect(ok.t, JSON.stringify(ok)).toBe('ack');
    }
    // A's connection drops; it reconnects and learns what became of its command.
    proxy.cut();
    proxy.swallow = false;
    const r = await fromA;
    expect(injects(room, 'from tab B')).toBe(2);
    // Applied exactly once when A was told "taken", never applied when it was told otherwise.
    expect(injects(room, 'from tab A')).toBe(r.t === 'ack' ? 1 : 0);
    // The Node client sends it again under a new number, so here it is taken.
    expect(r.t, JSON.stringify(r)).toBe('ack');
  }, 60_000);
});
