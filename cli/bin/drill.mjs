#!/usr/bin/env node
// The drill command. Runs the bundled build when it is up to date (fast start-up), else the
// TypeScript sources through tsx (always correct, a little slower to start).
import { existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, '..', 'dist', 'drill.mjs');

// The later of a file's modification and status-change times: the system sets ctime on every write,
// rename or link and nothing sets it back, where `cp -p`, `tar x` or a restored backup keep an old mtime.
function changed(p) {
  const st = statSync(p);
  return Math.max(st.mtimeMs, st.ctimeMs);
}

// Folders count too: a source deleted or moved away changes its folder, not any file left.
function newestSource(dir) {
  let newest = changed(dir);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : changed(p));
  }
  return newest;
}

let useBundle = false;
if (existsSync(bundle) && !process.env.DRILL_FROM_SOURCE) {
  const built = statSync(bundle).mtimeMs;
  const root = join(here, '..', '..');
  useBundle = ['cli/src', 'engine/src', 'scenarios/src', 'cohort/src', 'report/src'].every(
    (d) => newestSource(join(root, d)) <= built,
  );
}
if (useBundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(here, '..', 'src', 'main.ts')).href);
}
