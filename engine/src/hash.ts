import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** RFC 8785 canonical JSON: the same value gives the same bytes on any machine. */
export function canonicalJson(value: unknown): string {
  const s = canonicalize(value);
  if (s === undefined) throw new TypeError('value cannot be represented as JSON');
  return s;
}

/** SHA-256 of a text's UTF-8 bytes, as lowercase hex. */
export type Sha256Hex = (text: string) => string;

/** The portable implementation (pure JS, the same in the browser and in Node). */
export const nobleSha256Hex: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

let sha256Impl: Sha256Hex = nobleSha256Hex;

/**
 * Lets a shell plug in its platform's SHA-256 (Node's `crypto` is ~5× faster than pure JS): the same
 * bytes give the same hash, so transcripts stay verifiable everywhere. The engine itself does no I/O.
 */
export function useSha256(impl: Sha256Hex): void {
  sha256Impl = impl;
}

export function sha256Hex(text: string): string {
  return sha256Impl(text);
}

/** SHA-256 over the canonical JSON of a value. */
export function hashJson(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
