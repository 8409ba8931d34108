import { describe, expect, it } from 'vitest';
import { brief } from './words.ts';

describe('brief: the short form of a long prompt', () => {
  it('takes linear time on a 100k-character prompt without punctuation (was 10 s)', () => {
    for (const s of ['a'.repeat(100_000), '台风'.repeat(50_000), `Start. ${'b '.repeat(50_000)}`]) {
      const t0 = performance.now();
      const out = brief(s);
      expect(performance.now() - t0).toBeLessThan(500);
      expect(out.endsWith('…')).toBe(true);
      expect(out.length).toBeLessThanOrEqual(160);
    }
  });
});
