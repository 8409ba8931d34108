import { describe, expect, it } from 'vitest';
import { loadScenario } from '@drill/scenarios';
import { valueText } from './format.ts';

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
