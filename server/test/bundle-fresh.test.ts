/**
 * When the server's processes and threads may run the bundle (server/dist) instead of the sources: only
 * when it was built after the last change to every file of the folders it was built from, as the `drill`
 * bundle is judged (cli/bin/drill.mjs). A stale bundle must never hide a change to the sources.
 */
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundleStale, freshBundle } from '../src/bundle-fresh.mjs';
import { tempDir } from './kit.ts';

const dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const d of dirs.splice(0)) d.cleanup();
});

// Times below are seconds after this one: a file's status-change time (which the check also reads, and
// no tool can set back) is now, so the fixture's times must not be in the past.
const T = Math.ceil(Date.now() / 1000);

/** A repository with server/src and engine/src, and a server/dist built at time T + `built` (seconds). */
function repo(built: number): { root: string; dist: string; touch: (rel: string, at: number) => void } {
  const t = tempDir();
  dirs.push(t);
  const root = t.dir;
  const touch = (rel: string, at: number): void => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, 'x');
    utimesSync(p, T + at, T + at);
  };
  touch('server/src/main.ts', 1000);
  touch('server/src/deep/room.ts', 1000);
  touch('engine/src/index.ts', 1000);
  const dist = join(root, 'server', 'dist');
  touch('server/dist/main.mjs', built);
  writeFileSync(join(dist, 'sources.json'), '["engine/src","server/src"]\n');
  utimesSync(join(dist, 'sources.json'), T + built, T + built);
  return { root, dist, touch };
}

describe('the server bundle is used only when built from the current sources', () => {
  it('is fresh when built after every source, and names the bundled file', () => {
    const { dist } = repo(2000);
    expect(bundleStale(dist)).toBe(false);
    expect(freshBundle('main.mjs', dist)).toBe(join(dist, 'main.mjs'));
    expect(freshBundle('view-worker.mjs', dist)).toBeUndefined(); // not built: the sources
  });

  it('is stale once any file of a listed folder, however deep, is newer', () => {
    for (const edited of ['server/src/deep/room.ts', 'engine/src/index.ts', 'engine/src/new-file.ts']) {
      const { dist, touch } = repo(2000);
      touch(edited, 3000);
      expect(bundleStale(dist), edited).toBe(true);
      expect(freshBundle('main.mjs', dist), edited).toBeUndefined();
    }
  });

  it('ignores folders it was not built from, and node_modules and dist inside them', () => {
    const { dist, touch } = repo(2000);
    touch('web/src/app.tsx', 3000);
    touch('server/src/node_modules/x/index.js', 3000);
    touch('engine/src/dist/x.js', 3000);
    expect(bundleStale(dist)).toBe(false);
  });

  it('is stale with a damaged list of sources, or one naming a folder that is gone, or none', () => {
    for (const list of ['', '["engine/src"', '["engine/src","report/src"]']) {
      const { dist } = repo(2000);
      const file = join(dist, 'sources.json');
      writeFileSync(file, list);
      utimesSync(file, T + 2000, T + 2000);
      expect(bundleStale(dist), list).toBe(true);
    }
    const { dist } = repo(2000);
    rmSync(join(dist, 'sources.json'));
    expect(bundleStale(dist)).toBe(true);
  });

  it('is not used when DRILL_FROM_SOURCE is set', () => {
    const { dist } = repo(2000);
    vi.stubEnv('DRILL_FROM_SOURCE', '1');
    expect(freshBundle('main.mjs', dist)).toBeUndefined();
  });
});
