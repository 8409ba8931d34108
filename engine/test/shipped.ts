import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileScenario, formatDiagnostic, type Scenario } from '../src/index.ts';

/** The repository's scenario library. */
const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** Ids of the scenarios shipped in the library (its top-level YAML files), in file-name order. */
export const SHIPPED_IDS: readonly string[] = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

/** Scenarios compiled so far in this process, by id. */
const compiled = new Map<string, Scenario>();

/**
 * A shipped scenario compiled from its files, for engine tests that want a realistic scenario beside the
 * small fixture. The engine cannot depend on @drill/scenarios (which depends on it), and these files are
 * the repository's own, so includes are read plainly — the guarded loader is @drill/scenarios'.
 *
 * Compiled once per process: the engine project's files share one worker (isolate: false) and three of
 * them play typhoon, ~0.5 s of CPU per compile. The compiler freezes what it returns, so a test cannot
 * change the scenario another one gets; compiling itself is tested in compile.test.ts and by
 * @drill/scenarios' library tests.
 */
export function shippedScenario(id: string): Scenario {
  const hit = compiled.get(id);
  if (hit) return hit;
  const scenario = compileShipped(id);
  compiled.set(id, scenario);
  return scenario;
}

function compileShipped(id: string): Scenario {
  const path = resolve(SCENARIO_DIR, `${id}.yaml`);
  const r = compileScenario({ path, text: readFileSync(path, 'utf8') }, (from, inc) => {
    const p = resolve(dirname(from), inc);
    return { path: p, text: readFileSync(p, 'utf8') };
  });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return r.scenario;
}
