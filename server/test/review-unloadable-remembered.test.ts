/**
 * A finished own-scenario room whose stored scenario no longer compiles, opened for review after a
 * restart: the failed compile is remembered, so a page retrying its hello every few seconds (and the
 * trainer's room list, and a download) costs no compile each time. Every hello is still refused
 * `unavailable` with 1013 (try again later) and the reason in the page's language. Real sockets, real
 * SQLite, the server restarted on the same folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '@drill/scenarios';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { WS_PATH, type RoomSummary, type ScenarioSource, type ServerFrame } from '../src/protocol.ts';
import { api, connect, createRoom, join as joinRoom, tempDir } from './kit.ts';

const tmp = tempDir();
const servers: RoomServer[] = [];

afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
  tmp.cleanup();
});

function ownExample(): ScenarioSource {
  const read = (p: string): string => readFileSync(join(SCENARIO_DIR, 'examples', p), 'utf8');
  return {
    entry: 'annotated.yaml',
    files: {
      'annotated.yaml': read('annotated.yaml'),
      'annotated-endings.yaml': read('annotated-endings.yaml'),
    },
  };
}

async function start(): Promise<RoomServer> {
  const s = await startRoomServer({ dataDir: tmp.dir, viewWorker: false });
  servers.push(s);
  return s;
}

/** A hello with `token` in `lang`: the frames until the server closes the socket, and its close code. */
async function hello(
  url: string,
  token: string,
  lang: 'en' | 'zh-CN',
): Promise<{ frames: ServerFrame[]; code: number }> {
  const ws = new WebSocket(new URL(WS_PATH, url.replace(/^http/, 'ws')));
  const frames: ServerFrame[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as ServerFrame));
  await new Promise((ok) => ws.once('open', ok));
  ws.send(JSON.stringify({ t: 'hello', token, tab: 'remembered', lang }));
  const code = await new Promise<number>((ok) => ws.once('close', ok));
  return { frames, code };
}

describe('a review whose scenario no longer compiles', () => {
  it('compiles once; every later hello, listing and download is refused without compiling again', async () => {
    const first = await start();
    const own = await createRoom(first.url, first.hostToken, {
      scenario: ownExample(),
      seed: 'remembered',
      lang: 'zh-CN',
      mode: 'roles',
      teams: [{ name: 'Red', roles: ['all'] }],
    });
    const member = await joinRoom(first.url, own.room.code, 'Red', 'Ana');
    const trainer = await connect(first.url, own.trainerToken);
    expect((await trainer.command({ type: 'start' })).t).toBe('ack');
    expect((await trainer.command({ type: 'end' })).t).toBe('ack');
    trainer.close();
    await first.close();

    // The stored files no longer compile (as after an upgrade to a stricter drill).
    const db = new Database(join(tmp.dir, 'rooms.db'));
    const broken: ScenarioSource = { entry: 'annotated.yaml', files: { 'annotated.yaml': 'id: [\n' } };
    db.prepare('UPDATE rooms SET scenario_source = ? WHERE id = ?').run(JSON.stringify(broken), own.room.id);
    db.close();

    const second = await start();
    expect(second.ownScenarioCompiles()).toBe(0);
    for (const [i, [token, lang]] of (
      [
        [member.token, 'zh-CN'],
        [member.token, 'zh-CN'],
        [own.trainerToken, 'en'],
        [member.token, 'zh-CN'],
      ] as const
    ).entries()) {
      const r = await hello(second.url, token, lang);
      const refused = r.frames.find((f) => f.t === 'refused');
      expect(refused?.t === 'refused' && refused.code, `hello ${i}: ${JSON.stringify(r.frames)}`).toBe(
        'unavailable',
      );
      expect(refused?.t === 'refused' && refused.reason).toMatch(lang === 'zh-CN' ? /剧本/ : /scenario/);
      expect(r.code).toBe(1013);
      expect(second.ownScenarioCompiles(), `after hello ${i}`).toBe(1);
    }
    const list = await api<RoomSummary[]>(second.url, '/api/rooms', { token: second.hostToken });
    expect(list.status).toBe(200);
    expect(list.body.map((r) => r.id)).not.toContain(own.room.id);
    const download = await api(second.url, `/api/rooms/${own.room.id}/transcripts/0`, {
      token: second.hostToken,
    });
    expect(download.status).toBe(404);
    expect(second.ownScenarioCompiles()).toBe(1);
  }, 120_000);
});
