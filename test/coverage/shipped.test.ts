import { join } from 'node:path';
import { formatDiagnostic } from '@drill/engine';
import { loadScenario, SCENARIO_DIR, shippedScenarioIds } from '@drill/scenarios';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../cli/src/commands/lint.ts';
import { runCoverage } from '../../cli/src/coverage/run-coverage.ts';

/**
 * CI's gate on the scenario library: every shipped scenario present passes `lint --strict`, and a
 * modest coverage run reaches every decision point and every ending, with the best player scoring above
 * the random one and the random one above the worst.
 */
// DRILL_COVERAGE_RUNS overrides it (e.g. a quick local check).
const RUNS = Number(process.env.DRILL_COVERAGE_RUNS ?? 300);
const ids = shippedScenarioIds();

describe.each(ids)('shipped scenario %s', (id) => {
  it('passes lint --strict (no warnings)', () => {
    const r = lintFile(join(SCENARIO_DIR, `${id}.yaml`));
    expect(r.compiled).toBe(true);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it(`coverage (${RUNS} runs): every decision point and ending reached, best > random > worst, no engine error`, async () => {
    const { report } = await runCoverage(loadScenario(id), { runs: RUNS, seed: 'ci' });
    expect(report.errors.map((e) => `${e.seed} ${e.policy}: ${e.message}`)).toEqual([]);
    expect(report.never.decisions).toEqual([]);
    expect(report.never.endings).toEqual([]);
    const { best, random, worst } = report.scores;
    expect(best!.mean).toBeGreaterThan(random!.mean);
    expect(random!.mean).toBeGreaterThan(worst!.mean);
  }, 600_000);
});

it('covers at least the first shipped scenario', () => expect(ids).toContain('typhoon'));
