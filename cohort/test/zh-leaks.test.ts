import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, localize } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import {
  analyseCohort,
  cohortStrings,
  renderCohort,
  type CohortReport,
  type ScenarioLookup,
} from '../src/index.ts';
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
  // One run tampered with after the drill, one file cut short: both left out, with the reason.
  const tampered = structuredClone(runs[0]!.transcript);
  tampered.result!.score.overall = 99.5;
  report = analyseCohort(
    [
      ...runs.map((r) => ({ file: r.file, text: canonicalJson(r.transcript) })),
      { file: 'tampered.json', text: canonicalJson(tampered) },
      { file: 'cut.json', text: canonicalJson(tampered).slice(0, 300) },
    ],
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

// The reasons a file was left out came from verify in English: "校验未通过: the recorded score differs…".
describe('the cohort report says why a file was left out in Chinese', () => {
  for (const format of ['md', 'html'] as const)
    it(format, () => {
      const text = renderCohort(report, format, 'zh-CN');
      expect(report.excluded.map((x) => x.file)).toEqual(['cut.json', 'tampered.json']);
      expect(text).toContain('记录的得分与重新计算的不同');
      expect(text).toContain('不是有效的 JSON');
      expect(text).not.toMatch(/recorded score|not valid JSON|verification failed/);
      expect(text).not.toMatch(/校验未通过: /);
    });
});

// Chinese headings ended "— relief\_response" and the modes read 自动（random）: the format's ids and the
// policy's name as typed, in a document for people.
describe('the Chinese cohort report names decisions and automatic players in words', () => {
  const ids = typhoon.decisions.map((d) => d.id);
  it('md', () => {
    const md = renderCohort(report, 'md', 'zh-CN').replace(/\\_/g, '_');
    const headings = md.split('\n').filter((l) => l.startsWith('#### '));
    expect(headings.length).toBeGreaterThan(0);
    for (const l of headings) for (const id of ids) expect(l, l).not.toContain(id);
    // The modes line, for runs recorded with `--auto` (this cohort's generated runs record none).
    expect(cohortStrings('zh-CN').mode('auto:random')).toBe('自动（随机选择）');
    expect(cohortStrings('zh-CN').mode('auto:worst')).toBe('自动（最差）');
  });
  it('html', () => {
    const html = renderCohort(report, 'html', 'zh-CN');
    expect(html).toContain('<section class="decision"><h4>');
    expect(html).not.toMatch(/<h4>[^<]*<code>/);
  });
  it('English keeps the ids beside the titles', () => {
    const md = renderCohort(report, 'md', 'en').replace(/\\_/g, '_');
    expect(md).toMatch(new RegExp(`^#### .* — (${ids.join('|')})$`, 'm'));
    expect(cohortStrings('en').mode('auto:random')).toBe('automatic (random policy)');
  });
});
