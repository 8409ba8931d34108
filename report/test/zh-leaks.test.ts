import { describe, expect, it } from 'vitest';
import { autoplay, soloParticipant } from '@drill/engine';
import { loadScenario, shippedScenarioIds } from '@drill/scenarios';
import {
  aarFromTranscript,
  buildDebrief,
  renderDebriefHtml,
  renderDebriefMarkdown,
  renderHtml,
  referenceTitle,
  renderMarkdown,
} from '../src/index.ts';

const typhoon = loadScenario('typhoon');
// A drill nobody named: the engine's defaults, participant `Player` on team `solo`, as `drill run`
// records them.
const t = autoplay(typhoon, {
  seed: 3,
  policy: 'random',
  participants: [soloParticipant()],
  startedAt: '2026-10-01T00:00:00.000Z',
}).transcript();
const r = aarFromTranscript(typhoon, t);
if (!r.ok) throw new Error(r.reason);
const aar = r.aar;
const debrief = buildDebrief(aar);

const documents = (lang: 'en' | 'zh-CN'): Record<string, string> => ({
  'AAR md': renderMarkdown(aar, lang),
  'AAR html': renderHtml(aar, lang),
  'debrief md': renderDebriefMarkdown(debrief, lang),
  'debrief html': renderDebriefHtml(debrief, lang),
});

// "决策人 Player" on every decision, "| Player | solo |" among the participants, "队伍：solo (Player)":
// the default names are English words, and a Chinese report showed them as recorded.
describe('the default participant and team names in a Chinese report', () => {
  for (const [what, text] of Object.entries(documents('zh-CN')))
    it(what, () => {
      expect(text.match(/\bPlayer\b|\bsolo\b/)?.[0]).toBeUndefined();
      expect(text).toContain('参演者');
    });

  it("name the engine's automatic player 自动参演者", () => {
    const auto = aarFromTranscript(
      typhoon,
      autoplay(typhoon, { seed: 3, policy: 'best', startedAt: '2026-10-01T00:00:00.000Z' }).transcript(),
    );
    if (!auto.ok) throw new Error(auto.reason);
    const md = renderMarkdown(auto.aar, 'zh-CN');
    expect(md).not.toContain('Auto player');
    expect(md).toContain('自动参演者');
  });

  it('stay as recorded in English', () => {
    for (const text of Object.values(documents('en'))) expect(text).toContain('Player');
  });
});

// "最终评定: **U**", "关键任务:", "依据文件: …", "(得分率 100%)": English punctuation after Chinese words.
describe('the Chinese AAR in Markdown punctuates in Chinese', () => {
  it('has no ASCII colon or bracket after a Chinese label', () => {
    const md = renderMarkdown(aar, 'zh-CN');
    const lines = md.split('\n').filter((l) => /[\u4e00-\u9fff）]:(?: |$)|[\u4e00-\u9fff] \(/.test(l));
    expect(lines).toEqual([]);
  });
});

// "安置点 ×2 truckloads" in the zh AAR and `drill review`; 依据文件 lines such as "Widely copied typhoon
// response-level scheme…" or "Fujian provincial flood-control HQ reports on Typhoon Doksuri…": scenario
// content the format could only hold in English.
describe('scenario content cited in a Chinese report', () => {
  it('the allocation of relief supplies counts its unit in Chinese', () => {
    const md = renderMarkdown(aar, 'zh-CN');
    expect(md).not.toContain('truckloads');
    expect(md).toMatch(/×\d+车/);
    expect(renderMarkdown(aar, 'en')).toMatch(/×\d+ truckloads/);
  });

  for (const id of shippedScenarioIds())
    it(`${id}: every doctrine title reads in Chinese (a standard's code such as GB 51143-2015 aside)`, () => {
      const s = loadScenario(id);
      const english = s.references
        .map((ref) => referenceTitle(ref.title, 'zh-CN'))
        .filter((title) => /[A-Za-z]/.test(title.replace(/GB \d+-\d+/, '')));
      expect(english).toEqual([]);
      // English readers keep the citation as it was written.
      for (const ref of s.references) expect(referenceTitle(ref.title, 'en')).toMatch(/\S/);
    });
});
