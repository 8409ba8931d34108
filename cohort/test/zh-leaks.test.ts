import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, localize } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { analyseCohort, renderCohort, type CohortReport, type ScenarioLookup } from '../src/index.ts';
import { generateCohort } from './generate.ts';

const typhoon = loadScenario('typhoon');
const lookup: ScenarioLookup = (id, hash) =>
  id === 'typhoon' && hash === typhoon.contentHash ? typhoon : undefined;

let report: CohortReport;
beforeAll(() => {
  const runs = generateCohort(typhoon, [
    { policy: 'random', seed: 1, name: 'A' },
    { policy: 'worst', seed: 2, name: 'B' },
  ]);
  report = analyseCohort(
    runs.map((r) => ({ file: r.file, text: canonicalJson(r.transcript) })),
    lookup,
  );
});

// The typhoon's prompts show live values (`海上仍有渔船{boats_at_sea}`); a cohort pools runs whose values
// differ, and printed the placeholder itself — a variable's id in the middle of a Chinese sentence.
describe('the cohort report prints no raw {variable}', () => {
  const raw = /\{[a-z][a-z0-9_]*\}/;
  const boatsName = (lang: 'en' | 'zh-CN'): string =>
    localize(typhoon.variables.find((v) => v.id === 'boats_at_sea')!.name, lang);

  for (const format of ['md', 'html', 'csv'] as const)
    for (const lang of ['en', 'zh-CN'] as const)
      it(`${format}, ${lang}`, () => {
        // Markdown escapes brackets and underscores: read it as a reader sees it.
        const text = renderCohort(report, format, lang).replace(/\\([[\]_])/g, '$1');
        expect(text.match(raw)?.[0]).toBeUndefined();
        expect(text).toContain(lang === 'zh-CN' ? `【${boatsName(lang)}】` : `[${boatsName(lang)}]`);
      });
});
