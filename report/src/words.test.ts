import { describe, expect, it } from 'vitest';
import { brief, sentencesOf } from './words.ts';

describe('brief', () => {
  it('keeps a short text whole', () => {
    expect(brief('Evacuate now?')).toBe('Evacuate now?');
  });

  it('shortens a long prompt to its first and last sentence', () => {
    const s = `The river is rising. ${'Gauges report more. '.repeat(10)}Do you order the evacuation?`;
    expect(brief(s)).toBe('The river is rising. … Do you order the evacuation?');
  });

  it('does not cut a sentence at the decimal point of a live value', () => {
    expect(sentencesOf('Hongling stands at 212.5 m. What is done? Next')).toEqual([
      'Hongling stands at 212.5 m.',
      'What is done?',
    ]);
    const s = `Hongling stands at 212.5 m tonight. ${'Rain keeps falling. '.repeat(8)}What is done?`;
    expect(brief(s)).toBe('Hongling stands at 212.5 m tonight. … What is done?');
  });

  it('splits Chinese sentences at full-width stops and keeps runs of stops together', () => {
    expect(sentencesOf('水位上涨。是否转移？！尾巴')).toEqual(['水位上涨。', '是否转移？！']);
  });

  it('is linear: a long text without any stop is cut in milliseconds, not seconds', () => {
    const s = 'a'.repeat(200_000);
    const t0 = performance.now();
    expect(brief(s)).toHaveLength(160);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
