import { describe, expect, it } from 'vitest';
import { loadScenario } from '@drill/scenarios';
import { clockText, timeShort, valueText } from './format.ts';

describe('a variable in the drill header', () => {
  const sc = loadScenario('preseason');
  const level = sc.variables.find((v) => v.id === 'res_level')!;
  const people = sc.variables.find((v) => v.id === 'truck_people')!;

  it('keeps the decimals the scenario declares: 212.5 m is not shown as 213', () => {
    expect(level.decimals).toBe(1);
    expect(valueText(level, 212.5, 'en')).toBe('212.5');
    expect(valueText(level, 211.3, 'zh-CN')).toBe('211.3');
    expect(valueText(level, 212, 'en')).toBe('212.0');
  });

  it('rounds a variable without declared decimals as before, with thousands separators', () => {
    expect(people.decimals).toBeUndefined();
    expect(valueText(people, 3600, 'en')).toBe('3,600');
  });
});

describe('the scenario clock in the terminal', () => {
  const season = loadScenario('preseason');
  const typhoon = loadScenario('typhoon');

  it('counts a season-long drill in days and a typhoon in hours, as the reports do', () => {
    expect(clockText(season, 1934 * 60, 'en')).toMatch(/^T\+80d14h · 22:00 /);
    expect(timeShort(season, -720 * 60, 'en')).toBe('T-30d (08:00)');
    expect(timeShort(typhoon, -72 * 60, 'en')).toBe('T-72h (14:00)');
  });

  it('writes no Latin unit in Chinese', () => {
    expect(clockText(season, 1934 * 60, 'zh-CN')).toMatch(/^T0后80天14小时 · 22:00 /);
    expect(timeShort(typhoon, -72 * 60, 'zh-CN')).toBe('T0前72小时 (14:00)');
    for (const t of [-720 * 60, -72 * 60, 90, 1934 * 60])
      expect(timeShort(season, t, 'zh-CN').slice(2)).not.toMatch(/[A-Za-z]/);
  });
});
