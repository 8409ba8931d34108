import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario, shippedScenarioIds } from '@drill/scenarios';
import { playInputs, type GoldenFile } from './golden.ts';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.golden.json'));

describe('golden transcripts', () => {
  it('every shipped scenario has a golden transcript', () => {
    const have = files.map((f) => f.replace('.golden.json', ''));
    expect(shippedScenarioIds().filter((id) => !have.includes(id))).toEqual([]);
  });

  for (const f of files) {
    const golden = JSON.parse(readFileSync(join(here, f), 'utf8')) as GoldenFile;
    describe(golden.scenario, () => {
      const scenario = loadScenario(golden.scenario);
      it('was recorded on the current scenario text (else regenerate: npx tsx test/golden/update.ts ' + golden.scenario + ')', () => {
        expect(scenario.contentHash).toBe(golden.contentHash);
      });
      for (const run of golden.runs) {
        it(`replaying the ${run.policy} playthrough (seed ${run.seed}) reproduces the recorded journal, state hashes and score`, () => {
          const got = playInputs(scenario, run.seed, run.inputs);
          expect(got.journal).toEqual(run.journal);
          expect(got.finalStateHash).toBe(run.finalStateHash);
          expect(got.ending).toBe(run.ending);
          expect(got.overall).toBe(run.overall);
        });
      }
    });
  }
});
