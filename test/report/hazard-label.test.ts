import { describe, expect, it } from 'vitest';
import { HAZARD_NAMES, HAZARDS, type Scenario } from '@drill/engine';
import { renderHtml, renderMarkdown } from '@drill/report';
import { loadScenario } from '@drill/scenarios';
import { aarOf, autoTranscript } from './fixtures.ts';

const typhoon = loadScenario('typhoon');
const t = autoTranscript(typhoon, '7', 'random');

/** The typhoon drill as if its author had called it something else (the replay does not read the hazard). */
function as(hazard: Scenario['hazard'], hazardLabel?: Scenario['hazardLabel']): Scenario {
  return { ...typhoon, hazard, ...(hazardLabel ? { hazardLabel } : {}) };
}

describe('reports name the hazard as the scenario does', () => {
  it('every hazard has a name in both languages', () => {
    for (const h of HAZARDS) {
      expect(HAZARD_NAMES[h].en).toMatch(/^[A-Z]/);
      expect(HAZARD_NAMES[h]['zh-CN']).toMatch(/^\p{Script=Han}+$/u);
    }
  });

  it('a hurricane is a hurricane, not a typhoon', () => {
    const aar = aarOf(as('hurricane'), t);
    expect(renderMarkdown(aar, 'en')).toContain('| Hazard | Hurricane |');
    expect(renderMarkdown(aar, 'zh-CN')).toContain('| 灾种 | 飓风 |');
    expect(renderHtml(aar, 'en')).toContain('<p class="sub">Hurricane · ');
  });

  it('the free label replaces the hazard name wherever the report names the hazard', () => {
    const label = { en: 'Hurricane Delia (Category 3)', 'zh-CN': '三级飓风“迪莉娅”' };
    const aar = aarOf(as('hurricane', label), t);
    expect(aar.exercise.hazardLabel).toEqual(label);
    for (const lang of ['en', 'zh-CN'] as const) {
      const md = renderMarkdown(aar, lang);
      const html = renderHtml(aar, lang);
      expect(md).toContain(`| ${lang === 'en' ? 'Hazard' : '灾种'} | ${label[lang]} |`);
      expect(html).toContain(`<p class="sub">${label[lang]} · `);
      expect(md).not.toContain(HAZARD_NAMES.hurricane[lang] + ' |');
    }
  });
});
