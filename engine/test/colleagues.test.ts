import { describe, expect, it } from 'vitest';
import { autoplay, Session, verify, withColleagues, type Participant } from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const press: Participant = { id: 'p1', name: 'Bo', team: 'solo', roles: ['press'] };

describe('simulated colleagues', () => {
  it('take every decision of the empty seats on time, recorded as inputs, and are never charged', () => {
    const s = autoplay(sc, { seed: '4', policy: 'worst', participants: withColleagues(sc, [press]) });
    const r = s.score();
    const chiefs = r.decisions.filter((d) => !d.roles.includes('press'));
    expect(chiefs.length).toBeGreaterThan(0);
    for (const d of chiefs) {
      expect(d).toMatchObject({
        simulated: true,
        status: 'decided',
        timeliness: 'on-time',
        by: 'colleagues',
      });
      expect(d.credit).toBe(d.best); // competent: the best option
    }
    // The player's score covers only the press seat, which the worst policy played.
    const own = r.decisions.filter((d) => d.simulated === undefined && d.status !== 'not-reached');
    expect(own.every((d) => d.roles.includes('press'))).toBe(true);
    expect(r.participants.map((p) => p.subject.id)).toEqual(['p1']);
    expect(r.improvements.every((id) => own.some((d) => d.decision === id))).toBe(true);
    // Their choices are inputs of a participant of their own: replay and verify hold.
    const t = s.transcript();
    expect(t.entries.some((e) => e.input.type === 'choose' && e.input.participant === 'colleagues')).toBe(
      true,
    );
    expect(verify(sc, t)).toMatchObject({ ok: true, complete: true });
  });

  it('a long advance stops where a colleague must decide, lets them, then goes on to where it was meant to go', () => {
    const s = Session.start(sc, {
      seed: '2',
      participants: withColleagues(sc, [press]),
      startedAt: '2026-01-01T00:00:00Z',
    });
    if ('error' in s) throw new Error(s.error);
    s.apply({ type: 'start' });
    const r = s.apply({ type: 'advance', minutes: 600 }); // T-10h → T0, past `ack` and `measures`
    expect(r.ok).toBe(true);
    expect(s.state.clock).toBe(0);
    for (const id of ['ack', 'measures'])
      expect(s.state.decisions[id]).toMatchObject({ by: 'colleagues', timeliness: 'on-time' });
    expect(r.entries.map((e) => e.input.type)).toEqual(expect.arrayContaining(['advance', 'choose']));
    expect(verify(sc, s.transcript())).toMatchObject({ ok: true });
  });

  it('may not decide a seat a participant at the table holds', () => {
    const s = Session.start(sc, {
      seed: '2',
      participants: withColleagues(sc, [{ ...press, roles: ['chief'] }]),
      startedAt: '2026-01-01T00:00:00Z',
    });
    if ('error' in s) throw new Error(s.error);
    s.apply({ type: 'start' });
    s.apply({ type: 'advance', to: 'next', for: 'p1' });
    expect(s.state.decisions.ack!.status).toBe('open');
    const r = s.apply({ type: 'choose', participant: 'colleagues', decision: 'ack', options: ['yes'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rejection.code).toBe('role-not-allowed');
  });
});
