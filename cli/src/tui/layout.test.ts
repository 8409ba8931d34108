import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colourOn } from './Lines.tsx';
import {
  graphemes,
  NO_LINE_END,
  NO_LINE_START,
  pack,
  paragraphs,
  plain,
  textWidth,
  truncate,
  wrap,
} from './layout.ts';

const noSpace = (s: string): string => s.replace(/\s/g, '');

describe('terminal text layout', () => {
  it('counts Chinese characters as two columns', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('台风')).toBe(4);
    expect(textWidth('T-3h · 11:00 ▲')).toBe(14);
  });

  it('wraps English at spaces and Chinese anywhere, never past the width', () => {
    const en = wrap('The quick brown fox jumps over the lazy dog', 10);
    expect(en).toEqual(['The quick', 'brown fox', 'jumps over', 'the lazy', 'dog']);
    const zh = wrap('中央气象台已发布台风消息，约3天后可能登陆', 10);
    expect(zh.every((l) => textWidth(l) <= 10)).toBe(true);
    expect(zh.join('')).toBe('中央气象台已发布台风消息，约3天后可能登陆');
  });

  it('measures emoji and combining marks as the terminal draws them', () => {
    expect(textWidth('🌀')).toBe(2);
    expect(textWidth('e\u0301')).toBe(1); // e + combining acute: one column
    expect(truncate('🌀🌀🌀', 5)).toBe('🌀🌀…');
    expect(truncate('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
  });

  it('never starts a Chinese line with closing punctuation', () => {
    const text =
      '台风“海燕”预计于明日凌晨登陆，请各地做好防御准备。渔船全部回港避风；人员撤离到安全地带！是否需要启动应急响应？（请确认）各部门立即行动，不得延误。';
    for (const width of [8, 9, 10, 11, 12, 13, 14, 17, 20, 23, 31, 40]) {
      const lines = wrap(text, width);
      expect(lines.join('')).toBe(text);
      for (const l of lines) {
        expect(textWidth(l)).toBeLessThanOrEqual(width);
        expect(NO_LINE_START).not.toContain(l[0]);
      }
    }
  });

  it('wraps emoji, flags and accented letters as whole characters of their drawn width', () => {
    const family = '👨\u200d👩\u200d👧'; // one grapheme, two columns
    expect(textWidth(family)).toBe(2);
    expect(textWidth('🇨🇳')).toBe(2);
    const text = `台风🌀登陆${family}撤离🇨🇳完成 cafe\u0301 re\u0301sume\u0301 nai\u0308ve`;
    for (const width of [4, 5, 6, 7, 9, 12]) {
      const lines = wrap(text, width);
      for (const l of lines) expect(textWidth(l), `${width}: ${l}`).toBeLessThanOrEqual(width);
      expect(noSpace(lines.join(''))).toBe(noSpace(text));
      // No grapheme is split across lines: each line's graphemes are the text's graphemes.
      const all = new Set(graphemes(text));
      for (const l of lines) for (const g of graphemes(l)) expect(all.has(g), g).toBe(true);
    }
    expect(wrap(`${family}${family}${family}`, 4)).toEqual([`${family}${family}`, family]);
    expect(wrap('e\u0301e\u0301e\u0301e\u0301e\u0301', 4)).toEqual([
      'e\u0301e\u0301e\u0301e\u0301',
      'e\u0301',
    ]);
  });

  it('keeps closing punctuation off the start of a line after a Latin word or a space too', () => {
    // A word filling the line, then a Chinese comma: the word's last letter goes down with the comma.
    expect(wrap('abcdefghij，好', 10)).toEqual(['abcdefghi', 'j，好']);
    // A space before the punctuation is no break point.
    expect(wrap('好好好 ，好', 7)).toEqual(['好好', '好 ，好']);
    // Two closing marks in a row go down together, with the character before them.
    expect(wrap('一二三四。」五', 8)).toEqual(['一二三', '四。」五']);
    // Opening punctuation stays with what it opens.
    expect(wrap('一二三（四五）', 8)).toEqual(['一二三', '（四五）']);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation (any text)', () => {
    const char = fc.constantFrom('台', '风', '登', '陆', 'a', 'b', 'word', ' ', '🌀', 'e\u0301', '3');
    // Text as written: an opening mark before a word, up to two closing marks right after it.
    const text = fc
      .array(
        fc.tuple(
          fc.constantFrom('', '（', '「'),
          fc.array(char, { minLength: 1, maxLength: 4 }).filter((w) => w[0] !== ' ' && w.at(-1) !== ' '),
          fc.constantFrom('', '，', '。」', '？', '）', '、'),
        ),
        { minLength: 1, maxLength: 12 },
      )
      .map((parts) => parts.map(([open, w, close]) => open + w.join('') + close).join(''))
      .filter((t) => !/^\s/.test(t));
    // From 8 columns on, an opening mark, a character and two closing marks always fit on one line.
    fc.assert(
      fc.property(text, fc.integer({ min: 8, max: 24 }), (t, width) => {
        const lines = wrap(t, width);
        expect(noSpace(lines.join(''))).toBe(noSpace(t));
        for (const [i, l] of lines.entries()) {
          expect(textWidth(l)).toBeLessThanOrEqual(width);
          if (i > 0) expect(NO_LINE_START).not.toContain(l[0]);
          if (i < lines.length - 1) expect(NO_LINE_END).not.toContain(l.at(-1));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('joins lines an author broke in YAML, keeping paragraphs and list items apart', () => {
    expect(paragraphs('one\ntwo\n\nthree\n- item')).toEqual(['one two', 'three', '- item']);
    expect(paragraphs('台风\n登陆')).toEqual(['台风登陆']);
  });

  it('truncates with an ellipsis and packs segments into lines', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(pack([[{ t: 'aaaa' }], [{ t: 'bbbb' }], [{ t: 'cccc' }]], 12).map(plain)).toEqual([
      'aaaa · bbbb',
      'cccc',
    ]);
  });

  it('turns colour off when NO_COLOR is set', () => {
    expect(colourOn({ NO_COLOR: '1' })).toBe(false);
    expect(colourOn({})).toBe(true);
  });
});
