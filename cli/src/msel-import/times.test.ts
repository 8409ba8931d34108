import { describe, expect, it } from 'vitest';
import { scenarioTimeText } from '@drill/report';
import { formatScenarioTime } from '@drill/engine';
import { parseClockCell, parseDueText, parseTimeCell, formatT0 } from './times.ts';

describe('MSEL time cells', () => {
  it('reads scenario times as trainers write them', () => {
    const at = (v: string): number | undefined => {
      const t = parseTimeCell(v);
      return t.kind === 'at' ? t.minutes : undefined;
    };
    expect(at('T-72h')).toBe(-72 * 60);
    expect(at('T+1h30m')).toBe(90);
    expect(at('T0')).toBe(0);
    expect(at('t-1d6h')).toBe(-(1440 + 360));
    expect(at('T - 72 h')).toBe(-72 * 60);
    expect(at('Ｔ－７２ｈ')).toBe(-72 * 60); // full-width, as a Chinese input method types it
    expect(at('T−3h')).toBe(-180); // a typographic minus
    expect(at('T-72小时')).toBe(-72 * 60);
    expect(at('T+30分钟')).toBe(30);
    expect(at('H-72')).toBe(-72 * 60);
    expect(at('H+3')).toBe(180);
    expect(at('D-3')).toBe(-3 * 1440);
    expect(at('-72h')).toBe(-72 * 60);
    expect(parseTimeCell('T-12h (when river_m > 5)')).toEqual({
      kind: 'at',
      minutes: -720,
      trigger: 'when river_m > 5',
    });
  });

  it('reads the Chinese MSEL’s times in words, and both notations in any sheet', () => {
    const at = (v: string): number | undefined => {
      const t = parseTimeCell(v);
      return t.kind === 'at' ? t.minutes : undefined;
    };
    expect(at('T0前48小时')).toBe(-48 * 60);
    expect(at('T0后2小时30分钟')).toBe(150);
    expect(at('T0前30天')).toBe(-30 * 1440);
    expect(at('T0 前 8 天 2 小时')).toBe(-(8 * 1440 + 120));
    expect(parseTimeCell('T0前12小时（条件 水位高于（汛限）水位）')).toEqual({
      kind: 'at',
      minutes: -720,
      trigger: '条件 水位高于（汛限）水位',
    });
    // Every time the MSEL writes, in either language, reads back to itself.
    for (const m of [-43200, -11640, -2880, -90, -5, 0, 5, 150, 1440, 20160])
      for (const text of [formatScenarioTime(m), scenarioTimeText(m, 'zh-CN'), scenarioTimeText(m, 'en')])
        expect(at(text), text).toBe(m);
  });

  it('reads a deadline as a time or as a length after the decision opens', () => {
    expect(parseDueText('T-71h')).toEqual({ abs: -71 * 60 });
    expect(parseDueText('T0前71小时')).toEqual({ abs: -71 * 60 });
    expect(parseDueText('+1h30m')).toEqual({ rel: 90 });
    expect(parseDueText('开始后1小时30分钟')).toEqual({ rel: 90 });
    expect(parseDueText('soon')).toBeUndefined();
    expect(parseDueText('+0m')).toBeUndefined();
  });

  it('knows a cell with no fixed time from a mistake', () => {
    expect(parseTimeCell(undefined)).toEqual({ kind: 'none' });
    expect(parseTimeCell('—')).toEqual({ kind: 'none' });
    expect(parseTimeCell('follow-up of warn.call_answer +1h')).toEqual({
      kind: 'none',
      trigger: 'follow-up of warn.call_answer +1h',
    });
    expect(parseTimeCell('条件 river_m > 5')).toMatchObject({ kind: 'none' });
  });

  it('refuses a number without a unit, saying what it probably means', () => {
    expect(parseTimeCell('T-72')).toEqual({
      kind: 'error',
      message: 'time "T-72" has no unit: did you mean T-72h?',
      zh: '时间“T-72”没有单位：是不是 T-72h？',
    });
    expect(parseTimeCell('72')).toMatchObject({
      kind: 'error',
      message: 'time "72" has no unit: did you mean T-72h?',
    });
    expect(parseTimeCell(48)).toMatchObject({
      kind: 'error',
      message: 'time "48" has no unit: did you mean T-48h?',
    });
    expect(parseTimeCell('T+6')).toMatchObject({
      kind: 'error',
      message: 'time "T+6" has no unit: did you mean T+6h?',
    });
    expect(parseTimeCell('noon')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('"noon" is not a scenario time'),
    });
    expect(parseTimeCell(new Date(Date.UTC(2025, 6, 4, 8)))).toMatchObject({ kind: 'error' });
  });

  it('reads local times and gives T0 back in the scenario’s form', () => {
    const m = parseClockCell('2025-07-04 08:00')!;
    expect(formatT0(m + 4 * 60)).toBe('2025-07-04T12:00');
    expect(parseClockCell('2025年7月4日 8:00')).toBe(m);
    expect(parseClockCell(new Date(Date.UTC(2025, 6, 4, 8)))).toBe(m);
    expect(parseClockCell('tomorrow')).toBeUndefined();
  });
});

describe('a decision row’s expected-action cell', () => {
  it('gives the kind, each role and the deadline, in either language; prose is not a deadline', async () => {
    const { readExpected } = await import('./decisions.ts');
    expect(readExpected('Decide (one option), due +1h')).toEqual({
      kind: 'single',
      each: false,
      due: { rel: 60 },
    });
    expect(readExpected('决策（多选），时限：T0前2小时')).toEqual({
      kind: 'multi',
      each: false,
      due: { abs: -120 },
    });
    expect(readExpected('Discuss (each role answers), due T-71h')).toEqual({
      kind: 'discuss',
      each: true,
      due: { abs: -71 * 60 },
    });
    expect(readExpected('研讨（各岗位分别作答）')).toEqual({ kind: 'discuss', each: true });
    expect(readExpected('Evacuate the valley due to the flooding')).toEqual({ each: false });
    expect(readExpected('Decide, due T-3')).toEqual({ kind: undefined, each: false, badDue: 'T-3' });
  });
});
