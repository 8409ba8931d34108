/**
 * The transcript tamper campaign of issue 12, exhaustive over the small fixture: every key renamed,
 * every key removed, every value replaced by another shape, the text cut at every byte (transcript and
 * journal). Prints the figures recorded in docs/reliability/transcripts.md:
 *   node --import tsx engine/test/tamper-campaign.ts
 */
import { autoplay, parseTranscript, verify, type Transcript } from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const s = autoplay(sc, { seed: 11, policy: 'random', startedAt: '2026-01-01T00:00:00.000Z' });
s.signingKey = new Uint8Array(32).map((_, i) => i + 1);
const base = JSON.parse(JSON.stringify(s.transcript())) as Transcript;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Verdict = 'refused' | 'failed' | 'unfinished' | 'holds' | 'crashed';
const tally: Record<string, Record<Verdict, number>> = {};
const count = (kind: string, v: Verdict) => {
  tally[kind] ??= { refused: 0, failed: 0, unfinished: 0, holds: 0, crashed: 0 };
  tally[kind][v]++;
};
function check(text: string): Verdict {
  try {
    const p = parseTranscript(text);
    if (!p.ok) return 'refused';
    const v = verify(sc, p.transcript);
    if (!v.ok) return 'failed';
    if (p.dropped && !p.dropped.torn) return 'failed';
    return v.complete ? 'holds' : 'unfinished';
  } catch {
    return 'crashed';
  }
}
// No clock here (the engine's folder keeps the determinism contract): a check is synchronous, so a hang
// would never return at all; the campaign finishing is the proof that none hangs.
function recordCase(kind: string, text: string, expectHolds = false): Verdict {
  const v = check(text);
  count(kind, v);
  if (v === 'holds' && !expectHolds) missed.push(`${kind}: ${text.slice(0, 0)}`);
  return v;
}
const missed: string[] = [];
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return keys.flatMap((k) => [[...at, k], ...paths((v as Record<string, Json>)[k]!, [...at, k])]);
}
const parentOf = (root: Json, p: (string | number)[]) =>
  p.slice(0, -1).reduce((o, k) => (o as Record<string, Json>)[k]!, root) as Record<string | number, Json>;
const all = paths(base as unknown as Json);
for (const p of all) {
  const key = p.at(-1)!;
  const name = p.join('.');
  if (typeof key === 'string') {
    const t = structuredClone(base) as unknown as Json;
    const parent = parentOf(t, p);
    parent[`${key}x`] = parent[key]!;
    delete parent[key];
    recordCase('key renamed', JSON.stringify(t));
  }
  {
    const t = structuredClone(base) as unknown as Json;
    const parent = parentOf(t, p);
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
    const v = recordCase(
      'key or element removed',
      JSON.stringify(t),
      name === 'result' || name === 'result.signature',
    );
    if (name === 'result' && v !== 'unfinished') missed.push('result removed');
  }
  for (const r of [null, 0, '', [], {}, 'x']) {
    const t = structuredClone(base) as unknown as Json;
    const parent = parentOf(t, p);
    if (JSON.stringify(parent[key]) === JSON.stringify(r)) continue;
    parent[key] = r as Json;
    recordCase('value replaced by another shape', JSON.stringify(t));
  }
  {
    const t = structuredClone(base) as unknown as Json;
    const parent = parentOf(t, p);
    if (!Array.isArray(parent)) {
      parent[`${String(key)}_extra`] = 1;
      recordCase('extra key added', JSON.stringify(t));
    }
  }
}
const text = JSON.stringify(base, null, 1);
for (let n = 0; n < text.length - 2; n++) recordCase('transcript cut short', text.slice(0, n)); // rarely parses: cheap
const journal = [{ header: base.header }, ...base.entries, { result: base.result }]
  .map((l) => `${JSON.stringify(l)}\n`)
  .join('');
const seen = new Map<string, Verdict>(); // one replay per distinct readable prefix
for (let n = 0; n < journal.length - 1; n++) {
  const cut = journal.slice(0, n);
  const p = parseTranscript(cut);
  const k = p.ok ? `${p.transcript.entries.length}:${p.transcript.result ? 1 : 0}` : 'x';
  const v = seen.get(k) ?? check(cut);
  if (p.ok) seen.set(k, v);
  count('journal cut short (readable prefix expected)', v);
  if (v === 'holds') missed.push(`journal cut at ${n}`);
}
console.log(JSON.stringify(tally, null, 1));
console.log('missed:', missed.length, missed.slice(0, 5));
