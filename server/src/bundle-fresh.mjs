// Is server/dist (server/build.mjs) built from the sources as they are now? True when it exists and is
// newer than every file in the workspace folders it was built from (dist/sources.json), as
// cli/bin/drill.mjs decides for the `drill` bundle: an edited source makes the bundle stale, and the
// server and its threads then run the TypeScript sources through tsx (slower to start, always current).
// Plain JavaScript: it runs before any TypeScript loader is registered.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

function newest(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    n = Math.max(n, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
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
    return !dirs.every((d) => newest(join(root, d)) <= built);
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
