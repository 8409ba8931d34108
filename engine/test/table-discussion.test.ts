import { describe, expect, it } from 'vitest';
import { Table, verify, type Actor } from '../src/index.ts';
import { discussionFixture } from './discussion-fixture.ts';

const sc = discussionFixture();
const trainer: Actor = { kind: 'trainer', name: 'Trainer' };

function roomTable(): Table {
  const t = Table.start(
    sc,
    {
      seed: 's',
      mode: 'roles',
      teams: [{ name: 'HQ', roles: ['commander', 'water', 'civil'] }],
      lang: 'en',
    },
    { startedAt: '2026-01-01T00:00:00.000Z' },
  );
  if ('error' in t) throw new Error(t.error);
  t.submit(trainer, { type: 'start' });
  t.submit(trainer, { type: 'resume' }); // the first module holds the drill at its start
  return t;
}

describe('Table: discussion answers and evaluators', () => {
  it('a member answers an each-role question only for a role they hold, and by default for their one role', () => {
    const t = roomTable();
    const water: Actor = { kind: 'member', team: 'HQ', roles: ['water'], name: 'Wu' };
    const seq = t.seq;
    expect(
      t.submit(water, {
        type: 'answer',
        team: 'HQ',
        decision: 'q_concerns',
        role: 'civil',
        text: 'not mine',
      }),
    ).toMatchObject({ ok: false, code: 'not-your-seat' });
    expect(t.seq).toBe(seq);
    expect(t.submit(water, { type: 'answer', team: 'HQ', decision: 'q_concerns', text: 'The dam' }).ok).toBe(
      true,
    );
    expect(t.stateOf(0).decisions['q_concerns']!.answers).toEqual([
      { role: 'water', by: 'team-1', member: 'Wu', at: -4320, text: 'The dam' },
    ]);
    // Recorded with the member's name as a choice is, so the transcript says who answered.
    const tr = t.transcripts()[0]!;
    expect(tr.entries.find((e) => e.input.type === 'answer')?.input).toMatchObject({ by: 'Wu' });
    expect(verify(sc, tr).ok).toBe(true);
    // Only the commander's seat holds q_table: the water seat may not answer it.
    expect(t.submit(water, { type: 'answer', team: 'HQ', decision: 'q_table', text: 'x' })).toMatchObject({
      ok: false,
      code: 'not-your-seat',
    });
  });

  it('an empty answer is refused as empty, not as a wrong choice count, in English and Chinese', () => {
    const t = roomTable();
    const water: Actor = { kind: 'member', team: 'HQ', roles: ['water'], name: 'Wu' };
    const blank = { type: 'answer', team: 'HQ', decision: 'q_concerns', text: '\u200b ' };
    expect(t.submit(water, blank)).toMatchObject({
      ok: false,
      engineCode: 'bad-choice',
      reason: 'the answer is empty',
    });
    const zh = t.submit(water, blank, { lang: 'zh-CN' });
    expect(zh).toMatchObject({ ok: false, engineCode: 'bad-choice', reason: '回答内容为空，请填写后再提交' });
    expect(zh.ok ? '' : zh.reason).not.toContain('数量');
  });

  it('an answer with direction-override characters is refused, naming the field', () => {
    const t = roomTable();
    const water: Actor = { kind: 'member', team: 'HQ', roles: ['water'], name: 'Wu' };
    const text = 'The \u202edam';
    const en = t.submit(water, { type: 'answer', team: 'HQ', decision: 'q_concerns', text });
    expect(en).toMatchObject({ ok: false, code: 'malformed' });
    expect(en.ok ? '' : en.reason).toContain('"text" contains direction-override characters');
    const zh = t.submit(
      water,
      { type: 'answer', team: 'HQ', decision: 'q_concerns', text },
      { lang: 'zh-CN' },
    );
    expect(zh.ok ? '' : zh.reason).toContain('内容含有改变文字显示方向的控制字符');
    expect(t.stateOf(0).decisions['q_concerns']?.answers ?? []).toEqual([]);
  });

  it('an evaluator may record observations and nothing else; the transcript verifies', () => {
    const t = roomTable();
    const ev: Actor = { kind: 'evaluator', name: 'Eva' };
    expect(t.submit(ev, { type: 'next' })).toMatchObject({ ok: false, code: 'trainer-only' });
    expect(
      t.submit(ev, { type: 'observe', task: 'task_convene', rating: 'S', note: 'convened late' }).ok,
    ).toBe(true);
    expect(t.stateOf(0).observations).toMatchObject([
      { evaluator: 'Eva', task: 'task_convene', rating: 'S' },
    ]);
    expect(t.view({ kind: 'team', team: 'HQ' }, 'en').lanes[0]!.view.observations).toBeUndefined();
    expect(verify(sc, t.transcripts()[0]!).ok).toBe(true);
  });
});

describe('Table views: who answers a per-role question when the seats are split between teams', () => {
  function splitTable(): Table {
    const t = Table.start(
      sc,
      {
        seed: 's',
        mode: 'roles',
        teams: [
          { name: 'Red', roles: ['commander', 'water'] },
          { name: 'Blue', roles: ['civil'] },
        ],
        lang: 'en',
      },
      { startedAt: '2026-01-01T00:00:00.000Z' },
    );
    if ('error' in t) throw new Error(t.error);
    t.submit(trainer, { type: 'start' });
    t.submit(trainer, { type: 'resume' });
    return t;
  }

  it('the facilitator sees every team with the roles it holds; a team sees only its own', () => {
    const t = splitTable();
    const q = (v: ReturnType<Table['view']>) =>
      v.lanes[0]!.view.open.find((d) => d.decision === 'q_concerns');
    expect(q(t.view({ kind: 'facilitator' }, 'en'))?.answerers).toEqual([
      { team: 'Red', roles: ['commander', 'water'] },
      { team: 'Blue', roles: ['civil'] },
    ]);
    expect(q(t.view({ kind: 'team', team: 'Blue' }, 'en'))?.answerers).toEqual([
      { team: 'Blue', roles: ['civil'] },
    ]);
    // The trainer answers for Blue's seat in Blue's name: accepted.
    expect(
      t.submit(trainer, {
        type: 'answer',
        team: 'Blue',
        decision: 'q_concerns',
        role: 'civil',
        text: 'Shelters',
      }).ok,
    ).toBe(true);
    // A question asked of the table (not per role) has one decider and no answerers.
    expect(
      t.view({ kind: 'facilitator' }, 'en').lanes[0]!.view.open.find((d) => d.decision === 'q_table')
        ?.answerers,
    ).toBeUndefined();
  });
});

describe('Table.defaultsClosing', () => {
  it('warns of choices closing with their default, never of discussion questions (they have none)', () => {
    const t = roomTable();
    const hour = { type: 'advance' as const, minutes: 120 };
    // The table question closes unanswered within the hour: no default to warn about.
    expect(t.defaultsClosing(hour)).toEqual([]);
    expect(t.submit(trainer, hour)).toMatchObject({ ok: true });
    expect(t.view({ kind: 'facilitator' }, 'en').lanes[0]!.view.closed.map((c) => c.decision)).toContain(
      'q_table',
    );
    // Module 2: the per-role shelter question and the warning choice both close in ten hours; only the
    // choice is taken by its default.
    t.submit(trainer, { type: 'advance', minutes: 24 * 60 });
    t.submit(trainer, { type: 'resume' });
    expect(t.clock).toBe(-48 * 60);
    expect(t.defaultsClosing({ type: 'advance', minutes: 600 }).map((c) => c.decision)).toEqual(['q_warn']);
  });
});
