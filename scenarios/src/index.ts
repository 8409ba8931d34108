/**
 * @drill/scenarios — the shipped scenario library and the file-reading shell around the engine's
 * pure compiler (the engine does no I/O; this package reads files and resolves includes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileScenario, type CompileResult, type Scenario } from '@drill/engine';

/** The folder holding the shipped scenario files. */
export const SCENARIO_DIR: string = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Shipped scenarios, in menu order. The first is the default. */
export const SHIPPED_IDS: readonly string[] = ['typhoon', 'flood', 'rainstorm', 'earthquake'];
export const DEFAULT_SCENARIO = 'typhoon';

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
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'file-not-found',
          file: path,
          line: 1,
          column: 1,
          path: '',
          message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        },
      ],
    };
  }
  return compileScenario({ path, text }, (from, inc) => {
    const p = isAbsolute(inc) ? inc : resolve(dirname(from), inc);
    try {
      return { path: p, text: readFileSync(p, 'utf8') };
    } catch {
      return undefined;
    }
  });
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
