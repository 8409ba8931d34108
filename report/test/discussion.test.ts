import { describe, expect, it } from 'vitest';
import { localize, replay, Session, type Transcript } from '@drill/engine';
import { buildAar, renderHtml, renderMarkdown, type Aar } from '../src/index.ts';
import { discussionFixture } from '../../engine/test/discussion-fixture.ts';

const sc = discussionFixture();

/** A module-paced drill: per-role and table answers, an evaluator's observations, a scored decision. */
function played(): Transcript {
  const s = Session.start(sc, {
    seed: '3',
    participants: [
      { id: 'p1', name: 'Ana', team: 'red', roles: ['commander'] },
      { id: 'p2', name: 'Bo', team: 'red', roles: ['water'] },
      { id: 'p3', name: 'Cai', team: 'red', roles: ['civil'] },
    ],
    startedAt: '2026-01-01T00:00:00.000Z',
  });
  if ('error' in s) throw new Error(s.error);
  const ok = (i: Parameters<Session['apply']>[0]): void => {
    const r = s.apply(i);
    if (!r.ok) throw new Error(r.rejection.reason);
  };
  ok({ type: 'start' });
  ok({ type: 'resume' });
  ok({ type: 'answer', participant: 'p1', decision: 'q_concerns', text: 'ANSWER-COMMANDER who leads' });
  ok({ type: 'answer', participant: 'p2', decision: 'q_concerns', text: 'ANSWER-WATER the dam' });
  ok({ type: 'answer', participant: 'p3', decision: 'q_concerns', text: 'ANSWER-CIVIL shelters' });
  ok({ type: 'observe', evaluator: 'Eve', task: 'task_convene', rating: 'S', note: 'OBS convened late' });
  while (s.state.module !== 'm2') ok({ type: 'advance', to: 'next' });
  ok({ type: 'resume' });
  ok({ type: 'choose', participant: 'p1', decision: 'q_warn', options: ['warn'] });
  ok({ type: 'answer', participant: 'p3', decision: 'q_shelter', text: 'ANSWER-SHELTER cots' });
  ok({ type: 'end' });
  ok({
    type: 'observe',
    evaluator: 'Eve',
    task: 'task_warn',
    at: -2870,
    rating: 'P',
    note: 'OBS warned at once',
  });
  return s.transcript();
}

function aar(): Aar {
  const t = played();
  const r = replay(sc, t, { keepStates: true });
  if (!r.ok) throw new Error(r.reason);
  return buildAar(sc, t, r);
}

describe('the AAR of a discussion-based exercise', () => {
  const a = aar();

  it('lists each discussion with its answers, per role in the roles’ order, and no score', () => {
    expect(a.discussed.map((d) => [d.id, d.status])).toEqual([
      ['q_concerns', 'answered'],
      ['q_table', 'unanswered'],
      ['q_shelter', 'partly'],
    ]);
    expect(a.discussed[0]!.answers.map((x) => [x.role, x.by.name])).toEqual([
      ['commander', 'Ana'],
      ['water', 'Bo'],
      ['civil', 'Cai'],
    ]);
    expect(a.decisions.map((d) => d.id)).toEqual(['q_warn']);
    expect(a.timeline.filter((t) => t.kind === 'decision').map((t) => (t as { id: string }).id)).toEqual([
      'q_warn',
    ]);
  });

  it('renders the answers side by side under each module, and observations beside the proposed rating', () => {
    const md = renderMarkdown(a, 'en');
    expect(md).toContain('## 5. Discussion');
    expect(md).toContain('### Module 1 — Forecast');
    expect(md).toContain('### Module 2 — Rising water');
    // One row holds every role's answer: the roles are the columns.
    expect(md).toContain('| Commander | Water resources | Civil affairs |');
    expect(md).toContain('| ANSWER-COMMANDER who leads | ANSWER-WATER the dam | ANSWER-CIVIL shelters |');
    expect(md).toContain('| no answer | ANSWER-SHELTER cots |');
    expect(md).toMatch(
      /Warn the villages: P \(proposed from the decisions\)\n {2}- Evaluator observations: .*Eve: P — OBS warned at once/,
    );
    expect(md).toMatch(
      /Convene the HQ: not rated \(proposed from the decisions\)\n {2}- Evaluator observations: .*Eve: S — OBS convened late/,
    );
    // The timeline is sectioned by module, and tells the drawn notice.
    expect(md).toMatch(/\| \*\*Module\*\* \| \*\*Module 1 — Forecast\*\* \|/);
    expect(md).toMatch(/Notice: NOTICE-(HEAVY|LIGHT)/);
  });

  it("names a room member who answered for a team's seats, as the transcript records them", () => {
    const s = Session.start(sc, {
      seed: '3',
      participants: [{ id: 'team-1', name: 'HQ', team: 'HQ', roles: ['commander', 'water', 'civil'] }],
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    if ('error' in s) throw new Error(s.error);
    for (const i of [
      { type: 'start' },
      { type: 'resume' },
      { type: 'answer', participant: 'team-1', decision: 'q_concerns', role: 'water', text: 'dam', by: 'Wu' },
      { type: 'answer', participant: 'team-1', decision: 'q_concerns', role: 'civil', text: 'cots' },
    ] as const)
      expect(s.apply(i).ok).toBe(true);
    const t = s.transcript();
    const r = replay(sc, t, { keepStates: true });
    if (!r.ok) throw new Error(r.reason);
    const md = renderMarkdown(buildAar(sc, t, r), 'en');
    expect(buildAar(sc, t, r).discussed[0]!.answers.map((x) => [x.role, x.by.name])).toEqual([
      ['water', 'Wu'],
      ['civil', 'HQ'],
    ]);
    expect(md).toContain('Wu');
  });

  it('never prints a facilitator note, in either language or format', () => {
    const notes = [...sc.modules, ...sc.injects, ...sc.decisions].flatMap((x) =>
      x.note ? [localize(x.note, 'en'), localize(x.note, 'zh-CN')] : [],
    );
    expect(notes.length).toBeGreaterThan(3);
    for (const out of [
      renderMarkdown(a, 'en'),
      renderMarkdown(a, 'zh-CN'),
      renderHtml(a, 'en'),
      renderHtml(a, 'zh-CN'),
      JSON.stringify(a),
    ])
      for (const n of notes) expect(out).not.toContain(n);
  });

  it('in Chinese, names the section, modules and statuses in Chinese', () => {
    const md = renderMarkdown(a, 'zh-CN');
    expect(md).toContain('## 5. 研讨情况');
    expect(md).toContain('### 模块一 预报');
    expect(md).toContain('| 指挥长 | 水利局 | 民政局 |');
    expect(md).toContain('未记录发言');
    expect(md).not.toMatch(/Discussion|no answer|Module|Evaluator observations|proposed from/);
    const html = renderHtml(a, 'zh-CN');
    expect(html).toContain('研讨情况');
    expect(html).toContain('ANSWER-WATER the dam');
  });
});
