import { describe, expect, it } from 'vitest';
import { replay, scoreDrill, stateHash, Table, verify, type Actor, type TableCommand } from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const trainer: Actor = { kind: 'trainer', name: 'Trainer' };
const startedAt = '2026-01-01T00:00:00.000Z';

function rolesTable(): Table {
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

function parallelTable(): Table {
  const t = Table.start(
    sc,
    {
      seed: 's1',
      mode: 'parallel',
      teams: [
        { name: 'Red', roles: [] },
        { name: 'Blue', roles: [] },
      ],
      lang: 'en',
    },
    { startedAt },
  );
  if ('error' in t) throw new Error(t.error);
  return t;
}

function ok(t: Table, actor: Actor, c: TableCommand): void {
  const r = t.submit(actor, c);
  if (!r.ok) throw new Error(`${c.type} refused: ${r.reason}`);
}

/** Runs the clock until decision `id` is open. */
function until(t: Table, id: string): void {
  for (let i = 0; i < 50; i++) {
    if (t.view({ kind: 'facilitator' }, 'en').lanes[0]!.view.open.some((d) => d.decision === id)) return;
    ok(t, trainer, { type: 'next' });
  }
  throw new Error(`${id} never opened`);
}

describe('Table: who may send what', () => {
  it('names the field and the limit when a command breaks one, in the sender’s language', () => {
    const t = rolesTable();
    ok(t, trainer, { type: 'start' });
    until(t, 'ack');
    const red: Actor = { kind: 'member', team: 'Red', roles: ['chief'], name: 'Rae' };
    const before = t.seq;
    const long = {
      type: 'choose',
      team: 'Red',
      decision: 'ack',
      options: ['yes'],
      rationale: 'x'.repeat(2001),
    };
    const en = t.submit(red, long, { lang: 'en' });
    expect(en).toMatchObject({ ok: false, code: 'malformed' });
    expect(!en.ok && en.reason).toBe(
      'this request is not well-formed: "rationale" is too long (at most 2000 characters)',
    );
    const zh = t.submit(red, long, { lang: 'zh-CN' });
    expect(!zh.ok && zh.reason).toBe('请求格式不正确：理由过长，最多2000个字符');
    const far = t.submit(trainer, { type: 'advance', minutes: 0 }, { lang: 'zh-CN' });
    expect(!far.ok && far.reason).toBe('请求格式不正确：分钟数过小，最小为1');
    const odd = t.submit(
      red,
      { type: 'choose', team: 'Red', decision: 'ack', options: 'yes' },
      { lang: 'en' },
    );
    expect(!odd.ok && odd.reason).toBe('this request is not well-formed: "options" is not valid');
    expect(t.seq).toBe(before);
  });

  it('lets a member decide only for the seats they hold, in their own team', () => {
    const t = rolesTable();
    ok(t, trainer, { type: 'start' });
    until(t, 'ack');
    const blue: Actor = { kind: 'member', team: 'Blue', roles: ['press'], name: 'Bo' };
    const red: Actor = { kind: 'member', team: 'Red', roles: ['chief'], name: 'Rae' };
    const before = t.seq;
    expect(t.submit(blue, { type: 'choose', team: 'Blue', decision: 'ack', options: ['yes'] })).toMatchObject(
      {
        ok: false,
        code: 'not-your-seat',
      },
    );
    expect(t.submit(blue, { type: 'choose', team: 'Red', decision: 'ack', options: ['yes'] })).toMatchObject({
      ok: false,
      code: 'not-your-team',
    });
    expect(t.submit(red, { type: 'advance', minutes: 60 })).toMatchObject({
      ok: false,
      code: 'trainer-only',
    });
    expect(t.submit({ kind: 'evaluator', name: 'E' }, { type: 'end' })).toMatchObject({
      ok: false,
      code: 'trainer-only',
    });
    expect(
      t.submit(red, { type: 'choose', team: 'Red', decision: 'ack', options: ['yes'], extra: 1 }),
    ).toMatchObject({
      ok: false,
      code: 'malformed',
    });
    expect(t.seq).toBe(before);
    ok(t, red, { type: 'choose', team: 'Red', decision: 'ack', options: ['yes'] });
    expect(t.seq).toBe(before + 1);
    // The member's name is recorded with the choice; a second submission of a closed decision is refused.
    const entry = t.transcripts()[0]!.entries.at(-1)!;
    expect(entry.input).toMatchObject({ type: 'choose', participant: 'team-1', by: 'Rae' });
    expect(
      t.submit(red, { type: 'choose', team: 'Red', decision: 'ack', options: ['ignore'] }),
    ).toMatchObject({
      ok: false,
      engineCode: 'decision-closed',
    });
  });

  it('refuses a clock command sent against an older sequence number, and says so in Chinese', () => {
    const t = rolesTable();
    ok(t, trainer, { type: 'start' });
    const seen = t.seq;
    ok(t, trainer, { type: 'next' });
    const r = t.submit(trainer, { type: 'next' }, { expectSeq: seen, lang: 'zh-CN' });
    expect(r).toMatchObject({ ok: false, code: 'stale' });
    if (!r.ok) expect(r.reason).not.toMatch(/[A-Za-z]/);
    expect(t.submit(trainer, { type: 'next' }, { expectSeq: t.seq }).ok).toBe(true);
  });

  it('a member sees only the injects and decisions of the seats they hold', () => {
    const t = rolesTable();
    ok(t, trainer, { type: 'start' });
    until(t, 'ack');
    const press = t.view({ kind: 'member', team: 'Blue', roles: ['press'] }, 'en').lanes[0]!.view;
    const chief = t.view({ kind: 'member', team: 'Red', roles: ['chief'] }, 'en').lanes[0]!.view;
    expect(press.open.map((d) => d.decision)).not.toContain('ack');
    expect(chief.open.map((d) => d.decision)).toContain('ack');
    expect(press.feed.some((f) => f.inject === 'warn')).toBe(false);
    expect(chief.feed.some((f) => f.inject === 'warn')).toBe(true);
    expect(press.score).toBeUndefined();
    // The projector says which team must answer each open question.
    const proj = t.view({ kind: 'projector', showScores: false }, 'en').lanes[0]!.view;
    expect(proj.open.find((d) => d.decision === 'ack')?.decider).toEqual({ team: 'Red', colleague: false });
  });
});

describe('Table: parallel teams', () => {
  it('keeps every team on one clock, sends an inject to one team only, and an override is the team’s rating everywhere', () => {
    const t = parallelTable();
    ok(t, trainer, { type: 'start' });
    for (let i = 0; i < 4; i++) ok(t, trainer, { type: 'next' });
    expect(t.stateOf(0).clock).toBe(t.stateOf(1).clock);
    ok(t, trainer, { type: 'inject', team: 'Blue', roles: ['all'], text: 'Only Blue' });
    const red = t.view({ kind: 'team', team: 'Red' }, 'en').lanes[0]!.view;
    const blue = t.view({ kind: 'team', team: 'Blue' }, 'en').lanes[0]!.view;
    expect(red.feed.some((f) => f.text === 'Only Blue')).toBe(false);
    expect(blue.feed.some((f) => f.text === 'Only Blue')).toBe(true);
    ok(t, trainer, {
      type: 'override',
      team: 'Red',
      capability: 'warning_dissemination',
      rating: 'P',
      note: 'called back by phone',
    });
    const [redScore, blueScore] = t.scores();
    const cap = (r: typeof redScore, c: string) => r!.report.capabilities.find((x) => x.capability === c);
    expect(cap(redScore, 'warning_dissemination')?.final).toBe('P');
    expect(cap(blueScore, 'warning_dissemination')?.final).not.toBe('P');
    // The team's own ratings and score are the session's overall ones: one number everywhere.
    expect(redScore!.ratings.capabilities.find((x) => x.capability === 'warning_dissemination')?.final).toBe(
      'P',
    );
    expect(redScore!.ratings.score).toBe(redScore!.report.overall);
  });
});

describe('Table: corrections and warnings', () => {
  it('corrects a mis-recorded choice as a recorded trainer input: replay and verify hold', () => {
    const t = rolesTable();
    ok(t, trainer, { type: 'start' });
    until(t, 'ack');
    ok(t, trainer, { type: 'choose', team: 'Red', decision: 'ack', options: ['ignore'] });
    ok(t, trainer, { type: 'next' });
    ok(t, trainer, {
      type: 'correct',
      team: 'Red',
      decision: 'ack',
      options: ['yes'],
      note: 'Red said yes; I clicked no',
    });
    const s = t.stateOf(0);
    expect(s.decisions['ack']).toMatchObject({
      options: ['yes'],
      correction: { note: 'Red said yes; I clicked no' },
    });
    expect(s.world['acked']).toBe(true);
    const tr = t.transcripts()[0]!;
    expect(tr.entries.at(-1)!.input).toMatchObject({ type: 'correct', by: 'Trainer' });
    const r = replay(sc, tr);
    expect(r.ok && stateHash(r.state)).toBe(stateHash(s));
    expect(verify(sc, tr).ok).toBe(true);
    expect(scoreDrill(sc, s).decisions.find((d) => d.decision === 'ack')?.value).toBe(1);
    // A correction that names no recorded choice is refused and changes nothing.
    const seq = t.seq;
    expect(
      t.submit(trainer, { type: 'correct', team: 'Red', decision: 'trucks', options: ['x'], note: 'x' }).ok,
    ).toBe(false);
    expect(t.seq).toBe(seq);
  });

  it('warns which decisions an advance would close with their defaults', () => {
    const t = rolesTable();
    ok(t, trainer, { type: 'start' });
    until(t, 'ack');
    const closing = t.defaultsClosing({ type: 'advance', minutes: 24 * 60 });
    expect(closing.map((c) => c.decision)).toContain('ack');
    expect(t.defaultsClosing({ type: 'advance', minutes: 1 })).toEqual([]);
  });

  it('resumes from its save with the same state hashes, and refuses a tampered save', () => {
    const t = parallelTable();
    ok(t, trainer, { type: 'start' });
    ok(t, trainer, { type: 'next' });
    const saved = t.save();
    const back = Table.resume(sc, JSON.parse(JSON.stringify(saved)) as typeof saved);
    if ('error' in back) throw new Error(back.error);
    expect([0, 1].map((i) => stateHash(back.stateOf(i)))).toEqual([0, 1].map((i) => stateHash(t.stateOf(i))));
    const bad = JSON.parse(JSON.stringify(saved)) as typeof saved;
    (bad.transcripts[1]!.entries[0]!.input as { type: string }).type = 'end';
    expect('error' in Table.resume(sc, bad)).toBe(true);
  });
});

const red: Actor = { kind: 'member', team: 'Red', roles: ['chief'], name: 'Rae' };
const blue: Actor = { kind: 'member', team: 'Blue', roles: ['press'], name: 'Bo' };
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
    const t = rolesTable();
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
    const t = rolesTable();
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
    const t = rolesTable();
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
