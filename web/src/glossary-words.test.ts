import { describe, expect, it } from 'vitest';
import { cohortStrings } from '@drill/cohort';
import { TERMS, TIMELINESS } from '@drill/report';
import { STRINGS } from './i18n.ts';

/** Every text a table holds: strings, and what each phrase function gives for sample values. */
function texts(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'function') {
    try {
      return texts((v as (...a: unknown[]) => unknown)(2, 3, 4, 5, true, 6));
    } catch {
      return [];
    }
  }
  if (Array.isArray(v)) return v.flatMap(texts);
  if (v && typeof v === 'object') return Object.values(v).flatMap(texts);
  return [];
}

// One glossary (report/src/glossary.ts) for the terminal, the web app and the reports: 延迟 is late,
// 错过时限 missed; 超时 reads as either (the cohort report used it for "missed", the terminal for "late").
describe('the web app and the cohort report speak the glossary', () => {
  const web = STRINGS['zh-CN'];
  const cohort = cohortStrings('zh-CN');

  it('uses the glossary words for timeliness', () => {
    expect(web.timeliness_late).toBe(TIMELINESS.late['zh-CN']);
    expect(web.timeliness_missed).toBe(TIMELINESS.missed['zh-CN']);
    expect(web.notReached).toBe(TIMELINESS['not-reached']['zh-CN']);
    expect(web.missed).toContain(TIMELINESS.missed['zh-CN']);
    expect(web.missed).toContain(TERMS.defaultTaken['zh-CN']);
    expect(cohort.onTime).toBe(TIMELINESS['on-time']['zh-CN']);
    expect(cohort.late).toBe(TIMELINESS.late['zh-CN']);
    expect(cohort.missed).toBe(TIMELINESS.missed['zh-CN']);
  });

  it('has no word the glossary rules out in Chinese', () => {
    const all = [...texts(web), ...texts(cohort)];
    expect(all.length).toBeGreaterThan(300);
    for (const banned of ['超时', '迟滞', '未到达'])
      expect(
        all.filter((w) => w.includes(banned)),
        banned,
      ).toEqual([]);
    expect(all.filter((w) => /错过(?!时限)/.test(w))).toEqual([]);
  });
});
