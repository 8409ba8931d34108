// Is server/dist (server/build.mjs) built from the sources as they are now? The build records every
// source file it could have read — path, size and modification time, taken just before esbuild starts —
// in dist/sources.json; the bundle is fresh when the files are exactly those: any file added, removed, or
// with another size or modification time makes it stale ("any difference", not "newer": a system clock
// set back after a build dates later edits before the build, which a newer-than rule took for built).
// cli/bin/drill.mjs decides the same way for the `drill` bundle (cli/dist/drill.sources.json). A stale
// bundle makes the server and its threads run the TypeScript sources through tsx (slower to start,
// always current). Plain JavaScript: it runs before any TypeScript loader is registered.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** The folders the `drill` command's bundle (cli/dist) is built from, and its manifest beside it. */
export const CLI_SOURCES = ['cli/src', 'engine/src', 'scenarios/src', 'cohort/src', 'report/src'];
export const CLI_MANIFEST = 'drill.sources.json';

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
 * (node_modules and dist aside). The rule for a bundle built before the manifests (`builtFrom`), which
 * a clock set back can fool; kept so such a bundle is still judged, not run blindly.
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
 * Every file under the workspace folders `dirs` of `root` (node_modules and dist aside), and each of the
 * `extra` files, as "size:mtimeMs" by path relative to `root` (with `/`). A build takes it before it starts
 * (a file saved while it builds then differs) and `writeManifest` keeps what it was built from.
 */
export function snapshot(root, dirs, extra = []) {
  const files = {};
  eachFile(root, dirs, extra, (r, v) => {
    files[r] = v;
    return true;
  });
  return files;
}

/**
 * Calls `see(path, "size:mtimeMs")` for each file of `dirs` and `extra` under `root` (see `snapshot`);
 * stops, returning false, as soon as `see` does.
 */
function eachFile(root, dirs, extra, see) {
  const walk = (rel) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!walk(r)) return false;
      } else if (!see(r, stamp(join(root, r)))) return false;
    }
    return true;
  };
  for (const d of dirs) if (existsSync(join(root, d)) && !walk(d)) return false;
  for (const f of extra) if (existsSync(join(root, f)) && !see(f, stamp(join(root, f)))) return false;
  return true;
}

function stamp(p) {
  const st = statSync(p);
  return `${st.size}:${st.mtimeMs}`;
}

/** Writes the manifest `file`: the folders a bundle was built from and their files as `snap` saw them. */
export function writeManifest(file, dirs, snap, extra = []) {
  const inDirs = (p) => extra.includes(p) || dirs.some((d) => p.startsWith(`${d}/`));
  const files = Object.fromEntries(Object.entries(snap).filter(([p]) => inDirs(p)));
  writeFileSync(file, `${JSON.stringify({ dirs, extra, files })}\n`);
}

/**
 * Whether the sources under `root` are exactly those the manifest `file` recorded (see `snapshot`);
 * undefined when `file` is not such a manifest (missing, damaged, or a folder list from an older build).
 */
export function builtFrom(file, root) {
  let m;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (!m || !Array.isArray(m.dirs) || typeof m.files !== 'object' || m.files === null) return undefined;
  try {
    // Compared while walking: the first file that differs (or is new) ends it.
    let seen = 0;
    const same = eachFile(root, m.dirs, Array.isArray(m.extra) ? m.extra : [], (r, v) => {
      seen++;
      return Object.hasOwn(m.files, r) && m.files[r] === v;
    });
    return same && seen === Object.keys(m.files).length;
  } catch {
    return false; // a folder gone: the sources, always right
  }
}

/**
 * True when server/dist (or `dist`, a bundle folder two levels below its repository's root) is missing,
 * damaged, or not built from the sources as they are (see `builtFrom`). A folder list from an older
 * build is judged by the older rule (built after every change).
 */
export function bundleStale(dist = SERVER_DIST) {
  const root = join(dist, '..', '..');
  const list = join(dist, 'sources.json');
  if (!existsSync(list)) return true;
  const exact = builtFrom(list, root);
  if (exact !== undefined) return !exact;
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
