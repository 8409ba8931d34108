import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { compileOwnScenario } from '../src/ownScenario.ts';
import type { ApiError, ScenarioSource } from '../src/protocol.ts';
import { ScenarioCompiler } from '../src/scenario-compiler.ts';
import { api, tempDir } from './kit.ts';
import { oneTeam, ownExample, ownTyphoon } from './fixtures/own-sources.ts';
import { processAlive } from '../src/process.ts';

// The largest scenario where its size matters (the thread's result against the main thread's, a compile
// long enough to overrun a limit); the 13 KB example, ten times quicker to compile, where it does not.
const typhoon = ownTyphoon();
const small = ownExample();
const broken: ScenarioSource = {
  entry: 'drill.yaml',
  files: { 'drill.yaml': 'id: x\ntitle: [\n' },
};

const compilers: ScenarioCompiler[] = [];
const servers: RoomServer[] = [];
const dirs: ReturnType<typeof tempDir>[] = [];
// Each test's compilers stop when it ends, as a server's does when it closes: an idle process is then
// handed to the next test's compiler (what a test checks is relative to the process it was given).
afterEach(async () => {
  for (const c of compilers.splice(0)) await c.stop();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const d of dirs) d.cleanup();
});
const compiler = (...a: ConstructorParameters<typeof ScenarioCompiler>): ScenarioCompiler => {
  const c = new ScenarioCompiler(...a);
  compilers.push(c);
  return c;
};

describe("the own-scenario compiler's thread", () => {
  it('gives what compiling on the main thread gives: the same scenario (hash and all), the same diagnostics', async () => {
    const c = compiler();
    const [good, bad] = await Promise.all([c.compile(typhoon), c.compile(broken)]);
    const here = compileOwnScenario(typhoon);
    expect(here.ok).toBe(true);
    expect(good).toEqual(here);
    expect(bad).toEqual(compileOwnScenario(broken));
    expect('diagnostics' in bad && bad.diagnostics.length).toBeGreaterThan(0);
  }, 120_000);

  it('compiles one at a time, lets a bounded number wait, refuses the rest as busy', async () => {
    const c = compiler({ timeoutMs: 60_000, maxWaiting: 1, heapMb: 512 });
    // All three are asked at once: the first runs (or waits for the process to be ready), the second
    // waits, the third is one too many.
    const outcomes = await Promise.all([c.compile(small), c.compile(broken), c.compile(small)]);
    expect(outcomes.map((o) => ('refused' in o ? o.refused : o.ok))).toEqual([true, false, 'busy']);
    // Once they are done it takes the next.
    expect(await c.compile(broken)).toMatchObject({ ok: false });
  }, 120_000);

  it('stops a compile that overruns its time limit, refuses it, and compiles the next on a fresh thread', async () => {
    const c = compiler({ timeoutMs: 60_000, maxWaiting: 2, heapMb: 512 });
    const asked = [c.compile(typhoon, 1), c.compile(small)];
    const first = c.pid;
    const [late, next] = await Promise.all(asked);
    expect(late).toEqual({ refused: 'timeout' });
    expect(next).toMatchObject({ ok: true });
    expect(c.pid).toBeDefined();
    expect(c.pid).not.toBe(first);
    expect(processAlive(first!)).toBe(false);
  }, 120_000);

  it("bounds the thread's heap: a compile that needs more is refused as failed, and this process lives on", async () => {
    // 8 MiB cannot even hold the engine and the YAML parser: the thread dies out of memory, as one
    // would on a file that makes the compiler build too much under the real 512 MiB.
    const c = compiler({ timeoutMs: 60_000, maxWaiting: 2, heapMb: 8 });
    expect(await c.compile(small)).toEqual({ refused: 'failed' });
    const roomy = compiler({ timeoutMs: 60_000, maxWaiting: 2, heapMb: 512 });
    expect(await roomy.compile(small)).toMatchObject({ ok: true });
  }, 120_000);
});

describe('one compiler process for many compiles', () => {
  it("keeps its process between compiles, and a stopped compiler's idle process serves the next compiler", async () => {
    const a = compiler();
    expect(await a.compile(small)).toMatchObject({ ok: true });
    const pid = a.pid!;
    expect(await a.compile(broken)).toMatchObject({ ok: false });
    expect(a.pid).toBe(pid);
    await a.stop();
    expect(processAlive(pid)).toBe(true);
    // The next server's compiler (same limits, same environment) takes it: no second start.
    const b = compiler();
    expect(await b.compile(broken)).toEqual(compileOwnScenario(broken));
    expect(b.pid).toBe(pid);
    // One stopped in the middle of a compile is killed with its compile, not handed on.
    const cut = b.compile(small);
    await b.stop();
    expect(await cut).toEqual({ refused: 'stopped' });
    expect(processAlive(pid)).toBe(false);
    const c = compiler();
    expect(await c.compile(small)).toMatchObject({ ok: true });
    expect(c.pid).not.toBe(pid);
  }, 120_000);

  it('gives a process grown past its heap allowance no further compile: the next runs on a fresh one', async () => {
    // An allowance of 1 MiB: every compile leaves more than that in use (the engine alone does).
    const c = compiler({ timeoutMs: 60_000, maxWaiting: 2, heapMb: 512, retireHeapMb: 1 });
    const first = c.compile(small);
    const pid = c.pid!;
    expect(await first).toMatchObject({ ok: true });
    expect(c.pid).toBeUndefined();
    expect(await c.compile(small)).toMatchObject({ ok: true });
    expect(processAlive(pid)).toBe(false);
  }, 120_000);
});

describe('room creation refused by the compiler', () => {
  it('says so in one sentence in the page language, and creates nothing', async () => {
    const d = tempDir();
    dirs.push(d);
    const s = await startRoomServer({
      dataDir: d.dir,
      port: 0,
      ownScenarioLimits: { timeoutMs: 1, maxWaiting: 0, heapMb: 512 },
    });
    servers.push(s);
    const body = oneTeam(typhoon, 's');
    const en = await api<ApiError>(s.url, '/api/rooms', { token: s.hostToken, body });
    expect(en.status).toBe(422);
    expect(en.body).toEqual({
      error: 'scenario-invalid',
      reason:
        'the scenario took longer than 0 s to compile and was stopped, so the room was not created: make it smaller (fewer or shorter files)',
    });
    const res = await fetch(new URL('/api/rooms', s.url), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${s.hostToken}`,
        'content-type': 'application/json',
        'accept-language': 'zh-CN',
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ApiError).reason).toMatch(/^想定编译超过0秒，已停止，房间未创建/);
    expect(s.store.rooms()).toEqual([]);
  }, 120_000);
});
