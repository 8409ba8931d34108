import { describe, expect, it } from 'vitest';
import {
  ENGINE_REFUSAL_CODES,
  engineRefusalWords,
  refusalWords,
  stateHash,
  Table,
  TABLE_REFUSAL_CODES,
  verify,
  type Actor,
  type TableCommand,
} from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const trainer: Actor = { kind: 'trainer', name: 'Trainer' };
const red: Actor = { kind: 'member', team: 'Red', roles: [], name: 'Rae' };

function table(mode: 'roles' | 'parallel'): Table {
  const t = Table.start(
    sc,
    {
      seed: 'close',
      mode,
      teams:
        mode === 'roles'
          ? [
              { name: 'Red', roles: ['chief'] },
              { name: 'Blue', roles: ['press'] },
            ]
          : [
              { name: 'Red', roles: [] },
              { name: 'Blue', roles: [] },
            ],
      lang: 'en',
    },
    { startedAt: '2026-01-01T00:00:00.000Z' },
  );
  if ('error' in t) throw new Error(t.error);
  return t;
}

function ok(t: Table, actor: Actor, c: TableCommand): void {
  const r = t.submit(actor, c);
  if (!r.ok) throw new Error(`${c.type} refused: ${r.reason}`);
}

describe('Table: a closed drill is final', () => {
  it.each(['roles', 'parallel'] as const)(
    '%s mode: after close, every command is refused and nothing changes',
    (mode) => {
      const t = table(mode);
      ok(t, trainer, { type: 'start' });
      ok(t, trainer, { type: 'next' });
      // Close is only for a drill that reached its debrief.
      expect(t.submit(trainer, { type: 'close' })).toMatchObject({ ok: false, engineCode: 'wrong-phase' });
      ok(t, trainer, { type: 'end' });
      // The debrief still takes overrides (the trainer's judgement) …
      ok(t, trainer, { type: 'override', capability: 'warning_dissemination', rating: 'S', note: 'debrief' });
      expect(t.closed).toBe(false);
      ok(t, trainer, { type: 'close' });
      expect(t.closed).toBe(true);
      expect(t.phase).toBe('ended');
      const seq = t.seq;
      const hashes = t.transcripts().map((_, i) => stateHash(t.stateOf(i)));
      const attempts: [Actor, TableCommand][] = [
        [trainer, { type: 'override', capability: 'warning_dissemination', rating: 'U', note: 'later' }],
        [trainer, { type: 'observe', task: 'x', rating: 'P', note: 'late' }],
        [trainer, { type: 'correct', team: 'Red', decision: 'ack', options: ['yes'], note: 'late' }],
        [trainer, { type: 'inject', roles: ['all'], text: 'late news' }],
        [trainer, { type: 'close' }],
        [trainer, { type: 'start' }],
        [red, { type: 'choose', team: 'Red', decision: 'ack', options: ['yes'] }],
        [
          { kind: 'evaluator', name: 'E' },
          { type: 'observe', task: 'x', rating: 'P', note: 'n' },
        ],
      ];
      for (const [actor, c] of attempts) {
        const r = t.submit(actor, c, { lang: 'zh-CN' });
        expect(r).toMatchObject({ ok: false, code: 'closed' });
        if (!r.ok) expect(r.reason).not.toMatch(/[A-Za-z]/);
        // Even a malformed command gets the same answer: the drill is closed.
      }
      expect(t.submit(trainer, { type: 'nonsense' })).toMatchObject({ ok: false, code: 'closed' });
      expect(t.seq).toBe(seq);
      expect(t.transcripts().map((_, i) => stateHash(t.stateOf(i)))).toEqual(hashes);
      // The closed drill's transcripts verify, and a resumed table is closed too.
      for (const tr of t.transcripts()) expect(verify(sc, tr).ok).toBe(true);
      const again = Table.resume(sc, t.save());
      if ('error' in again) throw new Error(again.error);
      expect(again.closed).toBe(true);
      expect(again.submit(trainer, { type: 'end' })).toMatchObject({ ok: false, code: 'closed' });
    },
  );
});

describe('Table refusals in two languages', () => {
  it('every table refusal has an English sentence and a Chinese one without Latin letters', () => {
    expect(TABLE_REFUSAL_CODES).toContain('closed');
    for (const code of TABLE_REFUSAL_CODES) {
      expect(refusalWords(code, 'en')).toMatch(/^[a-z].*[a-z]$/);
      expect(refusalWords(code, 'zh-CN')).not.toMatch(/[A-Za-z]/);
      expect(refusalWords(code, 'zh-CN')).toMatch(/\p{Script=Han}/u);
    }
  });

  it("the engine's own refusals have Chinese sentences without Latin letters", () => {
    expect(ENGINE_REFUSAL_CODES).toContain('not-saved');
    for (const code of ENGINE_REFUSAL_CODES) {
      const zh = engineRefusalWords({ code, reason: 'in English' }, 'zh-CN');
      expect(zh).not.toMatch(/[A-Za-z]/);
      expect(zh).toMatch(/\p{Script=Han}/u);
    }
  });
});
