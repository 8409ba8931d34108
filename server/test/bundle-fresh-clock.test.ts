/**
 * A bundle is fresh only while the sources are exactly those its build recorded (path, size and
 * modification time of every file, taken before the build began): any difference makes it stale, so a
 * system clock set back after a build — which dates later edits before the build — cannot hide an edit
 * behind an old bundle, as the "built after the last change" rule did. The server's bundle and the
 * `drill` command's (cli/dist/drill.sources.json) are judged by the same functions.
 */
import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtFrom, bundleStale, freshBundle, snapshot, writeManifest } from '../src/bundle-fresh.mjs';
import { tempDir } from './kit.ts';

const dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.cleanup();
});

const DIRS = ['engine/src', 'server/src'];

/** A repository with two source folders and a server/dist whose manifest was written as a build writes it. */
function built(): { root: string; dist: string; write: (rel: string, text: string, at?: number) => void } {
  const t = tempDir();
  dirs.push(t);
  const root = t.dir;
  const write = (rel: string, text: string, at?: number): void => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    if (at !== undefined) utimesSync(p, at, at);
  };
  write('server/src/main.ts', 'main', 1_700_000_000);
  write('server/src/deep/room.ts', 'room', 1_700_000_000);
  write('engine/src/index.ts', 'index', 1_700_000_000);
  write('pnpm-lock.yaml', 'lock: 1', 1_700_000_000);
  const dist = join(root, 'server', 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'main.mjs'), 'bundle');
  const snap = snapshot(root, [...DIRS, 'cli/src'], ['pnpm-lock.yaml']);
  writeManifest(join(dist, 'sources.json'), DIRS, snap, ['pnpm-lock.yaml']);
  return { root, dist, write };
}

describe('freshness is "the same sources", not "built later"', () => {
  it('is fresh right after the build', () => {
    const { dist } = built();
    expect(bundleStale(dist)).toBe(false);
    expect(freshBundle('main.mjs', dist)).toBe(join(dist, 'main.mjs'));
  });

  it('an edit dated before the build (the clock set back after it) makes it stale', () => {
    const { dist, write } = built();
    // The manifest dated far ahead of anything (the build ran before the clock went back): the old rule
    // (every source changed no later than the manifest) called this fresh.
    utimesSync(join(dist, 'sources.json'), 1_900_000_000, 1_900_000_000);
    write('server/src/deep/room.ts', 'ROOM', 1_600_000_000); // same size, dated years before the build
    expect(statSync(join(dist, 'sources.json')).mtimeMs).toBeGreaterThan(Date.now());
    expect(bundleStale(dist)).toBe(true);
    expect(freshBundle('main.mjs', dist)).toBeUndefined();
  });

  it('a file added, deleted, or of another size at the same time makes it stale; so does an install', () => {
    const cases: ((b: ReturnType<typeof built>) => void)[] = [
      (b) => b.write('engine/src/new.ts', 'x', 1_700_000_000),
      (b) => rmSync(join(b.root, 'server/src/deep/room.ts')),
      (b) => b.write('engine/src/index.ts', 'index!', 1_700_000_000),
      (b) => b.write('pnpm-lock.yaml', 'lock: 22', 1_700_000_000),
      (b) => rmSync(join(b.root, 'engine/src'), { recursive: true }),
    ];
    for (const [i, change] of cases.entries()) {
      const b = built();
      change(b);
      expect(bundleStale(b.dist), `case ${i}`).toBe(true);
    }
  });

  it('a file saved while the build ran (after its snapshot) makes it stale', () => {
    const t = tempDir();
    dirs.push(t);
    const p = join(t.dir, 'cli/src/main.ts');
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, 'a');
    utimesSync(p, 1_700_000_000, 1_700_000_000);
    const snap = snapshot(t.dir, ['cli/src']);
    writeFileSync(p, 'b'); // esbuild may have read either
    writeManifest(join(t.dir, 'm.json'), ['cli/src'], snap);
    expect(builtFrom(join(t.dir, 'm.json'), t.dir)).toBe(false);
  });

  it('ignores folders it was not built from, node_modules and dist; a non-manifest says undefined', () => {
    const { root, dist, write } = built();
    write('cli/src/other.ts', 'x');
    write('server/src/node_modules/x/index.js', 'x');
    write('engine/src/dist/out.js', 'x');
    expect(bundleStale(dist)).toBe(false);
    writeFileSync(join(root, 'not.json'), '{ nope');
    expect(builtFrom(join(root, 'not.json'), root)).toBeUndefined();
    expect(builtFrom(join(root, 'missing.json'), root)).toBeUndefined();
  });
});
