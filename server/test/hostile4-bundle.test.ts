/**
 * Hostile review (seventh session): changes to the sources that leave every file's modification time at
 * or before the bundle's build must still make server/dist stale — a source deleted or moved away (its
 * importers untouched: the sources no longer run, the bundle would), an older copy put back with its old
 * time (`cp -p`, `tar x`, `rsync -a`, a restored backup), and a change of the bundled dependencies
 * (pnpm-lock.yaml). The fixture repository is real files; the bundle is judged as the server's processes
 * and threads judge it; the `drill` command's entry (cli/bin/drill.mjs) is run as a process on a copy of
 * itself in such a repository, its bundle and its sources each saying which one ran.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleStale } from '../src/bundle-fresh.mjs';
import { tempDir } from './kit.ts';

const dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.cleanup();
});

const OLD = 1_000; // seconds since 1970: long before any build

/** Sources written now with an old modification time, then a bundle built after them. */
async function built(): Promise<{ root: string; dist: string }> {
  const t = tempDir();
  dirs.push(t);
  const root = t.dir;
  const write = (rel: string, text: string): void => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    utimesSync(p, OLD, OLD);
  };
  write('server/src/main.ts', "import './words.ts';\n");
  write('server/src/words.ts', 'export const w = 1;\n');
  write('engine/src/index.ts', 'export const e = 1;\n');
  write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
  // A file's times have a clock tick's resolution: let one pass so the build is strictly later.
  await new Promise((ok) => setTimeout(ok, 30));
  const dist = join(root, 'server', 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'main.mjs'), '');
  writeFileSync(join(dist, 'sources.json'), '["engine/src","server/src"]\n');
  await new Promise((ok) => setTimeout(ok, 30));
  return { root, dist };
}

describe('a change that leaves modification times old still makes the server bundle stale', () => {
  it('is fresh when nothing changed after the build', async () => {
    const { dist } = await built();
    expect(bundleStale(dist)).toBe(false);
  });

  it('a source deleted', async () => {
    const { root, dist } = await built();
    rmSync(join(root, 'server', 'src', 'words.ts'));
    expect(bundleStale(dist)).toBe(true);
  });

  it('a source moved away (its time kept)', async () => {
    const { root, dist } = await built();
    renameSync(join(root, 'server', 'src', 'words.ts'), join(root, 'words.ts.bak'));
    expect(bundleStale(dist)).toBe(true);
  });

  it('an older copy put back with its old time (cp -p, tar x, a restored backup)', async () => {
    const { root, dist } = await built();
    const backup = join(root, 'index.ts.orig');
    writeFileSync(backup, 'export const e = 0; // the old version\n');
    utimesSync(backup, OLD, OLD);
    copyFileSync(backup, join(root, 'engine', 'src', 'index.ts'));
    utimesSync(join(root, 'engine', 'src', 'index.ts'), OLD, OLD);
    expect(bundleStale(dist)).toBe(true);
  });

  it('the bundled dependencies changed (pnpm-lock.yaml rewritten by pnpm install)', async () => {
    const { root, dist } = await built();
    writeFileSync(join(root, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n# fastify upgraded\n");
    expect(bundleStale(dist)).toBe(true);
  });
});

const repo = resolve(import.meta.dirname, '..', '..');

/** A repository holding cli/bin/drill.mjs, a bundle printing "bundle" built after sources printing "sources". */
async function cliBuilt(): Promise<{ root: string; run: () => string }> {
  const t = tempDir();
  dirs.push(t);
  const root = t.dir;
  const write = (rel: string, text: string): void => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    utimesSync(p, OLD, OLD);
  };
  mkdirSync(join(root, 'cli', 'bin'), { recursive: true });
  copyFileSync(join(repo, 'cli', 'bin', 'drill.mjs'), join(root, 'cli', 'bin', 'drill.mjs'));
  // tsx, for the sources' way, from the real installation.
  symlinkSync(join(repo, 'cli', 'node_modules'), join(root, 'cli', 'node_modules'));
  write('cli/package.json', '{ "type": "module" }\n');
  write('cli/src/main.ts', "import './words.ts';\nprocess.stdout.write('sources');\n");
  write('cli/src/words.ts', 'export const w = 1;\n');
  for (const d of ['engine', 'scenarios', 'cohort', 'report']) write(`${d}/src/index.ts`, 'export {};\n');
  await new Promise((ok) => setTimeout(ok, 30));
  mkdirSync(join(root, 'cli', 'dist'));
  writeFileSync(join(root, 'cli', 'dist', 'drill.mjs'), "process.stdout.write('bundle');\n");
  await new Promise((ok) => setTimeout(ok, 30));
  const run = (): string =>
    execFileSync(process.execPath, [join(root, 'cli', 'bin', 'drill.mjs')], {
      env: { ...process.env, DRILL_FROM_SOURCE: '' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  return { root, run };
}

describe('`drill` (cli/bin/drill.mjs) does not run a bundle older than a change to its sources', () => {
  it('runs the bundle when nothing changed after the build', async () => {
    const { run } = await cliBuilt();
    expect(run()).toBe('bundle');
  });

  it('runs the sources after a source is deleted (the sources then fail, as they should)', async () => {
    const { root, run } = await cliBuilt();
    rmSync(join(root, 'cli', 'src', 'words.ts'));
    expect(run).toThrow(/words\.ts/);
  });

  it('runs the sources after an older copy of a source is put back with its old time', async () => {
    const { root, run } = await cliBuilt();
    writeFileSync(join(root, 'cli', 'src', 'main.ts'), "process.stdout.write('sources');\n");
    utimesSync(join(root, 'cli', 'src', 'main.ts'), OLD, OLD);
    expect(run()).toBe('sources');
  });
});
