// Regenerates golden transcripts: npx tsx test/golden/update.ts [id...]  (default: every shipped scenario)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, shippedScenarioIds } from '@drill/scenarios';
import { makeGolden } from './golden.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ids = process.argv.slice(2).length ? process.argv.slice(2) : shippedScenarioIds();
for (const id of ids) {
  const g = makeGolden(loadScenario(id));
  writeFileSync(join(here, `${id}.golden.json`), `${JSON.stringify(g, null, 1)}\n`);
  console.log(`${id}: ${g.runs.map((r) => `${r.policy}/${r.seed} ${r.inputs.length} inputs, score ${r.overall}`).join('; ')}`);
}
