import { describe, expect, it } from 'vitest';
import { replay, Session, type Input, type Transcript } from '@drill/engine';
import { loadScenario } from '../src/index.ts';

/**
 * The fifth library scenario is the discussion-based, module-paced one (issue 14 item 11): played as a
 * table of six departments, it must pause at each module, take one answer per department on each
 * `each: role` question and one for the table otherwise, keep an evaluator's observations, tell the
 * variation's notice to everyone, and replay to the same state from its transcript.
 */
const sc = loadScenario('preseason');
const BEST: Record<string, string> = {
  q_ledger: 'empty',
  q_water: 'drink_first',
  q_callout: 'call_list',
  q_release: 'to_limit',
  q_order: 'plan_named',
  q_village: 'move_now',
};

function playAsTable(seed: string): { transcript: Transcript; pauses: string[]; s: Session } {
  const participants = sc.roles.map((r, i) => ({
    id: `p${i + 1}`,
    name: r.id,
    team: 'Qiaoxi',
    roles: [r.id],
  }));
  const seat = (role: string): string => participants.find((p) => p.roles[0] === role)!.id;
  const s = Session.start(sc, { seed, participants, startedAt: '2026-03-02T01:00:00.000Z' });
  if ('error' in s) throw new Error(s.error);
  const ok = (i: Input): void => {
    const r = s.apply(i);
    if (!r.ok) throw new Error(`${JSON.stringify(i)} refused`);
  };
  const pauses: string[] = [];
  const answered = new Set<string>();
  ok({ type: 'start' });
  for (let i = 0; i < 500 && s.state.phase !== 'debrief' && s.state.phase !== 'ended'; i++) {
    if (s.state.phase === 'paused') {
      pauses.push(s.state.module ?? '?');
      ok({ type: 'resume' });
      continue;
    }
    let acted = false;
    for (const d of sc.decisions) {
      if (s.state.decisions[d.id]?.status !== 'open') continue;
      if (d.kind === 'discuss') {
        for (const role of d.each === 'role' ? d.roles : [d.roles[0]!]) {
          if (answered.has(`${d.id}/${role}`)) continue;
          answered.add(`${d.id}/${role}`);
          ok({
            type: 'answer',
            participant: seat(role),
            decision: d.id,
            ...(d.each === 'role' ? { role } : {}),
            text: `${role} on ${d.id}`,
          });
          acted = true;
        }
      } else if (BEST[d.id]) {
        ok({ type: 'choose', participant: seat(d.roles[0]!), decision: d.id, options: [BEST[d.id]!] });
        acted = true;
      }
    }
    if (!acted) ok({ type: 'advance', to: 'next' });
  }
  ok({
    type: 'observe',
    evaluator: 'Li',
    task: 'task_responsible',
    rating: 'S',
    note: 'three patrol persons to replace',
  });
  ok({ type: 'observe', evaluator: 'Li', task: 'task_village', rating: 'P', note: 'team sent at once' });
  return { transcript: s.transcript(), pauses, s };
}

describe('preseason: a module-paced tabletop played by six departments', () => {
  const { transcript, pauses, s } = playAsTable('5');

  it('waits at the start of each of its three modules, in time order', () => {
    expect(sc.modules.map((m) => m.id)).toEqual(['m1_inspection', 'm2_entry', 'm3_night']);
    expect(pauses).toEqual(['m1_inspection', 'm2_entry', 'm3_night']);
  });

  it('keeps one answer per department on each `each: role` question, in the roles’ order, and one for the table', () => {
    for (const d of sc.decisions.filter((x) => x.kind === 'discuss')) {
      const answers = s.state.decisions[d.id]?.answers ?? [];
      if (d.each === 'role') {
        expect(answers.map((a) => a.role)).toEqual([...d.roles]);
        expect(answers.map((a) => a.text)).toEqual(d.roles.map((r) => `${r} on ${d.id}`));
      } else expect(answers.map((a) => a.role)).toEqual([undefined]);
    }
    // Several questions go round the table: the SitMan's "questions grouped by organisation".
    expect(sc.decisions.filter((d) => d.each === 'role').length).toBeGreaterThanOrEqual(4);
  });

  it('reaches the good ending with the doctrinal picks, keeps the observations, and replays to the same state', () => {
    expect(s.state.ending).toBe('ready');
    expect(s.state.observations?.map((o) => [o.task, o.rating])).toEqual([
      ['task_responsible', 'S'],
      ['task_village', 'P'],
    ]);
    const r = replay(sc, transcript);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.state.observations).toEqual(s.state.observations);
  });

  it('tells everyone whether the flood season came early (the variation’s notice)', () => {
    const notices = s.state.feed.filter((f) => f.notice);
    expect(notices.map((f) => f.notice!.variation)).toEqual(['entry']);
    expect(['early', 'usual']).toContain(notices[0]!.notice!.outcome);
  });

  it('every critical task names a decision, and every seat has a scored decision to be rated on', () => {
    for (const o of sc.objectives)
      for (const t of o.tasks) expect(t.decisions.length, t.id).toBeGreaterThan(0);
    for (const r of sc.roles)
      expect(
        sc.decisions.some((d) => d.kind !== 'discuss' && d.roles.includes(r.id)),
        r.id,
      ).toBe(true);
  });
});
