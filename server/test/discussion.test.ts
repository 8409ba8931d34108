import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { RoomClient } from '../src/client.ts';
import type { CreatedRoom } from '../src/protocol.ts';
// The very command the participant page sends for an answer typed in its discussion card.
import { answerCommand } from '../../web/src/room/answerCommand.ts';
import { connect, createRoom, join, latestView, settled, tempDir } from './kit.ts';

let server: RoomServer;
let tmp: ReturnType<typeof tempDir>;
let room: CreatedRoom;
let trainer: RoomClient;
let li: RoomClient;

beforeAll(async () => {
  tmp = tempDir();
  server = await startRoomServer({ dataDir: tmp.dir, port: 0 });
  room = await createRoom(server.url, server.hostToken, {
    scenario: 'preseason',
    seed: 'room-discussion',
    lang: 'en',
    mode: 'roles',
    teams: [
      { name: 'Team A', roles: ['water', 'natres'] },
      { name: 'Team B', roles: ['hqo', 'met', 'township', 'agri'] },
    ],
  });
  // Li holds one of Team A's two seats, on a phone in Chinese.
  const j = await join(server.url, room.room.code, 'Team A', 'Li', ['water']);
  trainer = await connect(server.url, room.trainerToken);
  li = new RoomClient({ url: server.url, token: j.token, lang: 'zh-CN', delayMs: 50, maxDelayMs: 300 });
  await li.welcome();
  let a = await trainer.command({ type: 'start' });
  if (a.t === 'ack' && latestView(trainer).phase !== 'running') a = await trainer.command({ type: 'resume' });
  expect(a.t).toBe('ack');
  if (a.t === 'ack') await settled([trainer, li], a.seq);
});

afterAll(async () => {
  li.close();
  trainer.close();
  await server.close();
  tmp.cleanup();
});

describe('a member answers a discussion question in a preseason room', () => {
  it('sees the question for their own seat only, and their answer for it is recorded', async () => {
    const open = () => latestView(li).lanes[0]!.view.open.find((d) => d.decision === 'd1_concerns');
    expect(open()?.kind).toBe('discuss');
    expect(open()?.answerers).toEqual([{ team: 'Team A', roles: ['water'] }]);
    const a = await li.command(answerCommand('Team A', 'd1_concerns', 'water', '石板水库溢洪道闸门未销号'));
    expect(a.t).toBe('ack');
    if (a.t === 'ack') await settled([li], a.seq);
    expect(open()?.answers).toMatchObject([{ role: 'water', text: '石板水库溢洪道闸门未销号' }]);
  });

  it('refuses, in the member’s language, an answer for a teammate’s seat', async () => {
    const r = await li.command(answerCommand('Team A', 'd1_concerns', 'natres', '地灾点监测人已落实'));
    expect(r.t).toBe('refused');
    if (r.t !== 'refused') return;
    expect(r.code).toBe('not-your-seat');
    expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(r.reason).not.toMatch(/[A-Za-z]{2,}/);
    const answers = server.rooms.get(room.room.id)!.table.stateOf(0).decisions.d1_concerns!.answers;
    expect(answers?.map((x) => x.role)).toEqual(['water']);
  });
});
