import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { compileScenario, Table, type Lang, type TableCommand } from '@drill/engine';
import FIXTURE from '../../../engine/test/fixtures/discussion.yaml?raw';
import { LangContext } from '../i18n.ts';
import { answerRolesOf, DiscussionCard } from './DiscussionCard.tsx';
import { EvaluatorPanel } from './EvaluatorPanel.tsx';
import { ModuleBanner } from './ModuleBanner.tsx';
import { openFor } from './RunView.tsx';

afterEach(cleanup);
const compiled = compileScenario({ path: 'discussion.yaml', text: FIXTURE });
if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
const sc = compiled.scenario;

/** A real table on the discussion fixture: one team playing every seat, run by the trainer. */
function session(): Table {
  const t = Table.start(
    sc,
    { seed: '1', mode: 'parallel', teams: [{ name: 'red', roles: [] }], lang: 'en' },
    { startedAt: '2026-01-01T00:00:00.000Z' },
  );
  if ('error' in t) throw new Error(t.error);
  t.submit({ kind: 'trainer', name: '评估员' }, { type: 'start' });
  return t;
}
const apply = (t: Table, c: TableCommand) => {
  const r = t.submit({ kind: 'trainer', name: '评估员' }, c);
  return Promise.resolve(r.ok ? ({ ok: true } as const) : ({ ok: false, reason: r.reason } as const));
};
const lane = (t: Table) => t.view({ kind: 'facilitator' }, 'en').lanes[0]!.view;
const inLang = (lang: Lang, node: React.ReactNode) =>
  render(<LangContext.Provider value={lang}>{node}</LangContext.Provider>);

describe('the console’s discussion-based parts', () => {
  it('the module banner shows the module, its key issues and note, and goes on from the hold', () => {
    const s = session();
    const view = () => (
      <ModuleBanner scenario={sc} view={lane(s)} onGoOn={() => void apply(s, { type: 'resume' })} />
    );
    const r = inLang('en', view());
    expect(screen.getByRole('heading', { name: /Module · Module 1 — Forecast/ })).toBeTruthy();
    expect(screen.getByText('Who convenes the HQ?')).toBeTruthy();
    expect(screen.getByText(/FACILITATOR-NOTE-M1/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Go on' }));
    expect(s.phase).toBe('running');
    r.rerender(<LangContext.Provider value="en">{view()}</LangContext.Provider>);
    expect(screen.queryByRole('button', { name: 'Go on' })).toBeNull();
  });

  it('a discussion card takes one answer per role, recorded as answer inputs', async () => {
    const s = session();
    void apply(s, { type: 'resume' });
    const card = () => (
      <DiscussionCard
        scenario={sc}
        open={lane(s).open.find((x) => x.decision === 'q_concerns')!}
        roles={answerRolesOf(
          lane(s).open.find((x) => x.decision === 'q_concerns')!,
          'red',
        )}
        team="red"
        onAnswer={(role, text) =>
          apply(s, { type: 'answer', team: 'red', decision: 'q_concerns', ...(role ? { role } : {}), text })
        }
      />
    );
    const r = inLang('en', card());
    expect(screen.getAllByRole('textbox')).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('Answer for Water resources'), { target: { value: 'The dam' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Record the answer' })[1]!);
    await waitFor(() =>
      expect(s.stateOf(0).decisions.q_concerns!.answers).toEqual([
        { role: 'water', by: 'team-1', at: -4320, text: 'The dam' },
      ]),
    );
    r.rerender(<LangContext.Provider value="en">{card()}</LangContext.Provider>);
    expect(screen.getByText('The dam')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Answer recorded.');
    // An empty answer is refused in the page's language, under its own box, and nothing is sent.
    fireEvent.click(screen.getAllByRole('button', { name: 'Record the answer' })[0]!);
    expect((await screen.findByRole('alert')).textContent).toBe('Write the answer first.');
    expect(s.stateOf(0).decisions.q_concerns!.answers).toHaveLength(1);
  });

  it('the evaluator view records an observation against a critical task, in Chinese too', async () => {
    const s = session();
    const panel = () => (
      <EvaluatorPanel
        scenario={sc}
        observations={lane(s).observations ?? []}
        onObserve={(task, rating, note) => apply(s, { type: 'observe', task, rating, note })}
      />
    );
    const r = inLang('zh-CN', panel());
    fireEvent.change(screen.getByLabelText('关键任务'), { target: { value: 'task_warn' } });
    fireEvent.click(screen.getByLabelText('M'));
    fireEvent.change(screen.getByLabelText('观察记录'), { target: { value: '通知偏晚' } });
    fireEvent.click(screen.getByRole('button', { name: '记录观察' }));
    await waitFor(() =>
      expect(s.stateOf(0).observations).toEqual([
        { evaluator: '评估员', task: 'task_warn', at: -4320, rating: 'M', note: '通知偏晚', seq: 2 },
      ]),
    );
    r.rerender(<LangContext.Provider value="zh-CN">{panel()}</LangContext.Provider>);
    expect(screen.getByText(/通知村庄/, { selector: 'li' })).toBeTruthy();
  });
});

describe('per-role questions with the seats split between two teams (role mode)', () => {
  function split(): Table {
    const t = Table.start(
      sc,
      {
        seed: '1',
        mode: 'roles',
        teams: [
          { name: 'Team 1', roles: ['commander', 'water'] },
          { name: 'Team 2', roles: ['civil'] },
        ],
        lang: 'en',
      },
      { startedAt: '2026-01-01T00:00:00.000Z' },
    );
    if ('error' in t) throw new Error(t.error);
    t.submit({ kind: 'trainer' }, { type: 'start' });
    t.submit({ kind: 'trainer' }, { type: 'resume' });
    return t;
  }

  it('each team gets the question with only the boxes of its own seats, and its answers are taken', async () => {
    const s = split();
    const lanes = () => s.view({ kind: 'facilitator' }, 'en').lanes;
    const q = (team: string) => openFor(lanes(), team).find((d) => d.decision === 'q_concerns');
    expect(q('Team 1')).toBeDefined();
    expect(q('Team 2')).toBeDefined();
    const card = (team: string) => (
      <DiscussionCard
        scenario={sc}
        open={q(team)!}
        roles={answerRolesOf(q(team)!, team)}
        team={team}
        onAnswer={(role, text) =>
          apply(s, { type: 'answer', team, decision: 'q_concerns', ...(role ? { role } : {}), text })
        }
      />
    );
    const r = inLang('en', card('Team 1'));
    expect(screen.getAllByRole('textbox').map((x) => x.id)).toEqual([
      'ans-Team_1-q_concerns-commander',
      'ans-Team_1-q_concerns-water',
    ]);
    r.unmount();
    inLang('en', card('Team 2'));
    expect(screen.getAllByRole('textbox')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Answer for Civil affairs'), { target: { value: 'Shelters' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the answer' }));
    await waitFor(() =>
      expect(s.stateOf(0).decisions.q_concerns!.answers).toMatchObject([{ role: 'civil', text: 'Shelters' }]),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
