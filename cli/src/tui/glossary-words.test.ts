import { describe, expect, it } from 'vitest';
import { RATING_NAMES, TERMS, TIMELINESS } from '@drill/report';
import { strings } from './i18n.ts';

/** Every text a table holds: strings, list items, and what each phrase function gives for sample values. */
function texts(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'function') {
    try {
      return texts((v as (...a: unknown[]) => unknown)(2, 3, 4));
    } catch {
      return [];
    }
  }
  if (Array.isArray(v)) return v.flatMap(texts);
  if (v && typeof v === 'object') return Object.values(v).flatMap(texts);
  return [];
}

// The report glossary (report/src/glossary.ts) is the one source of the domain words: 延迟 is late,
// 错过时限 missed, 未触发 not reached; 超时 reads as either, so it is never used.
describe('the terminal speaks the glossary', () => {
  const zh = strings('zh-CN');

  it('uses the glossary words for timeliness and the default', () => {
    expect(zh.onTime).toBe(TIMELINESS['on-time']['zh-CN']);
    expect(zh.lateMark).toBe(TIMELINESS.late['zh-CN']);
    expect(zh.missed).toBe(TIMELINESS.missed['zh-CN']);
    expect(zh.notReached).toBe(TIMELINESS['not-reached']['zh-CN']);
    expect(zh.defaultTaken).toContain(TERMS.defaultTaken['zh-CN']);
    expect(zh.colleagueDefault).toContain(TERMS.defaultTaken['zh-CN']);
    expect(zh.unreached(2)).toContain(TIMELINESS['not-reached']['zh-CN']);
    expect(zh.help.join('')).toContain(TIMELINESS.late['zh-CN']);
    expect(zh.help.join('')).toContain(TIMELINESS.missed['zh-CN']);
  });

  it('has no word the glossary rules out in Chinese', () => {
    const all = texts(zh);
    expect(all.length).toBeGreaterThan(100);
    for (const banned of ['超时', '迟滞', '未到达'])
      expect(
        all.filter((w) => w.includes(banned)),
        banned,
      ).toEqual([]);
    // 错过 only as 错过时限, the glossary's "missed".
    expect(all.filter((w) => /错过(?!时限)/.test(w))).toEqual([]);
  });

  it('names the ratings as the reports do', () => {
    for (const r of ['P', 'S', 'M', 'U'] as const) {
      const head = RATING_NAMES[r]['zh-CN'].replace(/（.*$/, '');
      expect(zh.capabilities).toContain(`${r} ${head}`);
    }
  });
});
