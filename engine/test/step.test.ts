import { describe, expect, it } from 'vitest';
import {
  createDrill,
  nextEventTime,
  step,
  type DrillState,
  type Input,
  type StepResult,
} from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const solo = [{ id: 'p1', name: 'Ana', team: 't', roles: ['all'] }];

function given(inputs: Input[], participants = solo, seed = '1'): DrillState {
  const c = createDrill(sc, { seed, participants });
  if (!c.ok) throw new Error(c.reason);
  let s = c.state;
  for (const i of inputs) {
    const r = step(sc, s, i);
    if (!r.ok) throw new Error(`${JSON.stringify(i)}: ${r.rejection.reason}`);
    s = r.state;
  }
  return s;
}
const rejected = (r: StepResult): string => (r.ok ? 'accepted' : r.rejection.code);

describe('step: lifecycle', () => {
  it('refuses to advance before the drill starts, with a reason', () => {
    const s = given([]);
    const r = step(sc, s, { type: 'advance', to: 'next' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rejection.reason).toMatch(/not started/);
    expect(r.state).toBe(s);
  });
  it('delivers the injects due at the start when the drill starts', () => {
    const r = step(sc, given([]), { type: 'start' });
    expect(r.ok && r.state.phase).toBe('running');
    expect(r.ok && r.events.some((e) => e.type === 'inject' && e.id === 'first')).toBe(true);
    expect(r.ok && r.state.world.level).toBe(1);
  });
  it('freezes the clock while paused and accepts it again after resume', () => {
    const s = given([{ type: 'start' }, { type: 'pause' }]);
    expect(rejected(step(sc, s, { type: 'advance', minutes: 60 }))).toBe('wrong-phase');
    const r = step(sc, s, { type: 'resume' });
    expect(r.ok && r.state.phase).toBe('running');
  });
  it('ends in the debrief, closing open decisions with their defaults', () => {
    const s = given([{ type: 'start' }, { type: 'advance', minutes: 240 }, { type: 'end' }]);
    expect(s.phase).toBe('debrief');
    expect(s.decisions.ack!.status).toBe('closed');
    expect(s.decisions.ack!.timeliness).toBe('missed');
    expect(s.ending).toBeDefined();
  });
  it('reaches the debrief on its own when the clock reaches the end', () => {
    const s = given([{ type: 'start' }, { type: 'advance', minutes: 100_000 }]);
    expect(s.clock).toBe(sc.clock.end);
    expect(s.phase).toBe('debrief');
  });
  it('never throws on garbage input and says the input is malformed', () => {
    const s = given([{ type: 'start' }]);
    for (const bad of [
      null,
      42,
      'advance',
      { type: 'fly' },
      { type: 'advance' },
      { type: 'advance', minutes: -5 },
      { type: 'choose' },
    ])
      expect(rejected(step(sc, s, bad))).toBe('malformed');
  });
});

describe('step: the clock', () => {
  it('advance to next stops at the next visible event, not at silent ticks or hidden draws', () => {
    const s = given([{ type: 'start' }]);
    expect(nextEventTime(sc, s, true)).toBe(-480); // the hidden variation draw at T-8h: not a stop
    const r = step(sc, s, { type: 'advance', to: 'next' });
    expect(r.ok && r.state.clock).toBe(-360); // the warning and the `ack` decision at T-6h
    expect(
      r.ok && r.events.filter((e) => e.type === 'inject').map((e) => e.type === 'inject' && e.id),
    ).toEqual(['warn']);
  });
  it('advance to next stops where a condition-triggered inject fires on a dynamics tick, never after it', () => {
    // rumour grows by 1 an hour; `rumour_big` fires when it reaches 6, at T-5h (with `measures` opening).
    let s = given([{ type: 'start' }, { type: 'advance', to: 'next' }]);
    const r = step(sc, s, { type: 'advance', to: 'next' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    s = r.state;
    expect(s.clock).toBe(-300);
    expect(s.feed.find((f) => f.inject === 'rumour_big')?.at).toBe(-300);
    expect(s.decisions.measures).toMatchObject({ status: 'open', openedAt: -300 });
  });
  it('applies hourly dynamics on the way while advancing by minutes', () => {
    const s = given([{ type: 'start' }, { type: 'advance', minutes: 180 }]);
    expect(s.clock).toBe(-420);
    expect(s.world.rumour).toBe(4); // ticks at T-10h (on start), T-9h, T-8h, T-7h
  });
  it('draws the variation at its time and applies its effects', () => {
    const s = given([{ type: 'start' }, { type: 'advance', minutes: 120 }]);
    expect(['hit', 'miss']).toContain(s.variations.track);
    expect(s.world.severity).toBe(s.variations.track === 'hit' ? 2 : 0.5);
  });
});

describe('step: decisions', () => {
  const atWarn: Input[] = [{ type: 'start' }, { type: 'advance', minutes: 240 }];
  it('opens a decision on the clock, with its deadline resolved relative to opening', () => {
    const s = given(atWarn);
    expect(s.decisions.ack).toMatchObject({ status: 'open', openedAt: -360, due: -300, closesAt: -240 });
  });
  it('records an on-time choice with who made it and the rationale, and applies its effects', () => {
    const r = step(sc, given(atWarn), {
      type: 'choose',
      participant: 'p1',
      decision: 'ack',
      options: ['yes'],
      rationale: 'call-and-answer',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.decisions.ack).toMatchObject({
      status: 'closed',
      by: 'p1',
      timeliness: 'on-time',
      options: ['yes'],
      rationale: 'call-and-answer',
    });
    expect(r.state.world.acked).toBe(true);
  });
  it('marks a choice after the due time but before closing as late', () => {
    const s = given([
      ...atWarn,
      { type: 'advance', minutes: 90 },
      { type: 'choose', participant: 'p1', decision: 'ack', options: ['yes'] },
    ]);
    expect(s.decisions.ack!.timeliness).toBe('late');
  });
  it('takes the default and records the decision as missed when nobody decides by the close', () => {
    const s = given([...atWarn, { type: 'advance', minutes: 120 }]);
    expect(s.decisions.ack).toMatchObject({ status: 'closed', timeliness: 'missed', options: ['ignore'] });
    expect(s.decisions.ack!.by).toBeUndefined();
  });
  it('refuses a decision that is closed, not yet open, unknown, or an option it does not offer', () => {
    const s = given(atWarn);
    expect(
      rejected(step(sc, s, { type: 'choose', participant: 'p1', decision: 'trucks', allocation: { x: 1 } })),
    ).toBe('decision-not-open');
    expect(
      rejected(step(sc, s, { type: 'choose', participant: 'p1', decision: 'nope', options: ['a'] })),
    ).toBe('unknown-decision');
    expect(
      rejected(step(sc, s, { type: 'choose', participant: 'p1', decision: 'ack', options: ['maybe'] })),
    ).toBe('option-not-offered');
    expect(
      rejected(
        step(sc, s, { type: 'choose', participant: 'p1', decision: 'ack', options: ['yes', 'ignore'] }),
      ),
    ).toBe('bad-choice');
    expect(
      rejected(step(sc, s, { type: 'choose', participant: 'ghost', decision: 'ack', options: ['yes'] })),
    ).toBe('unknown-participant');
    const done = given([...atWarn, { type: 'choose', participant: 'p1', decision: 'ack', options: ['yes'] }]);
    expect(
      rejected(step(sc, done, { type: 'choose', participant: 'p1', decision: 'ack', options: ['yes'] })),
    ).toBe('decision-closed');
  });
  it('lets a participant decide only for the roles they hold', () => {
    const team = [
      { id: 'c', name: 'Chief', team: 'A', roles: ['chief'] },
      { id: 'p', name: 'Press', team: 'A', roles: ['press'] },
    ];
    const s = given(atWarn, team);
    const r = step(sc, s, { type: 'choose', participant: 'p', decision: 'ack', options: ['yes'] });
    expect(rejected(r)).toBe('role-not-allowed');
    if (!r.ok) expect(r.rejection.reason).toMatch(/Press .* may not decide `ack`/);
    expect(step(sc, s, { type: 'choose', participant: 'c', decision: 'ack', options: ['yes'] }).ok).toBe(
      true,
    );
  });
  it('delivers a follow-up inject after its delay', () => {
    const s = given([...atWarn, { type: 'choose', participant: 'p1', decision: 'ack', options: ['yes'] }]);
    expect(s.injects.followup).toMatchObject({ status: 'scheduled', due: -330 });
    const r = step(sc, s, { type: 'advance', minutes: 30 });
    expect(r.ok && r.state.injects.followup!.status).toBe('fired');
  });
  it('fires a contingency inject only when the expected action has not happened', () => {
    const skipped = given([
      ...atWarn,
      { type: 'choose', participant: 'p1', decision: 'ack', options: ['yes'] },
      { type: 'advance', minutes: 200 },
    ]);
    expect(skipped.injects.nag!.status).toBe('skipped');
    const fired = given([...atWarn, { type: 'advance', minutes: 200 }]);
    expect(fired.injects.nag!.status).toBe('fired');
  });
  it('fires a condition-only inject as soon as its condition holds', () => {
    const s = given([{ type: 'start' }, { type: 'advance', minutes: 300 }]);
    expect(s.world.rumour).toBeGreaterThanOrEqual(6);
    expect(s.injects.rumour_big!.status).toBe('fired');
    expect(s.feed.find((f) => f.inject === 'rumour_big')!.at).toBe(-600 + 5 * 60);
  });
  it('takes several options in a multi-choice decision, up to its max', () => {
    const s = given([{ type: 'start' }, { type: 'advance', minutes: 300 }]);
    expect(
      rejected(
        step(sc, s, { type: 'choose', participant: 'p1', decision: 'measures', options: ['a', 'b', 'none'] }),
      ),
    ).toBe('bad-choice');
    const r = step(sc, s, { type: 'choose', participant: 'p1', decision: 'measures', options: ['a', 'b'] });
    expect(r.ok && r.state.world.rate).toBe(30);
  });
  it('checks an allocation against the budget and the per-target bounds', () => {
    const s = given([{ type: 'start' }, { type: 'advance', minutes: 600 }]);
    expect(s.decisions.trucks!.status).toBe('open');
    expect(
      rejected(
        step(sc, s, { type: 'choose', participant: 'p1', decision: 'trucks', allocation: { x: 3, y: 2 } }),
      ),
    ).toBe('bad-choice');
    expect(
      rejected(step(sc, s, { type: 'choose', participant: 'p1', decision: 'trucks', allocation: { x: 4 } })),
    ).toBe('bad-choice');
    expect(
      rejected(step(sc, s, { type: 'choose', participant: 'p1', decision: 'trucks', allocation: { z: 1 } })),
    ).toBe('option-not-offered');
    const r = step(sc, s, {
      type: 'choose',
      participant: 'p1',
      decision: 'trucks',
      allocation: { x: 2, y: 2 },
    });
    expect(r.ok && r.state.decisions.trucks!.allocation).toEqual({ x: 2, y: 2 });
  });
});

describe('step: trainer actions', () => {
  it('delivers an ad-hoc inject to the roles named, and refuses an unknown role', () => {
    const s = given([{ type: 'start' }]);
    const r = step(sc, s, {
      type: 'inject',
      id: 'adhoc-1',
      roles: ['press'],
      text: 'A journalist is at the gate',
    });
    expect(r.ok && r.state.feed.at(-1)).toMatchObject({ inject: 'adhoc-1', roles: ['press'] });
    expect(rejected(step(sc, s, { type: 'inject', id: 'adhoc-2', roles: ['mayor'], text: 'x' }))).toBe(
      'unknown-role',
    );
  });
  it('records an evaluator override in the state, even after the drill ended', () => {
    const s = given([{ type: 'start' }, { type: 'end' }]);
    const r = step(sc, s, {
      type: 'override',
      capability: 'mass_care',
      rating: 'S',
      note: 'Good improvisation',
    });
    expect(r.ok && r.state.overrides).toEqual([
      {
        capability: 'mass_care',
        subject: { kind: 'overall' },
        rating: 'S',
        note: 'Good improvisation',
        seq: 3,
      },
    ]);
    expect(rejected(step(sc, s, { type: 'override', capability: 'flying', rating: 'S', note: 'x' }))).toBe(
      'unknown-capability',
    );
  });
});

describe('step: texts that cannot be hashed', () => {
  it('refuses an input whose rationale holds a lone surrogate, as a value with a reason', () => {
    const s = given([{ type: 'start' }, { type: 'advance', to: 'next' }]);
    const r = step(sc, s, {
      type: 'choose',
      participant: 'p1',
      decision: 'ack',
      options: ['yes'],
      rationale: 'ok \ud800',
    });
    expect(rejected(r)).toBe('malformed');
    if (!r.ok) expect(r.rejection.reason).toMatch(/lone surrogate/);
  });
});
