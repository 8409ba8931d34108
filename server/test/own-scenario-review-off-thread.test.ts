/**
 * A finished room that plays a trainer's own scenario, first opened for review after a server restart,
 * compiles that scenario on the compiler thread: the other rooms' members keep getting answers while it
 * does, and a frame sent right behind the hello waits for the room instead of being refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '@drill/scenarios';
import type { RoomClient } from '../src/client.ts';
import { WS_PATH, type ScenarioSource, type ServerFrame } from '../src/protocol.ts';
import { connect, createRoom, join as joinRoom, tempDir } from './kit.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const tmp = tempDir();
const procs: ChildProcess[] = [];
const clients: RoomClient[] = [];
const sockets: WebSocket[] = [];

afterAll(() => {
  for (const c of clients) c.close();
  for (const s of sockets) s.terminate();
  for (const p of procs) p.kill('SIGKILL');
  tmp.cleanup();
});

/** The shipped typhoon (145 KB of YAML) sent as a trainer's own scenario. */
function ownTyphoon(): ScenarioSource {
  const read = (p: string): string => readFileSync(join(SCENARIO_DIR, p), 'utf8');
  return {
    entry: 'drill.yaml',
    files: {
      'drill.yaml': read('typhoon.yaml'),
      'typhoon/approach.yaml': read('typhoon/approach.yaml'),
      'typhoon/landfall.yaml': read('typhoon/landfall.yaml'),
    },
  };
}

/** The room server as its own process (the test's thread must not share its event loop). */
async function startServer(): Promise<{ proc: ChildProcess; url: string; hostToken: string }> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', join(repo, 'server', 'src', 'main.ts'), '--port', '0', '--no-view-worker'],
    { cwd: repo, env: { ...process.env, DRILL_HOME: tmp.dir }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  procs.push(proc);
  const line = await new Promise<string>((ok, fail) => {
    createInterface({ input: proc.stdout! }).once('line', ok);
    proc.once('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  return { proc, ...(JSON.parse(line) as { url: string; hostToken: string }) };
}

describe('a finished own-scenario room opened for review after a restart', () => {
  it("compiles off the main thread: another room's member is answered meanwhile, and a frame right behind the hello is answered after it", async () => {
    const first = await startServer();
    const own = await createRoom(first.url, first.hostToken, {
      scenario: ownTyphoon(),
      seed: 'own-review',
      lang: 'en',
      mode: 'roles',
      teams: [{ name: 'Red', roles: ['all'] }],
    });
    const trainer = await connect(first.url, own.trainerToken);
    clients.push(trainer);
    expect((await trainer.command({ type: 'start' })).t).toBe('ack');
    const ended = await trainer.command({ type: 'end' });
    expect(ended.t, JSON.stringify(ended)).toBe('ack');
    trainer.close();
    await new Promise<void>((ok) => {
      first.proc.once('exit', () => ok());
      first.proc.kill('SIGKILL');
    });

    const { url, hostToken } = await startServer();
    // The other room, its member connected (a shipped scenario: nothing to compile for it).
    const other = await createRoom(url, hostToken, {
      scenario: 'typhoon',
      seed: 'other-room',
      lang: 'en',
      mode: 'roles',
      teams: [{ name: 'Red', roles: ['all'] }],
    });
    const j = await joinRoom(url, other.room.code, 'Red', 'Ana');
    const member = await connect(url, j.token);
    clients.push(member);

    // The trainer opens the finished room (nothing has loaded it since the restart): the hello, and
    // right behind it a command, before any answer.
    const ws = new WebSocket(new URL(WS_PATH, url.replace(/^http/, 'ws')));
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
    ws.send(JSON.stringify({ t: 'hello', token: own.trainerToken, tab: 'review-tab' }));
    ws.send(JSON.stringify({ t: 'cmd', cseq: 1, command: { type: 'end' } }));

    let answeredDuring = 0;
    while (!welcomed) {
      const r = await member.command({ type: 'end' }, { timeoutMs: 60_000 });
      // Answered by the server's main thread either way (past its rate limit: "wait and try again").
      expect(['trainer-only', 'rate-limited']).toContain(r.t === 'refused' && r.code);
      if (!welcomed) answeredDuring++;
    }
    await answered;
    const welcome = frames.find((f) => f.t === 'welcome');
    expect(welcome?.t === 'welcome' && welcome.view.seq).toBe(ended.t === 'ack' && ended.seq);
    // The command sent behind the hello was taken up after it: answered for what it is (the drill has
    // already ended), not refused for want of a hello.
    const answer = frames.find((f) => (f.t === 'refused' || f.t === 'ack') && f.cseq === 1);
    expect(frames.indexOf(answer!)).toBeGreaterThan(frames.indexOf(welcome!));
    expect(answer?.t === 'refused' && answer.code).not.toBe('unauthorised');
    // On the main thread the compile (0.3 s idle, seconds under load) held every other socket: the
    // member's next answer came only after the welcome.
    expect(answeredDuring).toBeGreaterThanOrEqual(5);
  }, 180_000);
});
