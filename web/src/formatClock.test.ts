import { describe, expect, it } from 'vitest';
import type { Scenario } from '@drill/engine';
import { clockLabel, clockParts } from './format.ts';

const season = {
  clock: { t0: '2026-04-01T08:00', start: -30 * 1440, end: 81 * 1440 },
} as unknown as Scenario;

describe('the console clock', () => {
  it('counts a season-long drill in days from a week on, with its calendar date, in both languages', () => {
    const at = 80 * 1440 + 14 * 60; // T+80d14h: a 111-day drill, not "T+1934h"
    expect(clockParts(season, at, 'en')).toEqual({ rel: 'T+80d14h', civil: '06-20 22:00' });
    expect(clockParts(season, at, 'zh-CN').rel).toBe('T0后80天14小时');
    expect(clockLabel(season, -30 * 1440, 'en')).toBe('T-30d (03-02 08:00)');
    // Typhoon warnings are read in hours up to five days out.
    expect(clockParts(season, -72 * 60, 'en').rel).toBe('T-72h');
  });
});
