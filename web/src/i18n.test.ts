import { describe, expect, it } from 'vitest';
import { STRINGS, translate } from './i18n.ts';

describe('UI strings', () => {
  it('has every English key in Simplified Chinese, non-empty, with the same placeholders', () => {
    const en = STRINGS.en;
    const zh = STRINGS['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      const z = zh[k as keyof typeof zh];
      expect(z, k).not.toBe('');
      const vars = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(vars(z), k).toEqual(vars(v));
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'savedInputs', { n: 7 })).toBe('Saved in this browser · 7 inputs');
    expect(translate('zh-CN', 'record', { team: '第1组' })).toBe('记录第1组的决策');
  });
});
