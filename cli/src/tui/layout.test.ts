import { describe, expect, it } from 'vitest';
import { colourOn } from './Lines.tsx';
import { pack, paragraphs, plain, textWidth, truncate, wrap } from './layout.ts';

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
