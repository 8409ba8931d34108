import { describe, expect, it } from 'vitest';
import { autoplay, canonicalJson, parseTranscript, sha256Hex, verify, type Transcript } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { verifyReasonText } from '../src/index.ts';

const typhoon = loadScenario('typhoon');
const flood = loadScenario('flood');
const played = autoplay(typhoon, {
  seed: 4,
  policy: 'random',
  startedAt: '2026-10-01T00:00:00.000Z',
}).transcript();
const copy = (): Transcript => structuredClone(played) as Transcript;

const parsed = (text: string): string => {
  const p = parseTranscript(text);
  if (p.ok) throw new Error('parsed');
  return p.reason;
};
const verified = (t: Transcript, o: Parameters<typeof verify>[2] = {}, s = typhoon): string => {
  const r = verify(s, t, o);
  if (r.ok) throw new Error('verified');
  return r.reason;
};

// Every reason below is the engine's own, from a real broken or tampered file: a reworded or new reason
// that the table does not know comes through in English and fails here.
const REASONS: Record<string, () => string> = {
  empty: () => parsed('  \n'),
  'cut short': () => parsed(JSON.stringify(played).slice(0, 200)),
  'a comma missing': () => parsed('{"header": {"x": 1 "y": 2}}'),
  'not a transcript': () => parsed('{"name": "a shopping list"}'),
  'malformed header': () => {
    const t = copy() as unknown as { header: { participants: unknown } };
    t.header.participants = 'everyone';
    return parsed(JSON.stringify(t));
  },
  'an unknown key': () => parsed(JSON.stringify({ ...copy(), extra: 1 })),
  'a decision changed': () => {
    const t = copy();
    const e = t.entries.find((x) => x.input.type === 'choose')!;
    (e.input as { rationale?: string }).rationale = 'added afterwards';
    return verified(t);
  },
  'an entry removed': () => {
    const t = copy();
    t.entries.splice(3, 1);
    return verified(t);
  },
  'the score edited': () => {
    const t = copy();
    t.result!.score.overall = 99.5;
    return verified(t);
  },
  'the final hash edited': () => {
    const t = copy();
    t.result!.finalStateHash = sha256Hex('x');
    return verified(t);
  },
  'another scenario': () => verified(copy(), {}, flood),
  'another version': () =>
    verified(copy(), {}, { ...typhoon, version: '9.9.9', contentHash: sha256Hex('typhoon 9.9.9') }),
  'unsigned, a key required': () => verified(copy(), { trustedKey: 'ab'.repeat(32) }),
};

/** What may stay Latin in a Chinese reason: JSON, hashes, quoted ids, a JSON path into the file. */
const residue = (s: string): string =>
  s
    .replace(/“[^”]*”/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/JSON/g, '')
    .replace(/[0-9a-f]{8,}…?/g, '')
    .replace(/\b[a-zA-Z]+(?:[.[][\w\]]+)+/g, '');

/**
 * A transcript whose chain holds but one decision names an option the scenario does not offer: the
 * entry is re-hashed as a forger would, so only the replay itself (the engine's rules) refuses it.
 */
function forgedChoice(): Transcript {
  const t = copy();
  const e = t.entries.find((x) => x.input.type === 'choose')!;
  (e.input as { options: string[] }).options = ['no_such_option'];
  e.hash = sha256Hex(
    canonicalJson({ seq: e.seq, at: e.at, input: e.input, stateHash: e.stateHash, prev: e.prev }),
  );
  return t;
}

// "第5条记录：重放时引擎拒绝此输入：decision `x` has no option `y`": the engine's reason is free text,
// so it is worded by the refusal's code.
describe('an entry the engine refuses on replay', () => {
  it('is worded by the refusal code in Chinese', () => {
    const r = verify(typhoon, forgedChoice());
    if (r.ok) throw new Error('verified');
    expect(r.reason).toMatch(/the engine refuses this input on replay: /);
    expect(r.refused?.code).toBe('option-not-offered');
    const zh = verifyReasonText(r.reason, 'zh-CN', r.refused);
    expect(zh).toMatch(/^第\d+条记录：重放时引擎拒绝此输入：所选选项当前不可选$/);
    expect(verifyReasonText(r.reason, 'en', r.refused)).toBe(r.reason);
  });
});

describe('verify and parse reasons in Chinese', () => {
  for (const [what, make] of Object.entries(REASONS))
    it(what, () => {
      const en = make();
      const zh = verifyReasonText(en, 'zh-CN');
      expect(verifyReasonText(en, 'en')).toBe(en);
      expect(zh).not.toBe(en);
      expect(residue(zh), `${en} → ${zh}`).not.toMatch(/[A-Za-z]/);
    });
});
