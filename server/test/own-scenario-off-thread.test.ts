import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '@drill/scenarios';
import type { RoomClient } from '../src/client.ts';
import type { ApiError, CreatedRoom, ScenarioSource } from '../src/protocol.ts';
import { api, connect, createRoom, join as joinRoom, tempDir } from './kit.ts';
import { SERVER_PROCESS } from './fixtures/server-process.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const tmp = tempDir();
let proc: ChildProcess | undefined;
const clients: RoomClient[] = [];

afterAll(() => {
  for (const c of clients) c.close();
  proc?.kill('SIGKILL');
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
async function startServer(): Promise<{ url: string; hostToken: string }> {
  proc = spawn(process.execPath, [...SERVER_PROCESS, '--port', '0'], {
    cwd: repo,
    env: { ...process.env, DRILL_HOME: tmp.dir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((ok, fail) => {
    createInterface({ input: proc!.stdout! }).once('line', ok);
    proc!.once('exit', (code) => fail(new Error(`server exited ${code}`)));
  });
  return JSON.parse(line) as { url: string; hostToken: string };
}

describe("a trainer's own scenario is compiled off the server's main thread", () => {
  it("another room's inputs are answered while a large own scenario compiles", async () => {
    const { url, hostToken } = await startServer();
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

    // The creation of a room from the large own scenario, and meanwhile a member of the other room
    // sending input after input (each refused at once: a member may not end the drill), one at a time.
    let created: { status: number; body: CreatedRoom | ApiError } | undefined;
    const creation = api<CreatedRoom | ApiError>(url, '/api/rooms', {
      token: hostToken,
      body: {
        scenario: ownTyphoon(),
        seed: 'own',
        lang: 'en',
        mode: 'roles',
        teams: [{ name: 'Red', roles: ['all'] }],
      },
    }).then((r) => (created = r));
    let answeredDuring = 0;
    while (created === undefined) {
      const r = await member.command({ type: 'end' }, { timeoutMs: 60_000 });
      // Answered by the server's main thread either way (past its rate limit: "wait and try again").
      expect(['trainer-only', 'rate-limited']).toContain(r.t === 'refused' && r.code);
      if (created === undefined) answeredDuring++;
    }
    await creation;
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // On the main thread the compile (0.3 s idle, seconds under load) held every other socket: at most
    // the inputs that arrived while the request's body was still uploading were answered before it.
    expect(answeredDuring).toBeGreaterThanOrEqual(5);
  }, 180_000);
});
