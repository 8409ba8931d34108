import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * RFC 8785 canonical JSON: the same value gives the same bytes on any machine. Written for the engine's
 * plain data (objects, arrays, strings, finite numbers, booleans, null): keys sorted by UTF-16 code
 * units, numbers and strings as ECMAScript's JSON.stringify writes them, absent (undefined) members
 * left out. It hashes every state on every input, so it is kept lean; a property test holds it
 * byte-identical to the `canonicalize` package on arbitrary JSON.
 */
export function canonicalJson(value: unknown): string {
  const s = canon(value, 0);
  if (s === undefined) throw new TypeError('value cannot be represented as JSON');
  return s;
}

const cache = new WeakMap<object, string>();

/**
 * Objects of one shape (the same keys in the same insertion order) are sorted once: every drill state
 * has the same containers and records, so sorting and quoting their keys on every hash was waste. The
 * shapes are found by their first key and then compared key by key (object keys are interned strings,
 * so that is pointer comparisons), never by building a text of all the keys.
 * Default sort compares UTF-16 code units: exactly RFC 8785's order, whatever the locale.
 */
interface Shape {
  keys: string[];
  sorted: string[];
  quoted: string[];
}
const shapes = new Map<string, Shape[]>();
let shapeCount = 0;
const NO_KEYS: Shape = { keys: [], sorted: [], quoted: [] };
function sortedKeys(keys: string[]): Shape {
  if (keys.length === 0) return NO_KEYS;
  const bucket = shapes.get(keys[0]!);
  if (bucket !== undefined)
    for (const e of bucket) {
      if (e.keys.length !== keys.length) continue;
      let same = true;
      for (let i = 1; i < keys.length && same; i++) same = e.keys[i] === keys[i];
      if (same) return e;
    }
  const sorted = [...keys].sort();
  const e: Shape = { keys, sorted, quoted: sorted.map((k) => `${JSON.stringify(k)}:`) };
  // Bounded: user data of endless shapes (free-text keys) must not grow it forever.
  if (shapeCount < 5000) {
    shapeCount++;
    if (bucket) bucket.push(e);
    else shapes.set(keys[0]!, [e]);
  }
  return e;
}
/**
 * Only records two levels down (a decision's or inject's record, a feed item) are cached: they are what
 * consecutive states share, while the state and its containers change every step and caching them only
 * keeps large strings alive for the garbage collector.
 */
const CACHED_DEPTH = 2;

function canon(v: unknown, depth: number): string | undefined {
  switch (typeof v) {
    case 'string':
      if (!(v as string & { isWellFormed(): boolean }).isWellFormed())
        throw new TypeError('a text holds a lone surrogate: it has no UTF-8 form');
      return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`${v} cannot be represented in JSON`);
      // For a finite number JSON.stringify writes exactly String(v) (-0 as 0 too); String is faster.
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('a bigint cannot be represented in JSON');
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) {
        const frozen = depth >= CACHED_DEPTH && Object.isFrozen(v);
        if (frozen) {
          const hit = cache.get(v);
          if (hit !== undefined) return hit;
        }
        let out = '[';
        for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + (canon(v[i], depth + 1) ?? 'null');
        out += ']';
        if (frozen) cache.set(v, out);
        return out;
      }
      if (typeof (v as { toJSON?: unknown }).toJSON === 'function')
        return canon((v as { toJSON: () => unknown }).toJSON(), depth);
      // A frozen object never changes (the engine freezes whole trees: states, scenarios), so its
      // canonical form is computed once: consecutive drill
      // states share their unchanged records, and hashing a state then costs what the step changed.
      const frozen = depth >= CACHED_DEPTH && Object.isFrozen(v);
      if (frozen) {
        const hit = cache.get(v);
        if (hit !== undefined) return hit;
      }
      const o = v as Record<string, unknown>;
      const order = sortedKeys(Object.keys(o));
      let out = '{';
      let first = true;
      for (let i = 0; i < order.sorted.length; i++) {
        const x = canon(o[order.sorted[i]!], depth + 1);
        if (x === undefined) continue;
        out += (first ? '' : ',') + order.quoted[i]! + x;
        first = false;
      }
      out += '}';
      if (frozen) cache.set(v, out);
      return out;
    }
  }
  return undefined;
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

const partHashes = new WeakMap<object, string>();

/**
 * SHA-256 over the canonical JSON of one part of a larger value, computed once per frozen part. The
 * part's own records are cached as they would be one level down in the whole (see CACHED_DEPTH).
 */
function partHash(part: object): string {
  const hit = partHashes.get(part);
  if (hit !== undefined) return hit;
  const text = canon(part, 1);
  if (text === undefined) throw new TypeError('value cannot be represented as JSON');
  const h = sha256Hex(text);
  if (Object.isFrozen(part)) partHashes.set(part, h);
  return h;
}

/**
 * A two-level hash of a whole object: SHA-256 over the canonical JSON of the object with each member that
 * is an object or an array replaced by the SHA-256 (hex) of that member's canonical JSON. Every byte
 * of the value goes into it, as strong as hashing the whole text (SHA-256 is collision resistant at
 * both levels), but consecutive drill states share their unchanged members (frozen, the same objects),
 * so a step pays for hashing what it changed, not the whole state again. The outer text is written
 * here directly: it is canonical JSON of { member: hash or value } (hex needs no escaping).
 */
export function hashByParts(value: object): string {
  const o = value as Record<string, unknown>;
  const order = sortedKeys(Object.keys(o));
  let out = '{';
  let first = true;
  for (let i = 0; i < order.sorted.length; i++) {
    const k = order.sorted[i]!;
    const v = o[k];
    const x = v !== null && typeof v === 'object' ? `"${partHash(v)}"` : canon(v, 1);
    if (x === undefined) continue;
    out += (first ? '' : ',') + order.quoted[i]! + x;
    first = false;
  }
  return sha256Hex(out + '}');
}
