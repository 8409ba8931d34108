import { describe, expect, it } from 'vitest';
import { parseClockCell, parseTimeCell, formatT0 } from './times.ts';

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
    });
    expect(parseTimeCell('72')).toEqual({
      kind: 'error',
      message: 'time "72" has no unit: did you mean T-72h?',
    });
    expect(parseTimeCell(48)).toEqual({
      kind: 'error',
      message: 'time "48" has no unit: did you mean T-48h?',
    });
    expect(parseTimeCell('T+6')).toEqual({
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
