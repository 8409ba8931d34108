import { createHash, hash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { canonicalJson, nobleSha256Hex } from '../src/hash.ts';

// The CLI plugs Node's SHA-256 into the engine; the browser keeps the pure-JS one. A transcript made in
// one must verify in the other, so both must give the same hex for every text (lone surrogates included).
const node = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
// What the CLI, the cohort workers and the bench plug in: Node's one-shot hash (no Hash object per text).
const oneShot = (text: string): string => hash('sha256', text, 'hex');

describe('SHA-256 implementations', () => {
  it('agree on known answers', () => {
    expect(nobleSha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(nobleSha256Hex('abc')).toBe(node('abc'));
  });
  it('the platform and the portable SHA-256 give the same hex for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        (s) => nobleSha256Hex(s) === node(s) && oneShot(s) === node(s),
      ),
      { numRuns: 500 },
    );
  });
});

describe('canonical JSON (RFC 8785)', () => {
  it('is byte-identical to the canonicalize package for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => canonicalJson(v) === canonicalize(v)),
      { numRuns: 2000 },
    );
  });
  it('sorts keys by UTF-16 code units, not by locale, and leaves out absent members', () => {
    expect(canonicalJson({ b: 1, a: [1, undefined], é: true, Z: null, x: undefined })).toBe(
      '{"Z":null,"a":[1,null],"b":1,"é":true}',
    );
    expect(canonicalJson({ '\u{1F600}': 1, '\uFB01': 2 })).toBe(
      canonicalize({ '\u{1F600}': 1, '\uFB01': 2 }),
    );
  });
  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson('\ud800')).toThrow(/lone surrogate/);
  });
});
