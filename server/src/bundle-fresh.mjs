// Is server/dist (server/build.mjs) built from the sources as they are now? True when it exists and is
// newer than every file in the workspace folders it was built from (dist/sources.json), as
// cli/bin/drill.mjs decides for the `drill` bundle: an edited source makes the bundle stale, and the
// server and its threads then run the TypeScript sources through tsx (slower to start, always current).
// Plain JavaScript: it runs before any TypeScript loader is registered.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/**
 * When a file or folder last changed: the later of its modification time and its status-change time.
 * The status-change time (ctime) is set by the system to "now" on every write, rename or link, and no
 * tool can set it back, where the modification time is kept by `cp -p`, `tar x`, `rsync -a` or a restored
 * backup: an older copy of a source put back with its old time would otherwise pass for built.
 */
function changed(p) {
  const st = statSync(p);
  return Math.max(st.mtimeMs, st.ctimeMs);
}

/**
 * The last change under `dir`, folders included: a file deleted or moved away changes its folder
 * (node_modules and dist aside). The one freshness rule for both bundles: this one and the `drill`
 * command's (cli/bin/drill.mjs).
 */
export function lastChange(dir) {
  let n = changed(dir);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    n = Math.max(n, e.isDirectory() ? lastChange(p) : changed(p));
  }
  return n;
}

/**
 * True when server/dist (or `dist`, a bundle folder two levels below its repository's root) is missing,
 * damaged, or older than a file it was built from.
 */
export function bundleStale(dist = SERVER_DIST) {
  const root = join(dist, '..', '..');
  const list = join(dist, 'sources.json');
  if (!existsSync(list)) return true;
  try {
    const built = statSync(list).mtimeMs;
    const dirs = JSON.parse(readFileSync(list, 'utf8'));
    // The bundled dependencies (fastify, ws, yaml…) are what pnpm-lock.yaml pins: an install changes it.
    const lock = join(root, 'pnpm-lock.yaml');
    if (existsSync(lock) && changed(lock) > built) return true;
    return !dirs.every((d) => lastChange(join(root, d)) <= built);
  } catch {
    return true; // a damaged list or a folder gone: the sources, always right
  }
}

/** The bundled file `name` (e.g. main.mjs) when the bundle is fresh; undefined when not (or DRILL_FROM_SOURCE is set). */
export function freshBundle(name, dist = SERVER_DIST) {
  if (process.env.DRILL_FROM_SOURCE) return undefined;
  const file = join(dist, name);
  return existsSync(file) && !bundleStale(dist) ? file : undefined;
}
