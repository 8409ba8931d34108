import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verify, type TableCommand, type Transcript } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import type { RoomClient } from '../src/client.ts';
import { transcriptPath } from '../src/protocol.ts';
import {
  answerOpen,
  api,
  connect,
  createRoom,
  join as joinRoom,
  latestView,
  settled,
  tempDir,
} from './kit.ts';
import { DRILL_PROCESS, kill9, ServerProcesses, type Listening } from './fixtures/server-process.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const tmp = tempDir();
const servers = new ServerProcesses();

/** Starts the server as its own process (as `drill serve` would run it) and reads its first line. */
async function spawnServer(port: number): Promise<Listening> {
  const s = await servers.listening(['--port', String(port), '--data', tmp.dir]);
  expect(s.unresumed).toEqual([]);
  return s;
}

afterAll(() => {
  servers.killAll();
  tmp.cleanup();
});

describe('crash: kill -9 mid-drill, restart, reconnect, finish, verify', () => {
  it('loses nothing and every team transcript verifies', async () => {
    let s = await spawnServer(0);
    const port = Number(new URL(s.url).port);
    const room = await createRoom(s.url, s.hostToken, {
      scenario: 'typhoon',
      seed: 'crash-1',
      lang: 'en',
      mode: 'parallel',
      teams: [
        { name: 'Red', roles: [] },
        { name: 'Blue', roles: [] },
      ],
    });
    const red = await connect(s.url, (await joinRoom(s.url, room.room.code, 'Red', 'Rae')).token);
    const blue = await connect(s.url, (await joinRoom(s.url, room.room.code, 'Blue', 'Bo')).token);
    const trainer = await connect(s.url, room.trainerToken);
    const all: RoomClient[] = [trainer, red, blue];
    const members = [
      { c: red, team: 'Red' },
      { c: blue, team: 'Blue' },
    ];
    const acked: number[] = [];
    const run = async (c: RoomClient, cmd: TableCommand): Promise<void> => {
      const r = await c.command(cmd, { retryStale: 5 });
      if (r.t === 'ack') {
        acked.push(r.seq);
        await settled(all, r.seq);
      }
    };
    await run(trainer, { type: 'start' });
    const sc = loadScenario('typhoon');
    const half = (sc.clock.start + sc.clock.end) / 2;
    let decided = 0;
    for (let i = 0; i < 200 && latestView(trainer).clock < half; i++) {
      decided += await answerOpen(members);
      await run(trainer, { type: 'next' });
    }
    expect(decided).toBeGreaterThan(2);
    const download = async (base: string, i: number): Promise<Transcript> => {
      const r = await api<Transcript>(base, transcriptPath(room.room.id, i), { token: room.trainerToken });
      expect(r.status).toBe(200);
      return r.body;
    };
    const before = [await download(s.url, 0), await download(s.url, 1)];
    const seqBefore = latestView(trainer).seq;

    // One more input in flight as the server dies: it is either committed or resent after the restart.
    // Like the steps before it, it waits out the connection's rate limit if the loop above spent it (the
    // limiter, not the crash, answered it in one run of six).
    // Its deadline covers the restart: a server process starting on a loaded machine (load 20 on two cores)
    // took longer than the client's default 30 s in two whole runs of the project.
    const inFlight = trainer.command({ type: 'next' }, { retryStale: 5, timeoutMs: 90_000 });
    await kill9(s.proc);
    s = await spawnServer(port);
    await Promise.all(all.map((c) => c.next((f) => f.t === 'welcome', 20_000)));
    const flight = await inFlight;
    expect(flight, JSON.stringify(flight)).toMatchObject({ t: 'ack' });
    const after = [await download(s.url, 0), await download(s.url, 1)];
    for (const i of [0, 1]) {
      // Everything before the crash is there, entry for entry (same state hashes).
      expect(after[i]!.entries.slice(0, before[i]!.entries.length)).toEqual(before[i]!.entries);
    }
    expect(latestView(trainer).seq).toBeGreaterThanOrEqual(seqBefore);
    expect(Math.max(...acked)).toBeLessThanOrEqual(latestView(trainer).seq);

    // Finish the drill over the reconnected sockets.
    for (let i = 0; i < 400 && latestView(trainer).phase === 'running'; i++) {
      decided += await answerOpen(members);
      await run(trainer, { type: 'next' });
    }
    if (latestView(trainer).phase === 'running') await run(trainer, { type: 'end' });
    expect(latestView(trainer).phase).toBe('debrief');
    const rooms = await api<{ id: string; status: string }[]>(s.url, '/api/rooms', { token: s.hostToken });
    expect(rooms.body.find((r) => r.id === room.room.id)?.status).toBe('finished');

    for (const i of [0, 1]) {
      const t = await download(s.url, i);
      expect(t.result).toBeDefined();
      const v = verify(sc, t);
      expect(v.ok).toBe(true);
      if (i === 0) {
        // And once through the command people use.
        const file = join(tmp.dir, 'red.json');
        writeFileSync(file, JSON.stringify(t));
        const cli = spawnSync(process.execPath, [...DRILL_PROCESS, 'verify', file], {
          cwd: repo,
          encoding: 'utf8',
        });
        expect(cli.status, cli.stdout + cli.stderr).toBe(0);
        expect(cli.stdout).toMatch(/^OK/);
      }
    }
    for (const c of all) c.close();
    s.proc.kill('SIGTERM');
  }, 240_000);
});
