import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { awaitBuilds, startBuild } from './background-build.ts';

// Each test has a marker folder of its own: the run's real one (node_modules/.cache/drill-builds) is
// awaited by the e2e and server files, which a failed probe build there would fail.
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = (): string => (dir = mkdtempSync(join(tmpdir(), 'drill-bg-build-')));

describe('builds in the background', () => {
  it('are awaited until their output is in place', async () => {
    const markers = fresh();
    const out = join(markers, 'out.txt');
    const build = startBuild(
      'probe',
      ['-e', 'setTimeout(() => {}, 300)'],
      markers,
      () => writeFileSync(out, 'built'),
      markers,
    );
    expect(existsSync(join(markers, 'probe.json'))).toBe(true);
    await awaitBuilds(markers);
    expect(readFileSync(out, 'utf8')).toBe('built');
    expect(existsSync(join(markers, 'probe.json'))).toBe(false);
    await build;
  });

  it('fail the files that wait, with what the build printed', async () => {
    const markers = fresh();
    await startBuild(
      'probe',
      ['-e', 'console.error("no vite here"); process.exit(3)'],
      markers,
      () => {},
      markers,
    );
    await expect(awaitBuilds(markers)).rejects.toThrow(
      /the probe build failed:\nprobe: exited with 3\nno vite here/,
    );
  });

  it('fail when the output cannot be put in place', async () => {
    const markers = fresh();
    const move = (): void => {
      throw new Error('rename: EXDEV');
    };
    await startBuild('probe', ['-e', ''], markers, move, markers);
    await expect(awaitBuilds(markers)).rejects.toThrow(/the probe build failed:\nprobe: rename: EXDEV/);
  });

  it('are not awaited when the run that started them is gone', async () => {
    const markers = fresh();
    // A pid above Linux's pid_max: no such process.
    writeFileSync(join(markers, 'web.json'), JSON.stringify({ pid: 2 ** 23 }));
    await awaitBuilds(markers);
  });
});
