import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { compileScenario, Session, type Input, type Lang } from '@drill/engine';
import FIXTURE from '../../../engine/test/fixtures/discussion.yaml?raw';
import { LangContext } from '../i18n.ts';
import { DiscussionCard } from './DiscussionCard.tsx';
import { EvaluatorPanel } from './EvaluatorPanel.tsx';
import { ModuleBanner } from './ModuleBanner.tsx';

afterEach(cleanup);
const compiled = compileScenario({ path: 'discussion.yaml', text: FIXTURE });
if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
const sc = compiled.scenario;

/** A real session on the discussion fixture: one team, one seat holding every role. */
function session(): Session {
  const s = Session.start(sc, {
    seed: 1,
    participants: [{ id: 'p1', name: 'Ana', team: 'red', roles: ['all'] }],
    startedAt: '2026-01-01T00:00:00.000Z',
  });
  if ('error' in s) throw new Error(s.error);
  s.apply({ type: 'start' });
  return s;
}
const apply = (s: Session, input: Input) => {
  const r = s.apply(input);
  return r.ok ? ({ ok: true } as const) : ({ ok: false, reason: r.rejection.reason } as const);
};
const inLang = (lang: Lang, node: React.ReactNode) =>
  render(<LangContext.Provider value={lang}>{node}</LangContext.Provider>);

describe('the console’s discussion-based parts', () => {
  it('the module banner shows the module, its key issues and note, and goes on from the hold', () => {
    const s = session();
    const view = () => (
      <ModuleBanner scenario={sc} state={s.state} onGoOn={() => apply(s, { type: 'resume' })} />
    );
    const r = inLang('en', view());
    expect(screen.getByRole('heading', { name: /Module · Module 1 — Forecast/ })).toBeTruthy();
    expect(screen.getByText('Who convenes the HQ?')).toBeTruthy();
    expect(screen.getByText(/FACILITATOR-NOTE-M1/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Go on' }));
    expect(s.state.phase).toBe('running');
    r.rerender(<LangContext.Provider value="en">{view()}</LangContext.Provider>);
    expect(screen.queryByRole('button', { name: 'Go on' })).toBeNull();
  });

  it('a discussion card takes one answer per role, recorded as answer inputs', () => {
    const s = session();
    apply(s, { type: 'resume' });
    const d = sc.decisions.find((x) => x.id === 'q_concerns')!;
    const card = () => (
      <DiscussionCard
        scenario={sc}
        state={s.state}
        decision={d}
        team="red"
        participant="p1"
        onAnswer={(role, text) =>
          apply(s, { type: 'answer', participant: 'p1', decision: d.id, ...(role ? { role } : {}), text })
        }
      />
    );
    const r = inLang('en', card());
    expect(screen.getAllByRole('textbox')).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('Answer for Water resources'), { target: { value: 'The dam' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Record the answer' })[1]!);
    expect(s.state.decisions.q_concerns!.answers).toEqual([
      { role: 'water', by: 'p1', at: -4320, text: 'The dam' },
    ]);
    r.rerender(<LangContext.Provider value="en">{card()}</LangContext.Provider>);
    expect(screen.getByText('The dam')).toBeTruthy();
    // An empty answer is refused with the engine's reason, next to the form.
    fireEvent.click(screen.getAllByRole('button', { name: 'Record the answer' })[0]!);
    expect(screen.getByRole('alert').textContent).toMatch(/not well-formed/);
    expect(s.state.decisions.q_concerns!.answers).toHaveLength(1);
  });

  it('the evaluator view records an observation against a critical task, in Chinese too', () => {
    const s = session();
    const panel = () => (
      <EvaluatorPanel
        scenario={sc}
        state={s.state}
        onObserve={(task, rating, note) =>
          apply(s, { type: 'observe', evaluator: '评估员', task, rating, note })
        }
      />
    );
    const r = inLang('zh-CN', panel());
    fireEvent.change(screen.getByLabelText('关键任务'), { target: { value: 'task_warn' } });
    fireEvent.click(screen.getByLabelText('M'));
    fireEvent.change(screen.getByLabelText('观察记录'), { target: { value: '通知偏晚' } });
    fireEvent.click(screen.getByRole('button', { name: '记录观察' }));
    expect(s.state.observations).toEqual([
      { evaluator: '评估员', task: 'task_warn', at: -4320, rating: 'M', note: '通知偏晚', seq: 2 },
    ]);
    r.rerender(<LangContext.Provider value="zh-CN">{panel()}</LangContext.Provider>);
    expect(screen.getByText(/通知村庄/, { selector: 'li' })).toBeTruthy();
  });
});
