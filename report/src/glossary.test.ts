import { describe, expect, it } from 'vitest';
import {
  durationText,
  lateByText,
  RATING_NAMES,
  referenceTitle,
  scenarioTimeText,
  TERMS,
  TIMELINESS,
  timeLeftText,
} from './glossary.ts';
import { STRINGS } from './strings.ts';

describe('the glossary', () => {
  it('writes durations as words in both languages, never `30m`', () => {
    expect(timeLeftText(30, 'zh-CN')).toBe('还有30分钟');
    expect(timeLeftText(30, 'en')).toBe('30 min left');
    expect(durationText(150, 'zh-CN')).toBe('2小时30分钟');
    expect(durationText(120, 'en')).toBe('2 h');
    expect(lateByText(90, 'zh-CN')).toBe('延迟1小时30分钟');
  });

  it('writes scenario time without Latin units in Chinese', () => {
    expect(scenarioTimeText(-2400, 'zh-CN')).toBe('T0前40小时');
    expect(scenarioTimeText(150, 'zh-CN')).toBe('T0后2小时30分钟');
    expect(scenarioTimeText(-750, 'en')).toBe('T-12h30m');
    expect(scenarioTimeText(0, 'zh-CN')).toBe('T0');
  });

  it('counts long scenario clocks in days from a week on, in both languages', () => {
    // Below a week, hours (as operations rooms count them): typhoon warnings speak of 72 and 120 hours.
    expect(scenarioTimeText(-72 * 60, 'en')).toBe('T-72h');
    expect(scenarioTimeText(-72 * 60, 'zh-CN')).toBe('T0前72小时');
    expect(scenarioTimeText(167 * 60, 'en')).toBe('T+167h');
    expect(scenarioTimeText(169 * 60, 'en')).toBe('T+7d1h');
    expect(scenarioTimeText(169 * 60, 'zh-CN')).toBe('T0后7天1小时');
    expect(scenarioTimeText(-720 * 60, 'en')).toBe('T-30d');
    expect(scenarioTimeText(-720 * 60, 'zh-CN')).toBe('T0前30天');
    expect(scenarioTimeText(1934 * 60 + 30, 'en')).toBe('T+80d14h30m');
    expect(scenarioTimeText(1934 * 60 + 30, 'zh-CN')).toBe('T0后80天14小时30分钟');
    expect(scenarioTimeText(8 * 1440 + 5, 'zh-CN')).toBe('T0后8天5分钟');
    expect(durationText(8 * 1440 + 90, 'en')).toBe('8 d 1 h 30 min');
    expect(durationText(8 * 1440, 'zh-CN')).toBe('8天');
    expect(durationText(3 * 1440, 'zh-CN')).toBe('72小时');
    expect(lateByText(170 * 60, 'zh-CN')).toBe('延迟7天2小时');
    // No Latin letter in the Chinese forms.
    for (const t of [169 * 60, -720 * 60, 1934 * 60 + 30])
      expect(scenarioTimeText(t, 'zh-CN').slice(2)).not.toMatch(/[A-Za-z]/);
  });

  it('gives late and missed distinct words, and never the ambiguous 超时', () => {
    expect(TIMELINESS.late['zh-CN']).not.toBe(TIMELINESS.missed['zh-CN']);
    const all = [...Object.values(TIMELINESS), ...Object.values(TERMS)].map((t) => t['zh-CN']);
    expect(all.filter((w) => w.includes('超时'))).toEqual([]);
    expect(STRINGS['zh-CN'].timeliness.late).toBe(TIMELINESS.late['zh-CN']);
    expect(STRINGS['zh-CN'].ratingLong.P).toBe(RATING_NAMES.P['zh-CN']);
  });

  it('drops the English glosses of a doctrine title for Chinese readers', () => {
    const t = '《国家自然灾害救助应急预案》 国办函〔2024〕11号 (20 Jan 2024)';
    expect(referenceTitle(t, 'zh-CN')).toBe('《国家自然灾害救助应急预案》 国办函〔2024〕11号');
    expect(referenceTitle('《气象灾害预警信号发布与传播办法》 (2007)', 'zh-CN')).toBe(
      '《气象灾害预警信号发布与传播办法》（2007）',
    );
    expect(referenceTitle(t, 'en')).toBe(t);
  });

  it('has no English in the Chinese report strings, apart from the P/S/M/U letters and T0', () => {
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v);
      else if (typeof v === 'function') texts.push(String((v as (...a: unknown[]) => unknown)('原因', 3, 5)));
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(STRINGS['zh-CN']);
    const english = texts.map((t) => t.replace(/\b[PSMU]\b|T0|drill/g, '')).filter((t) => /[A-Za-z]/.test(t));
    expect(english).toEqual([]);
  });
});
