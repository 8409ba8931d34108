import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileScenario,
  localize,
  replay,
  scoreDrill,
  Session,
  step,
  verify,
  viewFor,
  type DrillState,
  type Input,
  type Participant,
  type Viewer,
} from '../src/index.ts';
import { discussionFixture } from './discussion-fixture.ts';

const sc = discussionFixture();
const people: Participant[] = [
  { id: 'p1', name: 'Ana', team: 'red', roles: ['commander'] },
  { id: 'p2', name: 'Bo', team: 'red', roles: ['water'] },
  { id: 'p3', name: 'Cai', team: 'blue', roles: ['civil'] },
];

function session(seed = '1'): Session {
  const s = Session.start(sc, { seed, participants: people, startedAt: '2026-01-01T00:00:00.000Z' });
  if ('error' in s) throw new Error(s.error);
  return s;
}
function ok(s: Session, input: Input): void {
  const r = s.apply(input);
  if (!r.ok) throw new Error(r.rejection.reason);
}
const refused = (s: Session, input: Input): string => {
  const r = s.apply(input);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
  return r.rejection.reason;
};

describe('modules', () => {
  it('waits at a module start before anything in it happens, until the facilitator resumes', () => {
    const s = session();
    ok(s, { type: 'start' });
    expect(s.state).toMatchObject({ phase: 'paused', holding: true, module: 'm1', clock: -4320 });
    expect(s.state.feed).toEqual([]);
    expect(s.state.decisions.q_concerns!.status).toBe('pending');
    ok(s, { type: 'resume' });
    expect(s.state.holding).toBeUndefined();
    expect(s.state.feed.map((f) => f.inject)).toEqual(['forecast']);
    expect(s.state.decisions.q_concerns!.status).toBe('open');
    // The next module stops an advance however far it was meant to go.
    ok(s, { type: 'advance', minutes: 5000 });
    expect(s.state).toMatchObject({ phase: 'paused', holding: true, module: 'm2', clock: -2880 });
    expect(s.state.variations).toEqual({});
    expect(refused(s, { type: 'advance', to: 'next' })).toMatch(/paused/);
  });

  it('shows a drawn outcome’s notice in every seat’s feed', () => {
    const s = session('7');
    ok(s, { type: 'start' });
    ok(s, { type: 'resume' });
    ok(s, { type: 'advance', to: 'next' });
    while (s.state.module !== 'm2') ok(s, { type: 'advance', to: 'next' });
    ok(s, { type: 'resume' });
    const outcome = s.state.variations.rain!;
    const notice = s.state.feed.find((f) => f.notice);
    expect(notice).toMatchObject({ notice: { variation: 'rain', outcome }, roles: ['all'] });
    const civil = viewFor(sc, s.state, { kind: 'participant', id: 'p3' }, 'en');
    expect(civil.feed.map((f) => f.text)).toContain(
      outcome === 'heavy'
        ? 'NOTICE-HEAVY: the forecast is raised to a red rainstorm warning'
        : 'NOTICE-LIGHT: the rain eases',
    );
  });
});

describe('discussion questions', () => {
  const opened = (): Session => {
    const s = session();
    ok(s, { type: 'start' });
    ok(s, { type: 'resume' });
    return s;
  };

  it('`each: role` collects one answer per role, in the roles’ order, and closes when all have answered', () => {
    const s = opened();
    ok(s, { type: 'answer', participant: 'p2', decision: 'q_concerns', text: 'The dam' });
    ok(s, { type: 'answer', participant: 'p1', decision: 'q_concerns', text: 'Who leads' });
    // A role answering again replaces its answer: still one per role.
    ok(s, { type: 'answer', participant: 'p2', decision: 'q_concerns', text: 'The dam and the dikes' });
    expect(s.state.decisions.q_concerns!.status).toBe('open');
    expect(s.state.decisions.q_concerns!.answers!.map((a) => [a.role, a.text])).toEqual([
      ['commander', 'Who leads'],
      ['water', 'The dam and the dikes'],
    ]);
    ok(s, { type: 'answer', participant: 'p3', decision: 'q_concerns', text: 'Shelters' });
    const r = s.state.decisions.q_concerns!;
    expect(r.status).toBe('closed');
    expect(r.timeliness).toBe('on-time');
    expect(r.answers!.map((a) => a.role)).toEqual(['commander', 'water', 'civil']);
    expect(r.options).toBeUndefined();
  });

  it('checks a choice and an answer alike: the decision’s kind first, then whether it is open (named as what it is)', () => {
    const s = opened();
    expect(s.state.decisions.q_shelter!.status).not.toBe('open');
    expect(s.state.decisions.q_warn!.status).not.toBe('open');
    // The kind is checked before the status: a written answer to a choice is refused as such.
    expect(refused(s, { type: 'answer', participant: 'p1', decision: 'q_warn', text: 'x' })).toBe(
      'decision `q_warn` takes a choice, not a written answer',
    );
    expect(refused(s, { type: 'choose', participant: 'p1', decision: 'q_shelter', options: ['x'] })).toBe(
      '`q_shelter` is a discussion question: record an answer, not a choice',
    );
    expect(refused(s, { type: 'answer', participant: 'p1', decision: 'q_shelter', text: 'x' })).toBe(
      'question `q_shelter` is not open yet',
    );
    expect(refused(s, { type: 'choose', participant: 'p1', decision: 'q_warn', options: ['warn'] })).toBe(
      'decision `q_warn` is not open yet',
    );
  });

  it('refuses what a discussion is not: a choice, a role not asked, an answer from another seat', () => {
    const s = opened();
    expect(refused(s, { type: 'choose', participant: 'p1', decision: 'q_table', options: ['x'] })).toMatch(
      /discussion question: record an answer/,
    );
    expect(refused(s, { type: 'answer', participant: 'p2', decision: 'q_table', text: 'x' })).toMatch(
      /may not answer/,
    );
    expect(
      refused(s, { type: 'answer', participant: 'p1', decision: 'q_concerns', role: 'water', text: 'x' }),
    ).toMatch(/does not hold the role `water`/);
    expect(
      refused(s, { type: 'answer', participant: 'p1', decision: 'q_table', role: 'commander', text: 'x' }),
    ).toMatch(/one answer for the table/);
    // A solo player holds every seat, so says which one speaks.
    const solo = Session.start(sc, {
      seed: 1,
      participants: [{ id: 'me', name: 'Me', team: 'solo', roles: ['all'] }],
      startedAt: '2026-01-01T00:00:00.000Z',
    }) as Session;
    ok(solo, { type: 'start' });
    ok(solo, { type: 'resume' });
    expect(refused(solo, { type: 'answer', participant: 'me', decision: 'q_concerns', text: 'x' })).toMatch(
      /say which role/,
    );
    ok(solo, { type: 'answer', participant: 'me', decision: 'q_concerns', role: 'civil', text: 'x' });
  });

  it('is never scored: answered or not, the score and the ratings are the same', () => {
    const a = opened();
    const b = opened();
    ok(a, { type: 'answer', participant: 'p1', decision: 'q_table', text: 'Convene now' });
    for (const s of [a, b]) ok(s, { type: 'end' });
    expect(b.state.decisions.q_table).toMatchObject({ status: 'closed', timeliness: 'missed' });
    expect(b.state.decisions.q_table!.options).toBeUndefined();
    const sa = scoreDrill(sc, a.state);
    const sb = scoreDrill(sc, b.state);
    expect(sa.decisions.map((d) => d.decision)).toEqual(['q_warn']);
    expect(sa.overall).toBe(sb.overall);
    expect(sa.capabilities).toEqual(sb.capabilities);
  });

  it('without `due`, stays open until the next module starts', () => {
    const s = opened();
    expect(s.state.decisions.q_concerns!.closesAt).toBe(-2880);
    while (s.state.module !== 'm2') ok(s, { type: 'advance', to: 'next' });
    expect(s.state.decisions.q_concerns!.status).toBe('open');
    ok(s, { type: 'resume' });
    expect(s.state.decisions.q_concerns).toMatchObject({ status: 'closed', timeliness: 'missed' });
  });
});

describe('evaluator observations', () => {
  it('are recorded inputs, time-stamped by the scenario clock, in any phase after the start', () => {
    const s = session();
    ok(s, { type: 'start' });
    ok(s, { type: 'observe', evaluator: 'Eve', task: 'task_convene', rating: 'S', note: 'Slow to convene' });
    expect(refused(s, { type: 'observe', evaluator: 'Eve', task: 'nope', rating: 'P', note: 'x' })).toMatch(
      /no critical task `nope`/,
    );
    ok(s, { type: 'resume' });
    ok(s, { type: 'end' });
    ok(s, { type: 'observe', evaluator: 'Eve', task: 'task_warn', at: -2800, rating: 'M', note: 'Late' });
    expect(s.state.observations).toEqual([
      { evaluator: 'Eve', task: 'task_convene', at: -4320, rating: 'S', note: 'Slow to convene', seq: 2 },
      { evaluator: 'Eve', task: 'task_warn', at: -2800, rating: 'M', note: 'Late', seq: 5 },
    ]);
  });
});

describe('a discussion drill as a transcript', () => {
  it('replays and verifies: answers, module holds and observations are inputs like any other', () => {
    const s = session('3');
    ok(s, { type: 'start' });
    ok(s, { type: 'resume' });
    ok(s, { type: 'answer', participant: 'p1', decision: 'q_concerns', text: 'Who leads' });
    ok(s, { type: 'answer', participant: 'p1', decision: 'q_table', text: '会商' });
    ok(s, { type: 'observe', evaluator: 'Eve', task: 'task_convene', rating: 'P', note: 'Quick' });
    while (s.state.phase === 'running') ok(s, { type: 'advance', to: 'next' });
    ok(s, { type: 'resume' });
    ok(s, { type: 'choose', participant: 'p1', decision: 'q_warn', options: ['warn'] });
    ok(s, { type: 'answer', participant: 'p2', decision: 'q_shelter', text: 'Pumps' });
    ok(s, { type: 'end' });
    const t = JSON.parse(JSON.stringify(s.transcript())) as ReturnType<Session['transcript']>;
    expect(verify(sc, t)).toMatchObject({ ok: true, complete: true });
    const r = replay(sc, t);
    expect(r.ok && r.state).toEqual(s.state);
    // An answer edited after the fact breaks the chain at that entry.
    const k = t.entries.findIndex((e) => e.input.type === 'answer');
    (t.entries[k]!.input as { text: string }).text = 'edited';
    expect(verify(sc, t)).toMatchObject({ ok: false, entry: k + 1 });
  });
});

describe('compiling the constructs', () => {
  const base = (decision: string, extra = ''): string => `
format: drill/1
id: x
version: "1"
title: X
hazard: other
setting: { place: P }
clock: { anchor: T0, t0: "2025-01-01T00:00", start: T-2h, end: T0 }
briefing: B
roles: [{ id: a, name: A }]
${extra}
decisions:
${decision}
endings: [{ id: e, title: E, text: E }]
`;
  const problems = (yaml: string): string[] => {
    const r = compileScenario({ path: 'x.yaml', text: yaml });
    return r.ok
      ? []
      : r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`);
  };

  it('refuses a score on a discussion, per role for `all`, and a module out of order, at their lines', () => {
    expect(
      problems(
        base(
          `  - { id: q, kind: discuss, each: role, roles: [all], opens: T-2h, prompt: Q, capability: recovery }`,
        ),
      ),
    ).toEqual([
      '13: `each: role` needs the roles named, not `all`',
      '13: a discussion question has no `capability`: it has no right answer and is never scored',
    ]);
    expect(
      problems(
        base(
          `  - { id: q, kind: discuss, roles: [a], opens: T-2h, prompt: Q }`,
          `modules:\n  - { id: m1, at: T-1h, title: M1 }\n  - { id: m2, at: T-90m, title: M2 }`,
        ),
      ),
    ).toEqual(['13: modules are listed in time order, each starting after the one before']);
  });
  it('still asks a scored decision for its options, default, capability and deadline', () => {
    expect(problems(base(`  - { id: q, roles: [a], opens: T-2h, prompt: Q }`))).toEqual([
      '13: a decision needs `due`',
      '13: a decision needs a `default` (what happens when nobody decides)',
      '13: a decision needs at least two `options`',
      '13: a decision needs the `capability` it scores',
    ]);
  });
});

/** A random point in a random discussion drill: answers, observations and module holds included. */
function drillAt(seed: number, n: number): DrillState {
  let s = step(sc, (Session.start(sc, { seed, participants: people, startedAt: 'x' }) as Session).state, {
    type: 'start',
  }).state;
  let k = seed;
  const rnd = (m: number): number => (k = (k * 9301 + 49297) % 233280) % m;
  for (let i = 0; i < n && s.phase !== 'debrief'; i++) {
    const p = people[rnd(3)]!;
    const open = sc.decisions.filter((d) => s.decisions[d.id]!.status === 'open');
    const d = open[rnd(Math.max(1, open.length))];
    const choices: Input[] = [
      { type: 'resume' },
      { type: 'advance', to: 'next' },
      { type: 'observe', evaluator: 'Eve', task: 'task_warn', rating: 'U', note: 'OBSERVATION-NOTE secret' },
      ...(d?.kind === 'discuss'
        ? [{ type: 'answer' as const, participant: p.id, decision: d.id, text: `ANSWER by ${p.id}` }]
        : d
          ? [{ type: 'choose' as const, participant: 'p1', decision: d.id, options: ['warn'] }]
          : []),
    ];
    const r = step(sc, s, choices[rnd(choices.length)]!);
    if (r.ok) s = r.state;
  }
  return s;
}

describe('views of a discussion drill', () => {
  const notes = [
    ...sc.modules.map((m) => m.note),
    ...sc.injects.map((i) => i.note),
    ...sc.decisions.map((d) => d.note),
  ].flatMap((n) => (n ? [localize(n, 'en'), localize(n, 'zh-CN')] : []));

  it('no participant, team or projector ever sees a facilitator note or an observation', () => {
    const viewers = fc.constantFrom<Viewer>(
      { kind: 'participant', id: 'p1' },
      { kind: 'participant', id: 'p3' },
      { kind: 'team', team: 'red' },
      { kind: 'projector', showScores: true },
      { kind: 'projector', team: 'blue', showScores: false },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 30 }),
        viewers,
        fc.constantFrom('en' as const, 'zh-CN' as const),
        (seed, n, v, lang) => {
          const state = drillAt(seed, n);
          const json = JSON.stringify(viewFor(sc, state, v, lang));
          for (const note of notes) expect(json).not.toContain(note);
          expect(json).not.toContain('OBSERVATION-NOTE');
          expect(json).not.toMatch(/"notes"|"observations"/);
          // A participant sees the table's answers and its own roles', never another seat's.
          if (v.kind === 'participant') {
            const other = people.filter((p) => p.id !== v.id).map((p) => `ANSWER by ${p.id}`);
            const q = state.decisions.q_concerns?.answers ?? [];
            for (const a of q) if (other.includes(a.text)) expect(json).not.toContain(a.text);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the facilitator sees the notes on what is under way, and every observation', () => {
    const s = session();
    ok(s, { type: 'start' });
    const held = viewFor(sc, s.state, { kind: 'facilitator' }, 'en');
    expect(held.module).toMatchObject({ id: 'm1', holding: true, keyIssues: ['Who convenes the HQ?'] });
    expect(held.notes).toEqual([
      { on: 'module', id: 'm1', text: 'FACILITATOR-NOTE-M1: push for a decision on convening' },
    ]);
    ok(s, { type: 'resume' });
    ok(s, {
      type: 'observe',
      evaluator: 'Eve',
      task: 'task_convene',
      rating: 'P',
      note: 'OBSERVATION-NOTE ok',
    });
    const f = viewFor(sc, s.state, { kind: 'facilitator' }, 'zh-CN');
    expect(f.notes!.map((x) => `${x.on}:${x.id}`)).toEqual([
      'module:m1',
      'inject:forecast',
      'decision:q_concerns',
    ]);
    expect(f.notes![1]!.text).toBe('导调提示：指挥长应召开会议');
    expect(viewFor(sc, s.state, { kind: 'evaluator' }, 'en').observations).toHaveLength(1);
    // Everyone sees the module itself: its title, summary and key issues.
    expect(viewFor(sc, s.state, { kind: 'participant', id: 'p3' }, 'zh-CN').module).toMatchObject({
      title: '模块一 预报',
      summary: '预报有强降雨。',
      holding: false,
    });
  });
});
