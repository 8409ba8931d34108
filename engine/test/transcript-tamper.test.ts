import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  autoplay,
  parseTranscript,
  publicKeyOf,
  verify,
  type Scenario,
  type Transcript,
} from '../src/index.ts';
import { hashJson } from '../src/hash.ts';
import { signResultHash } from '../src/signature.ts';
import { SHIPPED_IDS, shippedScenario } from './shipped.ts';
import { fixture } from './fixture.ts';

const scenarios = new Map<string, Scenario>(SHIPPED_IDS.map((id) => [id, shippedScenario(id)]));
const KEY = new Uint8Array(32).map((_, i) => i + 1);
const OTHER_KEY = new Uint8Array(32).map((_, i) => 200 - i);

function play(id: string, policy: 'random' | 'best' | 'worst', seed: number, key?: Uint8Array): Transcript {
  const sc = id === 'fixture' ? small : scenarios.get(id)!;
  const s = autoplay(sc, { seed, policy, startedAt: '2026-01-01T00:00:00.000Z' });
  if (key) s.signingKey = key;
  // Through text, as every transcript a user hands us arrives.
  return JSON.parse(JSON.stringify(s.transcript())) as Transcript;
}

/** Parse then verify, as `drill verify` does: never throws, says what it concluded. */
function check(sc: Scenario, text: string, trustedKey?: string) {
  const p = parseTranscript(text);
  if (!p.ok) return { verdict: 'refused' as const, reason: p.reason };
  const v = verify(sc, p.transcript, trustedKey ? { trustedKey } : {});
  if (!v.ok) return { verdict: 'failed' as const, reason: v.reason };
  if (p.kind === 'journal' && p.dropped && !p.dropped.torn)
    return { verdict: 'failed' as const, reason: p.dropped.reason };
  return { verdict: v.complete ? ('holds' as const) : ('unfinished' as const), reason: '' };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a key or array element in a JSON value. */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [];
  const out: (string | number)[][] = [];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  for (const k of keys) {
    out.push([...at, k]);
    out.push(...paths((v as Record<string | number, Json>)[k]!, [...at, k]));
  }
  return out;
}

function parentOf(root: Json, path: (string | number)[]): Record<string | number, Json> {
  let o = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, Json>;
  return o;
}

// The small engine fixture keeps a replay cheap, so properties can run hundreds of cases.
const small = fixture();
const base = play('fixture', 'random', 11, KEY);
const baseText = JSON.stringify(base, null, 1);
const allPaths = paths(base as unknown as Json);
/** Removing these leaves a transcript that is honestly less: unsigned, or unfinished. */
const removable = new Set(['result', 'result.signature']);

describe('transcripts of every shipped scenario', () => {
  it('parse against the schema and verify, signed and unsigned', () => {
    for (const id of SHIPPED_IDS)
      for (const policy of ['random', 'best'] as const) {
        const t = play(id, policy, 5, policy === 'best' ? KEY : undefined);
        const r = check(scenarios.get(id)!, JSON.stringify(t, null, 1));
        expect(r, `${id} ${policy}`).toEqual({ verdict: 'holds', reason: '' });
      }
  });
});

describe('tampering (properties)', () => {
  it('a key renamed by one character anywhere is refused, never a crash', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allPaths.filter((p) => typeof p.at(-1) === 'string')),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('x', '_', 'A', ' '),
        (path, pos, ch) => {
          const t = structuredClone(base) as unknown as Json;
          const parent = parentOf(t, path);
          const key = path.at(-1) as string;
          const i = pos % (key.length + 1);
          const renamed = key.slice(0, i) + ch + key.slice(i + 1);
          if (renamed === key) return;
          parent[renamed] = parent[key]!;
          delete parent[key];
          const r = check(small, JSON.stringify(t));
          expect(['refused', 'failed'], `${path.join('.')} → ${renamed}: ${r.verdict}`).toContain(r.verdict);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a key removed, or a value replaced by another shape, is refused or fails; never a crash', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allPaths),
        fc.constantFrom<Json | 'delete'>('delete', null, 0, -1, 1e308, '', 'x', [], {}, true),
        (path, replacement) => {
          const t = structuredClone(base) as unknown as Json;
          const parent = parentOf(t, path);
          const key = path.at(-1)!;
          const before = JSON.stringify(parent[key]);
          if (replacement === 'delete') {
            if (Array.isArray(parent)) parent.splice(key as number, 1);
            else delete parent[key];
          } else parent[key] = replacement;
          if (replacement !== 'delete' && JSON.stringify(replacement) === before) return;
          const r = check(small, JSON.stringify(t));
          const name = path.join('.');
          if (replacement === 'delete' && removable.has(name))
            expect(r.verdict, name).toBe(name === 'result' ? 'unfinished' : 'holds');
          else expect(['refused', 'failed'], `${name} := ${String(replacement)}`).toContain(r.verdict);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a transcript cut short at any point never verifies as a finished drill', () => {
    for (let n = 0; n < baseText.length - 2; n++) {
      const r = check(small, baseText.slice(0, n));
      expect(r.verdict, `cut at ${n}`).not.toBe('holds');
    }
  });

  it('without its result it is "unfinished", and a trusted key makes that a failure', () => {
    const t = structuredClone(base);
    delete t.result;
    t.entries = t.entries.slice(0, 5);
    expect(check(small, JSON.stringify(t)).verdict).toBe('unfinished');
    expect(check(small, JSON.stringify(t), publicKeyOf(KEY)).verdict).toBe('failed');
  });
});

describe('forgery by recomputing the hashes', () => {
  /** The 25-line forgery of issue 12: raise the score and recompute the result's hash. */
  function forge(t: Transcript, key?: Uint8Array): Transcript {
    const f = structuredClone(t);
    const r = f.result!;
    r.score.overall = Math.min(100, r.score.overall + 30);
    r.hash = hashJson({ finalStateHash: r.finalStateHash, score: r.score, prev: r.prev });
    if (key) r.signature = signResultHash(r.hash, key);
    else delete r.signature;
    return f;
  }
  it('is caught by the recomputed score; a signature names the key that signed', () => {
    expect(check(small, JSON.stringify(forge(base))).verdict).toBe('failed');
    const v = verify(small, base, { trustedKey: publicKeyOf(KEY) });
    expect(v).toMatchObject({ ok: true, signature: { status: 'valid', trusted: true } });
  });
  it('an old signature over a changed result fails', () => {
    const f = structuredClone(base);
    f.result!.hash = hashJson({ x: 1 });
    const r = check(small, JSON.stringify(f));
    expect(r.verdict).toBe('failed');
  });
  it('re-signed with another key: holds unsigned-by-you, fails against the trusted key', () => {
    const resigned = structuredClone(base);
    resigned.result!.signature = signResultHash(resigned.result!.hash, OTHER_KEY);
    expect(check(small, JSON.stringify(resigned)).verdict).toBe('holds');
    const r = check(small, JSON.stringify(resigned), publicKeyOf(KEY));
    expect(r).toMatchObject({ verdict: 'failed', reason: expect.stringContaining('not by the trusted key') });
  });
  it('an unsigned transcript verifies and says so', () => {
    const t = play('fixture', 'random', 2);
    expect(verify(small, t)).toMatchObject({ ok: true, signature: { status: 'unsigned' } });
    expect(check(small, JSON.stringify(t), publicKeyOf(KEY)).verdict).toBe('failed');
  });
});

describe('journals', () => {
  const lines = [
    JSON.stringify({ header: base.header }),
    ...base.entries.map((e) => JSON.stringify(e)),
    JSON.stringify({ result: base.result }),
  ];
  const journal = `${lines.join('\n')}\n`;
  it('cut at every byte: readable (or plainly refused before the header ends), never finished early', () => {
    let readable = 0;
    const verdicts = new Map<string, ReturnType<typeof verify>>(); // one replay per distinct prefix
    for (let n = 0; n <= journal.length; n++) {
      const text = journal.slice(0, n);
      const p = parseTranscript(text);
      if (n <= lines[0]!.length) continue; // the header line itself is cut: nothing to read yet
      expect(p.ok, `cut at ${n}`).toBe(true);
      if (!p.ok) continue;
      readable++;
      const k = `${p.transcript.entries.length}:${p.transcript.result ? 1 : 0}`;
      const v = verdicts.get(k) ?? verify(small, p.transcript);
      verdicts.set(k, v);
      expect(v.ok, `cut at ${n}`).toBe(true);
      if (n < journal.length - 1) expect(v.ok && v.complete, `cut at ${n}`).toBe(false);
    }
    expect(readable).toBe(journal.length - lines[0]!.length);
  });
  it('a forked line (two writers) keeps the first writer’s entries and reports the rest', () => {
    const forked = [...lines.slice(0, 6), lines[4]!, ...lines.slice(6)].join('\n');
    const p = parseTranscript(forked);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.transcript.entries).toHaveLength(5);
    expect(p.dropped).toMatchObject({ line: 7, torn: false });
    expect(verify(small, p.transcript)).toMatchObject({ ok: true, complete: false });
  });
  it('an extra key on an entry line is refused as that line, not ignored', () => {
    const e = { ...base.entries[2]!, note: 'x' };
    const text = [...lines.slice(0, 3), JSON.stringify(e), ...lines.slice(4)].join('\n');
    const p = parseTranscript(text);
    expect(p.ok && p.dropped).toMatchObject({ line: 4, reason: expect.stringContaining('`note`') });
  });
});

describe('locale independence', () => {
  it('hashes and scores do not move when localeCompare and toLocaleString lie', () => {
    const honest = play('rainstorm', 'random', 9);
    const lc = String.prototype.localeCompare;
    const tls = Number.prototype.toLocaleString;
    try {
      String.prototype.localeCompare = function (this: string, other: string) {
        return -lc.call(this, other); // a collation nobody expects
      };
      Number.prototype.toLocaleString = function () {
        return 'NaN';
      };
      const again = play('rainstorm', 'random', 9);
      expect(again.result!.hash).toBe(honest.result!.hash);
      expect(verify(scenarios.get('rainstorm')!, honest)).toMatchObject({ ok: true, complete: true });
    } finally {
      String.prototype.localeCompare = lc;
      Number.prototype.toLocaleString = tls;
    }
  });
});
