import { describe, expect, it } from 'vitest';
import {
  civilTimeAt,
  formatScenarioTime,
  parseDuration,
  parseScenarioTime,
  withUnitGuessed,
} from '../src/time.ts';

describe('scenario time', () => {
  it('parses T-relative times and durations', () => {
    expect(parseScenarioTime('T-48h')).toBe(-2880);
    expect(parseScenarioTime('T+2h30m')).toBe(150);
    expect(parseScenarioTime('T0')).toBe(0);
    expect(parseScenarioTime('T-1d6h')).toBe(-1800);
    expect(parseScenarioTime('48h')).toBeUndefined();
    expect(parseScenarioTime('T-4x')).toBeUndefined();
    expect(parseDuration('90m')).toBe(90);
    expect(parseDuration('')).toBeUndefined();
  });
  it('formats and parses back the same minute', () => {
    for (const m of [-4320, -1110, -1, 0, 1, 61, 2880])
      expect(parseScenarioTime(formatScenarioTime(m))).toBe(m);
  });
  it('computes the wall-clock time and weekday without the platform clock', () => {
    // 2025-08-28 was a Thursday.
    expect(civilTimeAt('2025-08-28T14:00', 0)).toEqual({
      year: 2025,
      month: 8,
      day: 28,
      hour: 14,
      minute: 0,
      weekday: 4,
    });
    expect(civilTimeAt('2025-08-28T14:00', -18 * 60)).toEqual({
      year: 2025,
      month: 8,
      day: 27,
      hour: 20,
      minute: 0,
      weekday: 3,
    });
    expect(civilTimeAt('2024-02-28T23:30', 60)).toEqual({
      year: 2024,
      month: 2,
      day: 29,
      hour: 0,
      minute: 30,
      weekday: 4,
    });
    expect(civilTimeAt('2025-12-31T23:00', 120)).toMatchObject({ year: 2026, month: 1, day: 1, hour: 1 });
  });
});

describe('a time without a unit', () => {
  it('is read with the unit it most likely lacks', () => {
    expect(withUnitGuessed('T-72')).toBe('T-72h');
    expect(withUnitGuessed(' T+6 ')).toBe('T+6h');
    expect(withUnitGuessed('+30')).toBe('+30h');
    expect(withUnitGuessed('T-2h30')).toBe('T-2h30m');
    expect(withUnitGuessed('T-1d6')).toBe('T-1d6h');
  });
  it('leaves times with units, T0 and other text alone', () => {
    for (const t of ['T-72h', 'T0', 'T+2h30m', '+2h', '72', 'T-6x', 'T-'])
      expect(withUnitGuessed(t)).toBeUndefined();
  });
});
