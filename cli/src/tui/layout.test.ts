import { describe, expect, it } from 'vitest';
import { colourOn } from './Lines.tsx';
import { NO_LINE_START, pack, paragraphs, plain, textWidth, truncate, wrap } from './layout.ts';

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
