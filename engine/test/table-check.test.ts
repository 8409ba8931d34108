import { describe, expect, it } from 'vitest';
import { stateHash, Table, type Actor, type TableCommand } from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const startedAt = '2026-01-01T00:00:00.000Z';
const trainer: Actor = { kind: 'trainer' };
const red: Actor = { kind: 'member', team: 'Red', roles: ['chief'], name: 'Rae' };
const blue: Actor = { kind: 'member', team: 'Blue', roles: ['press'], name: 'Bo' };

function table(): Table {
  const t = Table.start(
    sc,
    {
      seed: 's1',
      mode: 'roles',
      teams: [
        { name: 'Red', roles: ['chief'] },
        { name: 'Blue', roles: ['press'] },
      ],
      lang: 'en',
    },
    { startedAt },
  );
  if ('error' in t) throw new Error(t.error);
  return t;
}

const hashes = (t: Table): string[] =>
  Array.from({ length: t.sessionCount }, (_, i) => stateHash(t.stateOf(i)));

/** Everything `check` says must be what `submit` then does: the same refusal, or an acceptance. */
function agrees(t: Table, actor: Actor, command: TableCommand, o: { expectSeq?: number } = {}) {
  const before = hashes(t);
  const seq = t.seq;
  const checked = t.check(actor, command, o);
  expect(hashes(t)).toEqual(before);
  expect(t.seq).toBe(seq);
  const done = t.submit(actor, command, o);
  if (checked.ok) expect(done.ok, JSON.stringify(done)).toBe(true);
  else expect(done).toEqual(checked);
  return checked;
}

describe('Table.check: a dry run of submit', () => {
  it('answers as submit would for every kind of refusal, and changes nothing', () => {
    const t = table();
    expect(agrees(t, red, { type: 'start' })).toMatchObject({ ok: false, code: 'trainer-only' });
    expect(agrees(t, trainer, { type: 'advance', minutes: 0 })).toMatchObject({ code: 'malformed' });
    expect(agrees(t, trainer, { type: 'start' }).ok).toBe(true);
    expect(agrees(t, trainer, { type: 'next' }, { expectSeq: 0 })).toMatchObject({ code: 'stale' });
    expect(agrees(t, trainer, { type: 'advance', minutes: 4 * 60 }).ok).toBe(true);
    const ack: TableCommand = { type: 'choose', team: 'Red', decision: 'ack', options: ['yes'] };
    expect(agrees(t, blue, { ...ack, team: 'Blue' })).toMatchObject({ code: 'not-your-seat' });
    expect(agrees(t, blue, ack)).toMatchObject({ code: 'not-your-team' });
    expect(agrees(t, red, { ...ack, options: ['yes', 'ignore'] })).toMatchObject({
      code: 'engine',
      engineCode: 'bad-choice',
      problem: { kind: 'pick-one' },
    });
    expect(agrees(t, red, ack).ok).toBe(true);
    expect(agrees(t, red, ack)).toMatchObject({ code: 'engine', engineCode: 'decision-closed' });
  });

  it('refuses direction-override characters in rationales and inject texts, naming the field', () => {
    const t = table();
    t.submit(trainer, { type: 'start' });
    t.submit(trainer, { type: 'advance', minutes: 4 * 60 });
    const ack: TableCommand = { type: 'choose', team: 'Red', decision: 'ack', options: ['yes'] };
    for (const mark of ['\u202a', '\u202e', '\u2066', '\u2069']) {
      const r = agrees(t, red, { ...ack, rationale: `ok ${mark}reversed` });
      expect(r).toMatchObject({ ok: false, code: 'malformed' });
      expect(r.ok ? '' : r.reason).toContain('"rationale" contains direction-override characters');
    }
    const zh = t.check(red, { ...ack, rationale: 'a\u202eb' }, { lang: 'zh-CN' });
    expect(zh.ok ? '' : zh.reason).toContain('理由含有改变文字显示方向的控制字符');
    type Text = Extract<TableCommand, { type: 'inject' }>['text'];
    const inject = (text: Text, title?: Text): TableCommand => ({
      type: 'inject',
      roles: ['chief'],
      text,
      ...(title !== undefined ? { title } : {}),
    });
    expect(agrees(t, trainer, inject('News \u2067here'))).toMatchObject({ code: 'malformed' });
    const injZh = t.check(trainer, inject({ en: 'ok', 'zh-CN': '消息\u202d' }), { lang: 'zh-CN' });
    expect(injZh.ok ? '' : injZh.reason).toContain('内容含有改变文字显示方向的控制字符');
    expect(agrees(t, trainer, inject('plain', '\u202b'))).toMatchObject({ code: 'malformed' });
    // Ordinary text (Arabic, Hebrew, new lines) still goes through.
    expect(agrees(t, red, { ...ack, rationale: 'مرحبا שלום\nline' }).ok).toBe(true);
    expect(agrees(t, trainer, inject('plain')).ok).toBe(true);
  });

  it("names what is wrong with a choice's shape: counts, per-target limits, the budget", () => {
    const t = table();
    t.submit(trainer, { type: 'start' });
    const to = (at: number): void => {
      expect(t.submit(trainer, { type: 'advance', minutes: at - t.clock }).ok).toBe(true);
    };
    to(-4 * 60); // `measures` is open (T-5h to T-2h)
    const measures = (options: string[]): TableCommand => ({
      type: 'choose',
      team: 'Red',
      decision: 'measures',
      options,
    });
    expect(t.check(red, measures([]))).toMatchObject({ problem: { kind: 'pick-some', max: 2 } });
    expect(t.check(red, measures(['a', 'b', 'none']))).toMatchObject({
      problem: { kind: 'too-many', max: 2 },
    });
    expect(t.check(red, measures(['a', 'b'])).ok).toBe(true);
    to(30); // `trucks` is open (from T0)
    const trucks = (allocation: Record<string, number>): TableCommand => ({
      type: 'choose',
      team: 'Red',
      decision: 'trucks',
      allocation,
    });
    expect(t.check(red, trucks({ x: 4, y: 0 }))).toMatchObject({
      problem: { kind: 'target-max', option: 'x', max: 3 },
    });
    expect(t.check(red, trucks({ x: 3, y: 2 }))).toMatchObject({
      problem: { kind: 'over-budget', total: 5, budget: 4 },
    });
    expect(t.check(red, trucks({ x: 3, y: 1 })).ok).toBe(true);
    // In Chinese the reason is a Chinese sentence; the problem stays data for the front end to word.
    const zh = t.check(red, trucks({ x: 3, y: 2 }), { lang: 'zh-CN' });
    expect(zh).toMatchObject({ problem: { kind: 'over-budget' } });
    expect(zh.ok ? '' : zh.reason).not.toMatch(/[A-Za-z]/);
  });
});
