import { beforeAll, describe, expect, it } from 'vitest';
import { localize } from '@drill/engine';
import { compileShipped, loadLibrary, shippedTitle, SHIPPED_IDS } from './scenarios.ts';

beforeAll(loadLibrary);

describe('scenario library in the browser', () => {
  it('lists the shipped scenarios, typhoon first, and compiles them with their includes', () => {
    expect(SHIPPED_IDS[0]).toBe('typhoon');
    expect(SHIPPED_IDS).toContain('typhoon');
    for (const id of SHIPPED_IDS) {
      const r = compileShipped(id);
      expect(r.ok, id).toBe(true);
    }
  });

  it('reads menu titles without compiling, equal to the compiled titles', () => {
    for (const id of SHIPPED_IDS) {
      const r = compileShipped(id);
      if (!r.ok) continue;
      for (const lang of ['en', 'zh-CN'] as const)
        expect(shippedTitle(id, lang), `${id} ${lang}`).toBe(localize(r.scenario.title, lang));
    }
  });
});
