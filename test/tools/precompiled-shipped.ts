// A setup file of every project: lets the tests use the shipped scenarios the `drill` bundle precompiled
// (cli/dist/scenarios.precompiled.json) instead of compiling them again in every worker, while the bundle
// is built from exactly the sources the tests run — the rule cli/bin/drill.mjs runs the bundle by
// (@drill/server/bundle-fresh) — and each entry still matches the scenario's files byte for byte (the
// check every precompiled entry passes, scenarios/src/precompiled-core.ts). A worker that loads the five
// shipped scenarios compiled them from YAML first: ~3–4 s of CPU, in each of a dozen workers. In a whole
// run the global set-up has built the bundle when stale; a project run alone with a stale bundle
// compiles the YAML, as before. The compiler itself stays tested on the shipped files: loadScenarioFile
// always compiles (lint, the library and precompiled tests), and scenarios/test/precompiled.test.ts and
// test/reliability/precompiled-bundle.test.ts check that a precompiled scenario is the compiled one.
// DRILL_TEST_COMPILE_SHIPPED=1 turns it off (every worker compiles the YAML, as before): for a before/after.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtFrom, CLI_MANIFEST } from '@drill/server/bundle-fresh';
import { adoptPrecompiled } from '@drill/scenarios/src/precompiled.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'cli', 'dist');

// Once per worker (a worker runs many files, each loading this file again): the entries are read, and the
// bundle's freshness judged, only when a test first loads a scenario.
const g = globalThis as { drillAdoptedPrecompiled?: boolean };
if (!g.drillAdoptedPrecompiled && !process.env.DRILL_TEST_COMPILE_SHIPPED) {
  g.drillAdoptedPrecompiled = true;
  adoptPrecompiled(() => {
    const file = join(DIST, 'scenarios.precompiled.json');
    if (!existsSync(file) || builtFrom(join(DIST, CLI_MANIFEST), ROOT) !== true) return [];
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  });
}
