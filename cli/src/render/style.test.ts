import { describe, expect, it } from 'vitest';
import { clean, colourWanted, makeStyle } from './style.ts';
import { stripAnsi, textTable } from './text-table.ts';
import { textWidth } from '../tui/layout.ts';

describe('terminal styling', () => {
  it('colours only on a terminal, never under NO_COLOR, and an explicit flag decides', () => {
    expect(colourWanted(undefined, {}, true)).toBe(true);
    expect(colourWanted(undefined, {}, false)).toBe(false);
    expect(colourWanted(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(colourWanted(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(colourWanted(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colourWanted(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(colourWanted(false, { FORCE_COLOR: '1' }, true)).toBe(false);
  });

  it('a style without colour returns text unchanged; with colour it wraps it in SGR codes', () => {
    expect(makeStyle(false).rating('U')).toBe('U');
    expect(makeStyle(true).rating('U')).toMatch(/^\u001b\[1m\u001b\[31mU/);
  });

  it('strips control characters that could drive the terminal, keeping newlines', () => {
    expect(clean('a\u001b]0;title\u0007b\nc\u009bd')).toBe('a]0;titleb\ncd');
  });
});

describe('textTable', () => {
  it('fits the width, wrapping the widest column, with Chinese counted as two columns', () => {
    const t = textTable(
      ['能力', 'Evidence'],
      [['防护行动与转移避险', 'boats_recall 35%, evacuation 50%, suspend 40%, more evidence here']],
      40,
    );
    for (const line of t.split('\n')) expect(textWidth(stripAnsi(line))).toBeLessThanOrEqual(40);
    expect(t).toContain('防护行动与转移避险');
    expect(t.split('\n').length).toBeGreaterThan(3);
  });
});
