/**
 * Real clients on a server whose views the view workers build (two of them): no participant's frame
 * carries another team's decisions, an inject for roles it does not hold, or scores (not shown).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableCommand } from '@drill/engine';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import type { RoomClient } from '../src/client.ts';
import {
  connect,
  createRoom,
  firstOptionChoice,
  join,
  latestView,
  settled,
  tempDir,
  TWO_TEAMS_ROLES,
} from './kit.ts';

const tmp = tempDir();
let server: RoomServer;
const clients: RoomClient[] = [];

beforeAll(async () => {
  server = await startRoomServer({ dataDir: tmp.dir, port: 0, viewWorker: 2 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
  tmp.cleanup();
});

describe('views from the view workers, seen by real participants', () => {
  it("a member never receives a rationale, another role's inject or the scores", async () => {
    const room = await createRoom(server.url, server.hostToken, TWO_TEAMS_ROLES);
    const trainer = await connect(server.url, room.trainerToken);
    clients.push(trainer);
    const red = await join(server.url, room.room.code, 'Red', 'r', ['commander']);
    const blue = await join(server.url, room.room.code, 'Blue', 'b', ['fisheries']);
    const r = await connect(server.url, red.token);
    const b = await connect(server.url, blue.token);
    clients.push(r, b);
    // Until the workers have loaded, rooms build their views themselves: wait, then play.
    const authority = server.rooms.get(room.room.id)! as unknown as { replica: boolean };
    expect((await trainer.command({ type: 'start' })).t).toBe('ack');
    const secret: TableCommand = {
      type: 'inject',
      roles: ['commander'],
      text: { en: 'SECRET-FOR-COMMANDER' },
    };
    // Up to 30 s: a loaded machine (CI beside other suites) can take seconds to start two worker threads.
    for (let i = 0; i < 60 && !authority.replica; i++) {
      await new Promise((ok) => setTimeout(ok, 500));
      expect((await trainer.command({ type: 'inject', roles: ['all'], text: { en: `tick ${i}` } })).t).toBe(
        'ack',
      );
    }
    expect(authority.replica).toBe(true);
    const s = await trainer.command(secret);
    expect(s.t).toBe('ack');
    // Red's commander answers what is open at the seat, with a rationale only Red may read.
    let answered = 0;
    let chosenAt = 0;
    for (let round = 0; round < 30 && answered === 0; round++) {
      await settled([r], latestView(trainer).seq);
      for (const lane of latestView(r).lanes)
        for (const d of lane.view.open) {
          const cmd = firstOptionChoice('Red', d);
          if (!cmd) continue;
          const a = await r.command({ ...cmd, rationale: 'RED-ONLY-RATIONALE' } as TableCommand);
          if (a.t === 'ack') {
            answered++;
            chosenAt = a.seq;
          }
        }
      // Nothing open at the commander's seat yet: on to the next event.
      if (answered === 0)
        expect((await trainer.command({ type: 'next' }, { expectSeq: latestView(trainer).seq })).t).toBe(
          'ack',
        );
    }
    expect(answered).toBeGreaterThan(0);
    // Everyone has seen the room at (or after) the choice.
    const end = chosenAt;
    await settled([r, b, trainer], end);
    // The trainer's scores (the whole report, rationales included) follow within SCORES_EVERY_MS.
    await trainer.seen((f) => f.t === 'scores' && f.seq >= end);
    const text = (c: RoomClient) => c.frames.map((f) => JSON.stringify(f)).join('\n');
    // The checks can fail: the secrets are in the views at all (Red's inject, the trainer's rationale).
    expect(text(r)).toContain('SECRET-FOR-COMMANDER');
    // A rationale is for the trainer (and the transcript), not echoed to any member.
    expect(text(trainer)).toContain('RED-ONLY-RATIONALE');
    expect(text(r)).not.toContain('RED-ONLY-RATIONALE');
    expect(text(b)).not.toContain('SECRET-FOR-COMMANDER');
    expect(text(b)).not.toContain('RED-ONLY-RATIONALE');
    // Scores hidden: no member receives a scores frame, and no lane carries a score report.
    for (const c of [r, b]) expect(c.frames.some((f) => f.t === 'scores')).toBe(false);
    expect(text(r)).not.toContain('"score"');
    expect(text(b)).not.toContain('"score"');
    expect(trainer.frames.some((f) => f.t === 'scores' && f.reports?.length)).toBe(true);
    expect(authority.replica).toBe(true);
  }, 90_000);
});
