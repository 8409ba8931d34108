// Builds that run beside the first test files instead of before them.
//
// Vitest runs every project's global set-up before any test file starts, so a build there delays every
// project, even those that never use what it builds (the in-process engine, report, scenarios and web
// tests need neither the built web app nor the server bundle). The global set-ups start these builds
// with `startBuild` and do not wait; the files that use what they build wait with `awaitBuilds`, a
// setup file of the projects that need them (test/tools/await-builds.ts; vitest.config.ts). In a whole
// run those files start long after the builds end, so nothing waits.
//
// Each build is announced by a marker file (node_modules/.cache/drill-builds/<name>.json, holding the
// pid of the vitest process that started it) while it runs; the marker goes when the build has put its
// output in place, and holds the build's output when it failed, for the waiting files to report.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processAlive } from '@drill/server/process';

const MARKERS = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'drill-builds');

interface Marker {
  pid: number;
  /** What the build printed, when it failed. */
  failed?: string;
}

/**
 * Runs `node args…` in `cwd` in the background under `name`, then `done()` (which moves the output into
 * place); resolves when all that is over, never rejects (a failure is written in the marker).
 */
export function startBuild(
  name: string,
  args: string[],
  cwd: string,
  done: () => void = () => {},
  markers = MARKERS,
): Promise<void> {
  const marker = join(markers, `${name}.json`);
  mkdirSync(markers, { recursive: true });
  const write = (m: Marker): void => writeFileSync(marker, JSON.stringify(m));
  write({ pid: process.pid });
  return new Promise((resolve) => {
    let text = '';
    const fail = (why: string): void => {
      write({ pid: process.pid, failed: `${why}\n${text}`.trim() });
      resolve();
    };
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b: Buffer) => (text += b.toString()));
    child.stderr.on('data', (b: Buffer) => (text += b.toString()));
    child.on('error', (e) => fail(e.message));
    child.on('close', (code, signal) => {
      if (code !== 0) return fail(`${name}: exited with ${code ?? signal}`);
      try {
        done();
      } catch (e) {
        return fail(`${name}: ${(e as Error).message}`);
      }
      rmSync(marker, { force: true });
      resolve();
    });
  });
}

/** Forgets a marker a killed run may have left (the global set-up calls it before deciding to build). */
export function clearBuild(name: string, markers = MARKERS): void {
  rmSync(join(markers, `${name}.json`), { force: true });
}

function read(file: string): Marker | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Marker;
  } catch {
    return undefined; // no build under way (or the marker went between the listing and the read)
  }
}

/** Resolves when no build is under way; rejects with a build's output when one failed. */
export async function awaitBuilds(markers = MARKERS): Promise<void> {
  const files = existsSync(markers) ? readdirSync(markers).filter((f) => f.endsWith('.json')) : [];
  for (const f of files) {
    for (let m = read(join(markers, f)); m; m = read(join(markers, f))) {
      if (m.failed !== undefined) throw new Error(`the ${f.slice(0, -5)} build failed:\n${m.failed}`);
      if (!processAlive(m.pid)) break; // left by a run that was killed: nothing to wait for
      await sleep(100);
    }
  }
}
