import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { autoplay, parseTranscript, soloParticipant, withColleagues } from '@drill/engine';
import { playHeadless } from './commands/run.ts';
import { fixtureScenario, newDrill } from './tui/test-kit.ts';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

const journalEntries = (path: string): number => {
  const p = parseTranscript(readFileSync(path, 'utf8'));
  if (!p.ok) throw new Error(p.reason);
  return p.transcript.entries.length;
};

describe('the solo cadre on the engine Table', () => {
  it('journals every accepted command before submit returns, and a refused one writes nothing', () => {
    const k = newDrill({ role: 'chief', colleagues: 'weak' });
    cleanup = k.cleanup;
    const d = k.drill;
    expect(d.submit({ type: 'start' }).ok).toBe(true);
    expect(journalEntries(d.paths.journal)).toBe(d.inputs);
    expect(d.submit({ type: 'next' }).ok).toBe(true);
    expect(journalEntries(d.paths.journal)).toBe(d.inputs);
    const before = d.inputs;
    // `messages` is the press seat's, which a simulated colleague holds: not the cadre's to decide.
    const r = d.submit({ type: 'choose', team: d.actor.team, decision: 'messages', options: ['facts'] });
    expect(r).toMatchObject({ ok: false, code: 'not-your-seat' });
    expect(!r.ok && r.reason).toBe('this decision belongs to a seat you do not hold');
    // Nor the trainer's powers.
    expect(d.submit({ type: 'inject', roles: ['all'], text: { en: 'x' } })).toMatchObject({
      ok: false,
      code: 'trainer-only',
    });
    expect(d.inputs).toBe(before);
    expect(journalEntries(d.paths.journal)).toBe(before);
  });

  it('the open decisions and the feed are the Table’s view of the cadre’s seat', () => {
    const k = newDrill({ role: 'chief' });
    cleanup = k.cleanup;
    const d = k.drill;
    d.submit({ type: 'start' });
    d.submit({ type: 'advance', minutes: 180 });
    const seen = d.view().feed.map((f) => f.inject);
    // The rumour post goes to the press seat only.
    expect(d.state.feed.some((f) => f.inject === 'rumour_post')).toBe(true);
    expect(seen).not.toContain('rumour_post');
    expect(d.view().open.map((o) => o.decision)).not.toContain('messages');
  });

  it('headless runs play the engine’s one autoplay loop through the Table: the same inputs as autoplay', () => {
    const sc = fixtureScenario();
    for (const role of ['all', 'chief']) {
      const t = playHeadless(sc, {
        seed: '5',
        policy: 'best',
        startedAt: '2026-01-01T00:00:00.000Z',
        role,
      });
      const a = autoplay(sc, {
        seed: '5',
        policy: 'best',
        participants: withColleagues(sc, [{ ...soloParticipant('Player', 'solo'), roles: [role] }]),
        startedAt: '2026-01-01T00:00:00.000Z',
      });
      expect(t.entries.map((e) => e.input)).toEqual(a.entries.map((e) => e.input));
      expect(t.result?.finalStateHash).toBe(a.transcript().result?.finalStateHash);
    }
  });
});
