import { describe, expect, it } from 'vitest';
import {
  Session,
  soloParticipant,
  Table,
  withColleagues,
  type Actor,
  type Input,
  type TableCommand,
  type TranscriptEntry,
} from '../src/index.ts';
import { discussionFixture } from './discussion-fixture.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const startedAt = '2026-01-01T00:00:00.000Z';

/** A terminal's session: its own participant `p1` in the chief's seat, a simulated colleague in the press seat. */
function soloSession(role = 'chief'): Session {
  const s = Session.start(sc, {
    seed: 's1',
    participants: withColleagues(sc, [{ ...soloParticipant('Chen', 'solo'), roles: [role] }], 'weak'),
    startedAt,
    meta: { mode: 'interactive', lang: 'en', role },
  });
  if ('error' in s) throw new Error(s.error);
  return s;
}

function soloTable(s: Session): Table {
  const t = Table.solo(sc, s);
  if ('error' in t) throw new Error(t.error);
  return t;
}

const me: Actor = { kind: 'solo', team: 'solo', roles: ['chief'] };

describe('Table.solo: one cadre at a terminal', () => {
  it('records exactly the inputs a bare session would, under the session’s own participant, without a name', () => {
    const t = soloTable(soloSession());
    expect(t.setup).toMatchObject({
      mode: 'roles',
      teams: [{ name: 'solo', roles: ['chief'] }],
      colleagues: 'weak',
      lang: 'en',
    });
    const commands: TableCommand[] = [
      { type: 'start' },
      { type: 'next' },
      {
        type: 'choose',
        team: 'solo',
        decision: 'ack',
        options: ['yes'],
        rationale: 'early',
        elapsedMs: 1200,
      },
      { type: 'advance', minutes: 60 },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'end' },
    ];
    for (const c of commands) {
      const r = t.submit(me, c);
      if (!r.ok) throw new Error(`${c.type}: ${r.reason}`);
    }
    const inputs = t.transcripts()[0]!.entries.map((e) => e.input);
    expect(inputs).toEqual<Input[]>([
      { type: 'start' },
      { type: 'advance', to: 'next', for: 'p1' },
      {
        type: 'choose',
        participant: 'p1',
        decision: 'ack',
        options: ['yes'],
        rationale: 'early',
        elapsedMs: 1200,
      },
      { type: 'advance', minutes: 60 },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'end' },
    ]);
    // Byte for byte the transcript a bare session writes for the same inputs.
    const bare = soloSession();
    for (const i of inputs) expect(bare.apply(i).ok).toBe(true);
    expect(JSON.stringify(t.transcripts()[0])).toBe(JSON.stringify(bare.transcript()));
  });

  it('journals through the port before it answers, and a failed write changes nothing', () => {
    const t = soloTable(soloSession());
    const written: TranscriptEntry[] = [];
    t.journal = { append: (_i, e) => written.push(e) };
    expect(t.submit(me, { type: 'start' }).ok).toBe(true);
    expect(written.map((e) => e.seq)).toEqual([1]);
    t.journal = {
      append: () => {
        throw new Error('disk full');
      },
    };
    const r = t.submit(me, { type: 'advance', minutes: 60 });
    expect(r).toMatchObject({ ok: false, code: 'engine', engineCode: 'not-saved' });
    expect(t.seq).toBe(1);
  });

  it('decides only for the cadre’s seats and leaves the trainer’s powers to the trainer', () => {
    const t = soloTable(soloSession('press'));
    const press: Actor = { kind: 'solo', team: 'solo', roles: ['press'] };
    expect(t.submit(press, { type: 'start' }).ok).toBe(true);
    expect(
      t.submit(press, { type: 'choose', team: 'solo', decision: 'ack', options: ['yes'] }),
    ).toMatchObject({
      ok: false,
      code: 'not-your-seat',
    });
    expect(t.submit(press, { type: 'inject', roles: ['all'], text: { en: 'x' } })).toMatchObject({
      ok: false,
      code: 'trainer-only',
    });
    expect(t.submit(press, { type: 'override', capability: 'x', rating: 'P', note: 'n' })).toMatchObject({
      ok: false,
      code: 'trainer-only',
    });
    expect(t.seq).toBe(1);
  });

  it('resumes around a replayed session with the same state and carries on', () => {
    const first = soloSession();
    const t1 = soloTable(first);
    t1.submit(me, { type: 'start' });
    t1.submit(me, { type: 'next' });
    const again = Session.resume(sc, { header: first.header, entries: [...first.entries] });
    if ('error' in again) throw new Error(again.error);
    const t2 = soloTable(again);
    expect(t2.stateOf(0)).toEqual(t1.stateOf(0));
    expect(t2.submit(me, { type: 'next' }).ok).toBe(true);
    expect(
      t2.view({ kind: 'member', team: 'solo', roles: ['chief'] }, 'en').lanes[0]!.view.feed.length,
    ).toBeGreaterThan(0);
  });

  it('answers a question asked of each role for any role when the cadre holds every seat', () => {
    const dsc = discussionFixture();
    const s = Session.start(dsc, {
      seed: '7',
      participants: [soloParticipant('Chen', 'solo')],
      startedAt,
    });
    if ('error' in s) throw new Error(s.error);
    const t = Table.solo(dsc, s);
    if ('error' in t) throw new Error(t.error);
    const all: Actor = { kind: 'solo', team: 'solo', roles: ['all'] };
    for (const c of [{ type: 'start' }, { type: 'resume' }] as const) expect(t.submit(all, c).ok).toBe(true);
    const r = t.submit(all, {
      type: 'answer',
      team: 'solo',
      decision: 'q_concerns',
      role: 'water',
      text: 'the dam',
    });
    expect(r.ok).toBe(true);
    expect(t.stateOf(0).decisions.q_concerns!.answers).toEqual([
      { role: 'water', by: 'p1', at: -4320, text: 'the dam' },
    ]);
  });
});
