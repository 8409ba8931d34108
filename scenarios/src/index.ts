/**
 * @drill/scenarios — the shipped scenario library and the file-reading shell around the engine's
 * pure compiler (the engine does no I/O; this package reads files and resolves includes).
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compileScenario,
  SCENARIO_LIMITS,
  type CompileResult,
  type ReadInclude,
  type Scenario,
} from '@drill/engine';
import { fileNotFound, SHIPPED_IDS } from './library.ts';

/** The folder holding the shipped scenario files. */
export const SCENARIO_DIR: string = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export { SHIPPED_IDS, DEFAULT_SCENARIO, compileFromFiles, libraryPath } from './library.ts';

/** Ids of the shipped scenarios whose file is present. */
export function shippedScenarioIds(): string[] {
  return SHIPPED_IDS.filter((id) => existsSync(resolve(SCENARIO_DIR, `${id}.yaml`)));
}

/** Compiles a scenario file from disk, reading included files relative to the including one. */
export function loadScenarioFile(path: string): CompileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fileNotFound(
      path,
      `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  return compileScenario({ path, text }, readIncludeWithin());
}

/** The most bytes an included file may have: the compiler's character limit, in UTF-8 at worst. */
const MAX_INCLUDE_BYTES = SCENARIO_LIMITS.fileChars * 4;

/**
 * How the loader reads `include`: only regular files inside the folder tree of the scenario that names
 * them (after resolving symbolic links), and no larger than a scenario file may be. Anything else —
 * `/etc/passwd`, `../secrets.yaml`, `/dev/zero`, a folder — is refused with a reason, unread.
 */
export function readIncludeWithin(): ReadInclude {
  return (from, inc) => {
    const shown = isAbsolute(inc) ? inc : resolve(dirname(from), inc);
    let root: string;
    let target: string;
    try {
      root = dirname(realpathSync(from));
      target = realpathSync(shown);
    } catch {
      return undefined;
    }
    const rel = relative(root, target);
    if (rel.startsWith('..') || isAbsolute(rel)) return { refused: 'it is outside this scenario’s folder' };
    let fd: number | undefined;
    try {
      fd = openSync(target, 'r');
      const st = fstatSync(fd);
      if (!st.isFile()) return { refused: 'it is not a regular file' };
      if (st.size > MAX_INCLUDE_BYTES) return { refused: `it is larger than ${MAX_INCLUDE_BYTES} bytes` };
      // Read at most the limit plus one byte, whatever the file claims: it may grow while we read.
      const buf = Buffer.alloc(Math.min(st.size, MAX_INCLUDE_BYTES) + 1);
      let n = 0;
      for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
      if (n > MAX_INCLUDE_BYTES) return { refused: `it is larger than ${MAX_INCLUDE_BYTES} bytes` };
      return { path: shown, text: buf.subarray(0, n).toString('utf8') };
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}

/** A shipped id (`typhoon`) or a path to a YAML file. */
export function resolveScenarioPath(idOrPath: string, cwd: string = process.cwd()): string {
  if (SHIPPED_IDS.includes(idOrPath)) return resolve(SCENARIO_DIR, `${idOrPath}.yaml`);
  return resolve(cwd, idOrPath);
}

const cache = new Map<string, Scenario>();

/** Loads a shipped scenario or a file, throwing with every diagnostic when it is broken (for tests and tools). */
export function loadScenario(idOrPath: string, cwd?: string): Scenario {
  const path = resolveScenarioPath(idOrPath, cwd);
  const hit = cache.get(path);
  if (hit) return hit;
  const r = loadScenarioFile(path);
  if (!r.ok)
    throw new Error(
      `scenario ${idOrPath} is broken:\n${r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n')}`,
    );
  cache.set(path, r.scenario);
  return r.scenario;
}
