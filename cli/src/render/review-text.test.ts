import { describe, expect, it } from 'vitest';
import { autoplay, Session, type Transcript } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { aarFor } from '../commands/report.ts';
import { renderReview } from './review-text.ts';
import { makeStyle } from './style.ts';

const typhoon = loadScenario('typhoon');
const played = autoplay(typhoon, {
  seed: 3,
  policy: 'random',
  startedAt: '2026-10-01T00:00:00.000Z',
}).transcript();
// An evaluator's override, so the override lines are drawn too.
const resumed = Session.resume(typhoon, structuredClone(played));
if ('error' in resumed) throw new Error(resumed.error);
const capability = typhoon.capabilities[0]!.id;
expect(
  resumed.apply({
    type: 'override',
    capability,
    subject: { kind: 'overall' },
    rating: 'S',
    note: '复核后调整',
  }).ok,
).toBe(true);
const amended = structuredClone(resumed.transcript()) as Transcript;
const review = (lang: 'en' | 'zh-CN'): string =>
  renderReview(aarFor('run.json', amended, typhoon), lang, makeStyle(false), 100);

// `drill review` in Chinese wrote "能力: x", "得分: 41.2/100 (决策 …)", "参演者 (单人: …)": ASCII colons,
// brackets and semicolons after Chinese words.
describe('drill review in Chinese', () => {
  it('takes Chinese punctuation after Chinese words', () => {
    const text = review('zh-CN');
    expect(text).toContain('评估员调整：');
    const ascii = text.match(/[\u4e00-\u9fff）](?:: |\s?\(|; )/g);
    expect(ascii, text).toBeNull();
  });

  it('keeps English punctuation in English', () => {
    const text = review('en');
    expect(text).toMatch(/Overall score: \d+\.\d\/100 \(Decisions/);
    expect(text).not.toMatch(/[：（）；]/);
  });
});
