import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import type { RoomClient } from '../src/client.ts';
import type { CreatedRoom, RoomSummary } from '../src/protocol.ts';
import { correctionsInView } from '../../web/src/console/backend.ts';
import { answerOpen, api, connect, createRoom, join, latestView, settled, tempDir } from './kit.ts';

let server: RoomServer;
const tmp = tempDir();
const clients: RoomClient[] = [];
let room: CreatedRoom;

beforeAll(async () => {
  server = await startRoomServer({ dataDir: tmp.dir, port: 0 });
  room = await createRoom(server.url, server.hostToken, {
    scenario: 'typhoon',
    seed: 'seed-for-the-trainer',
    lang: 'en',
    mode: 'parallel',
    teams: [
      { name: 'Red', roles: [] },
      { name: 'Blue', roles: [] },
    ],
  });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
  tmp.cleanup();
});

describe("the trainer's console over the server", () => {
  it('is told the seed; participants and the projector are not', async () => {
    expect(room.room.seed).toBe('seed-for-the-trainer');
    const trainer = await connect(server.url, room.trainerToken);
    const member = await connect(server.url, (await join(server.url, room.room.code, 'Red', 'Rae')).token);
    const projector = await connect(server.url, room.projectorToken);
    clients.push(trainer, member, projector);
    const welcome = (c: RoomClient) => c.frames.find((f) => f.t === 'welcome');
    expect(welcome(trainer)).toMatchObject({ room: { seed: 'seed-for-the-trainer' } });
    expect(JSON.stringify(welcome(member))).not.toContain('seed-for-the-trainer');
    expect(JSON.stringify(welcome(projector))).not.toContain('seed-for-the-trainer');
    const list = await api<RoomSummary[]>(server.url, '/api/rooms', { token: server.hostToken });
    expect(list.body.find((r) => r.id === room.room.id)?.seed).toBe('seed-for-the-trainer');
  });

  it("sees a correction in the facilitator's view (one team's), a participant does not", async () => {
    const trainer = await connect(server.url, room.trainerToken);
    const member = await connect(server.url, (await join(server.url, room.room.code, 'Blue', 'Bo')).token);
    clients.push(trainer, member);
    const run = async (cmd: Parameters<RoomClient['command']>[0]) => {
      const r = await trainer.command(cmd, { retryStale: 5 });
      expect(r.t, JSON.stringify(r)).toBe('ack');
      if (r.t === 'ack') await settled([trainer, member], r.seq);
    };
    await run({ type: 'start' });
    let chosen: string | undefined;
    for (let i = 0; i < 40 && chosen === undefined; i++) {
      if ((await answerOpen([{ c: member, team: 'Blue' }])) > 0) {
        await settled([trainer, member], latestView(member).seq);
        chosen = latestView(trainer)
          .lanes.find((l) => l.team === 'Blue')
          ?.view.closed.find((c) => c.options.length > 0)?.decision;
      } else await run({ type: 'next' });
    }
    expect(chosen).toBeDefined();
    const lane = latestView(trainer).lanes.find((l) => l.team === 'Blue')!;
    const closed = lane.view.closed.find((c) => c.decision === chosen)!;
    await run({
      type: 'correct',
      team: 'Blue',
      decision: chosen!,
      options: closed.options,
      note: 'Blue said it twice; recorded as said',
    });
    expect(correctionsInView(latestView(trainer))).toEqual([
      { team: 'Blue', decision: chosen, note: 'Blue said it twice; recorded as said', by: 'Trainer' },
    ]);
    expect(JSON.stringify(latestView(member))).not.toContain('recorded as said');
  });
});
