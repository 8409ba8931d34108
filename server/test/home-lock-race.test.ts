import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { HomeLock } from '../src/home.ts';
import { tempDir } from './kit.ts';
import { bundledFixture } from './fixtures/server-process.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const tmp = tempDir();
const live: ChildProcess[] = [];
// The racer's script, bundled with home.ts once for the file (twelve racers start from it).
const built = tempDir();
const lockTaker = await bundledFixture(join(repo, 'server', 'test', 'fixtures', 'lock-taker.ts'), built.dir);

interface Taker {
  proc: ChildProcess;
  lines: Interface;
  next(): Promise<string>;
}

/** A process racing for tmp's lock, once it has loaded (so every racer starts its attempt at once). */
async function taker(): Promise<Taker> {
  const proc = spawn(process.execPath, [lockTaker, tmp.dir], {
    cwd: repo,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  live.push(proc);
  const lines = createInterface({ input: proc.stdout! });
  const queue: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  lines.on('line', (l) => {
    const w = waiting.shift();
    if (w) w(l);
    else queue.push(l);
  });
  const t: Taker = {
    proc,
    lines,
    next: () => {
      const q = queue.shift();
      return q !== undefined ? Promise.resolve(q) : new Promise((ok) => waiting.push(ok));
    },
  };
  expect(await t.next()).toMatch(/^ready /);
  return t;
}

const killed = (p: ChildProcess): Promise<void> =>
  new Promise((ok) => {
    if (p.exitCode !== null || p.signalCode !== null) return ok();
    p.once('exit', () => ok());
    p.kill('SIGKILL');
  });

afterAll(async () => {
  await Promise.all(live.map(killed));
  tmp.cleanup();
  built.cleanup();
});

describe('the data folder lock under racing servers', () => {
  it('is refused to a second taker in the same process until released, with one sentence and no advice to delete files', () => {
    const own = tempDir();
    try {
      const a = HomeLock.take(own.dir);
      let err: unknown;
      try {
        HomeLock.take(own.dir).release();
      } catch (e) {
        err = e;
      }
      expect((err as NodeJS.ErrnoException).code).toBe('EDRILLLOCKED');
      expect((err as Error).message).toBe(
        `another drill server is using ${own.dir} (process ${process.pid}, still starting): stop it first, or give this one another DRILL_HOME`,
      );
      a.release();
      HomeLock.take(own.dir).release();
    } finally {
      own.cleanup();
    }
  });

  it('exactly one of several processes racing for it wins, round after round of kill -9 of the winner', async () => {
    const RACERS = 6;
    const ROUNDS = 6;
    const racers = await Promise.all(Array.from({ length: RACERS }, () => taker()));
    for (let round = 0; round < ROUNDS; round++) {
      // Everyone is told at once; each answers once.
      for (const r of racers) r.proc.stdin!.write('take\n');
      const answers = await Promise.all(racers.map((r) => r.next()));
      const winners = racers.filter((_, i) => answers[i]!.startsWith('got '));
      expect(winners.length, `round ${round}: ${answers.join(', ')}`).toBe(1);
      for (const a of answers) if (a.startsWith('refused ')) expect(a).toMatch(/ EDRILLLOCKED$/);
      // The winner dies without a chance to clean up; a fresh process takes its place in the race.
      const w = winners[0]!;
      await killed(w.proc);
      racers.splice(racers.indexOf(w), 1, await taker());
    }
  }, 120_000);
});
