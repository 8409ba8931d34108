/**
 * A finished own-scenario room opened for review whose compile ran out of time (a machine busy at that
 * moment): a timeout is not a property of the files, so it is not remembered until a restart like a
 * compile that found errors. Hellos within the back-off cost no compile; after it the compile is tried
 * again (the back-off doubling while it keeps timing out), and once it fits in its time the review
 * opens without a restart. Files that do not compile stay remembered, and the page is told that waiting
 * will not help. In-process servers on the same folder, real sockets and SQLite, the real compiler
 * thread.
 */
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import type { CompilerLimits } from '../src/scenario-compiler.ts';
import { WS_PATH, type ScenarioSource, type ServerFrame } from '../src/protocol.ts';
import { connect, createRoom, join as joinRoom, tempDir } from './kit.ts';
import { oneTeam, ownExample } from './fixtures/own-sources.ts';
import { breakStoredScenario } from './fixtures/unloadable-room.ts';

const tmp = tempDir();
const servers: RoomServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
  tmp.cleanup();
});

/** The first answer to a hello with `token` in `lang`: a welcome or a refusal (and the socket closed). */
async function hello(url: string, token: string, lang: 'en' | 'zh-CN'): Promise<ServerFrame> {
  const ws = new WebSocket(new URL(WS_PATH, url.replace(/^http/, 'ws')));
  await new Promise((ok) => ws.once('open', ok));
  const first = new Promise<ServerFrame>((ok) =>
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as ServerFrame;
      if (f.t === 'welcome' || f.t === 'refused') ok(f);
    }),
  );
  ws.send(JSON.stringify({ t: 'hello', token, tab: 'retried', lang }));
  const f = await first;
  ws.close();
  return f;
}

const reasonOf = (f: ServerFrame): string => (f.t === 'refused' ? `${f.code}: ${f.reason}` : f.t);

/** A finished room of one team playing `own`; returns the member's token. */
async function finishedRoom(
  s: RoomServer,
  own: ScenarioSource,
  seed: string,
): Promise<{ id: string; token: string }> {
  const room = await createRoom(s.url, s.hostToken, { ...oneTeam(own, seed), lang: 'en' });
  const member = await joinRoom(s.url, room.room.code, 'Red', 'Ana');
  const trainer = await connect(s.url, room.trainerToken);
  expect((await trainer.command({ type: 'start' })).t).toBe('ack');
  expect((await trainer.command({ type: 'end' })).t).toBe('ack');
  trainer.close();
  return { id: room.room.id, token: member.token };
}

describe('a review compile that ran out of time', () => {
  it('is tried again after a back-off that doubles, and opens once it fits; broken files stay remembered', async () => {
    const first = await startRoomServer({ dataDir: tmp.dir, viewWorker: false });
    servers.push(first);
    const slow = await finishedRoom(first, ownExample(), 'slow');
    const broken = await finishedRoom(first, ownExample(), 'broken');
    await first.close();
    breakStoredScenario(join(tmp.dir, 'rooms.db'), broken.id);

    // 1 ms: no compile fits (as on a machine too busy for the usual limit).
    let clock = 0;
    const limits: CompilerLimits = { timeoutMs: 1, maxWaiting: 4, heapMb: 512 };
    const s = await startRoomServer({
      dataDir: tmp.dir,
      viewWorker: false,
      ownScenarioLimits: limits,
      // The back-off's clock is the test's: it moves only when the test says.
      reviewRetry: { firstMs: 60_000, maxMs: 120_000, now: () => clock },
    });
    servers.push(s);

    const a = await hello(s.url, slow.token, 'zh-CN');
    expect(reasonOf(a)).toMatch(/^unavailable: .*超时.*请稍后再试/);
    expect(s.ownScenarioCompiles()).toBe(1);
    // Within the back-off: refused again, no compile.
    expect(reasonOf(await hello(s.url, slow.token, 'en'))).toMatch(/ran out of time.*try again in a moment/);
    expect(s.ownScenarioCompiles()).toBe(1);
    // After it: compiled again (and timed out again: the next back-off is twice as long).
    clock += 61_000;
    expect(reasonOf(await hello(s.url, slow.token, 'en'))).toMatch(/^unavailable/);
    expect(s.ownScenarioCompiles()).toBe(2);
    clock += 61_000;
    expect(reasonOf(await hello(s.url, slow.token, 'en'))).toMatch(/^unavailable/);
    expect(s.ownScenarioCompiles()).toBe(2);
    // The machine has time again: the next try opens the review, without a restart.
    limits.timeoutMs = 60_000;
    clock += 61_000;
    expect(reasonOf(await hello(s.url, slow.token, 'zh-CN'))).toBe('welcome');
    expect(s.ownScenarioCompiles()).toBe(3);

    // Files that do not compile: remembered for good, and the page is told waiting will not help.
    const b = await hello(s.url, broken.token, 'zh-CN');
    expect(reasonOf(b)).toMatch(/^unavailable: .*无法编译.*再试也不会改变.*请告知导调人员/);
    expect(s.ownScenarioCompiles()).toBe(4);
    clock += 3_600_000;
    expect(reasonOf(await hello(s.url, broken.token, 'en'))).toMatch(
      /does not compile.*trying again will not change that: tell the trainer/,
    );
    expect(s.ownScenarioCompiles()).toBe(4);
  }, 120_000);
});
