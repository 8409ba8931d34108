import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, resolveScenarioPath, SHIPPED_IDS } from '@drill/scenarios';
import { precompiledScenario } from '../../scenarios/src/precompiled.ts';

// The bundle the spawned-CLI tests run (built by the global setup) carries every shipped scenario
// compiled; each must be exactly what compiling its YAML gives now.
const ROOT = join(import.meta.dirname, '..', '..');

describe('the drill bundle’s precompiled scenarios', () => {
  const entries = JSON.parse(
    readFileSync(join(ROOT, 'cli', 'dist', 'scenarios.precompiled.json'), 'utf8'),
  ) as unknown;

  it.each([...SHIPPED_IDS])('%s is precompiled and equal to compiling its YAML', (id) => {
    const path = resolveScenarioPath(id);
    const pre = precompiledScenario(path, entries);
    const r = loadScenarioFile(path);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(pre).toStrictEqual(r.scenario);
    expect(JSON.stringify(pre)).toBe(JSON.stringify(r.scenario));
  });
});
