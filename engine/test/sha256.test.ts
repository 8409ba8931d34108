import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nobleSha256Hex } from '../src/index.ts';

// The CLI plugs Node's SHA-256 into the engine; the browser keeps the pure-JS one. A transcript made in
// one must verify in the other, so both must give the same hex for every text (lone surrogates included).
const node = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('SHA-256 implementations', () => {
  it('agree on known answers', () => {
    expect(nobleSha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(nobleSha256Hex('abc')).toBe(node('abc'));
  });
  it('the platform and the portable SHA-256 give the same hex for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => nobleSha256Hex(s) === node(s)),
      { numRuns: 500 },
    );
  });
});
