import { describe, expect, it } from 'vitest';
import { Session, type Input } from '../src/index.ts';
import { discussionFixture } from './discussion-fixture.ts';

const sc = discussionFixture();

function opened(): Session {
  const s = Session.start(sc, {
    seed: '1',
    participants: [
      { id: 'p1', name: 'Ana', team: 'red', roles: ['commander'] },
      { id: 'p2', name: 'Bo', team: 'red', roles: ['water'] },
    ],
    startedAt: '2026-01-01T00:00:00.000Z',
  });
  if ('error' in s) throw new Error(s.error);
  for (const input of [{ type: 'start' }, { type: 'resume' }] as Input[]) {
    const r = s.apply(input);
    if (!r.ok) throw new Error(r.rejection.reason);
  }
  return s;
}

describe('a discussion answer that shows nothing', () => {
  it.each([
    ['zero-width spaces', '\u200b\u200b'],
    ['a word joiner and a BOM', '\u2060\ufeff'],
    ['direction marks and overrides', '\u200e\u202e\u2066 \u2069'],
    ['a control character and spaces', '\u0007  \t'],
  ])('is refused as empty (%s), and the question keeps no answer', (_name, text) => {
    const s = opened();
    const r = s.apply({ type: 'answer', participant: 'p2', decision: 'q_concerns', text });
    expect(r.ok ? 'accepted' : r.rejection.reason).toBe('the answer is empty');
    expect(s.state.decisions.q_concerns!.answers ?? []).toEqual([]);
  });

  it.each([
    ['Chinese', '水库'],
    ['an emoji', '👍'],
    ['a digit', '3'],
    ['a mark between zero-width spaces', '\u200b—\u200b'],
  ])('takes an answer with something visible (%s)', (_name, text) => {
    const s = opened();
    const r = s.apply({ type: 'answer', participant: 'p2', decision: 'q_concerns', text });
    expect(r.ok ? 'accepted' : r.rejection.reason).toBe('accepted');
  });
});
