import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/react';
import { Table, type Lang, type Scenario, type TableCommand } from '@drill/engine';
import { LangContext, translate } from '../i18n.ts';
import { compileShipped, loadLibrary } from '../scenarios.ts';
import { answerCommand } from './answerCommand.ts';
import { ParticipantScreen } from './ParticipantScreen.tsx';

afterEach(cleanup);
let sc: Scenario;
beforeAll(async () => {
  await loadLibrary();
  const r = compileShipped('preseason');
  if (!r.ok) throw new Error('preseason does not compile');
  sc = r.scenario;
});

const A = { team: 'Team A', roles: ['water'] as const, name: 'Li Wei' };

/** A preseason room's table (role split), started and past the first module's hold. */
function room(): Table {
  const t = Table.start(
    sc,
    {
      seed: '1',
      mode: 'roles',
      teams: [
        { name: 'Team A', roles: ['water', 'natres'] },
        { name: 'Team B', roles: ['hqo', 'met', 'township', 'agri'] },
      ],
      lang: 'en',
    },
    { startedAt: '2026-01-01T00:00:00.000Z' },
  );
  if ('error' in t) throw new Error(t.error);
  t.submit({ kind: 'trainer' }, { type: 'start' });
  if (t.phase !== 'running') t.submit({ kind: 'trainer' }, { type: 'resume' });
  return t;
}

/** Li Wei's page, holding the water seat of Team A: what they type goes to the real table as a member. */
function page(t: Table, lang: Lang, sent: TableCommand[], typing: string[] = []) {
  const screenFor = () => (
    <LangContext.Provider value={lang}>
      <ParticipantScreen
        info={{
          title: 'preseason',
          name: A.name,
          team: A.team,
          seats: ['water'],
          scenario: sc,
          clockLabel: String,
        }}
        view={t.view({ kind: 'member', team: A.team, roles: A.roles }, lang)}
        socket={{ kind: 'open' }}
        onSubmit={() => Promise.resolve({ ok: true })}
        onAnswer={(decision, role, text) => {
          const c = answerCommand(A.team, decision, role, text);
          sent.push(c);
          // As the room server does: the Table words a refusal in the member's language.
          const r = t.submit({ kind: 'member', team: A.team, roles: A.roles, name: A.name }, c, { lang });
          return Promise.resolve(r.ok ? { ok: true } : { ok: false, reason: r.reason });
        }}
        onTyping={(d) => typing.push(d)}
        onLeave={() => {}}
      />
    </LangContext.Provider>
  );
  const r = render(screenFor());
  return { rerender: () => r.rerender(screenFor()) };
}

const card = (id: string): HTMLElement => document.querySelector<HTMLElement>(`[data-decision="${id}"]`)!;

describe('a member answers an open discussion question on their own device', () => {
  it('types an answer for their seat, sent as an answer command for that seat and recorded', async () => {
    const t = room();
    const sent: TableCommand[] = [];
    const typing: string[] = [];
    const p = page(t, 'en', sent, typing);
    // Asked of each role (hqo, water, natres, met, township, agri): one box, for the member's own seat.
    const q = within(card('d1_concerns'));
    // Under the page's "Your decisions" heading (h2), as the choice cards are.
    expect(q.getByRole('heading', { level: 3 }).textContent).toMatch(/^From your own department/);
    expect(q.queryByRole('radio')).toBeNull();
    expect(q.queryByRole('button', { name: 'Submit decision' })).toBeNull();
    expect(q.getAllByRole('textbox')).toHaveLength(1);
    // Team A holds natural resources too, but not this member: no box for a seat of someone else's.
    expect(q.queryByLabelText(/Natural resources/)).toBeNull();
    const box = q.getByLabelText('Answer for Water resources bureau (水利局)');
    expect(q.getByText('0 / 4000 characters')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'Shiban: the spillway gate is not signed off' } });
    expect(q.getByText('43 / 4000 characters')).toBeTruthy();
    expect(typing).toEqual(['d1_concerns']); // the trainer sees Li typing on this question
    fireEvent.click(q.getByRole('button', { name: 'Record the answer' }));
    await waitFor(() => expect(q.getByRole('status').textContent).toBe('Answer recorded.'));
    expect(sent).toEqual([
      {
        type: 'answer',
        team: 'Team A',
        decision: 'd1_concerns',
        role: 'water',
        text: 'Shiban: the spillway gate is not signed off',
      },
    ]);
    expect(t.stateOf(0).decisions.d1_concerns!.answers).toMatchObject([
      { role: 'water', text: 'Shiban: the spillway gate is not signed off' },
    ]);
    p.rerender();
    expect(q.getByText('Shiban: the spillway gate is not signed off')).toBeTruthy();
    // A question for the table (not per role) that the member's seat is asked: one box for the table.
    const r = within(card('d1_responsible'));
    expect(r.getAllByRole('textbox')).toHaveLength(1);
    expect(r.getByLabelText('Answer for The table')).toBeTruthy();
  });

  it("shows who recorded an answer by the member's name, never the internal participant id", async () => {
    const t = room();
    const p = page(t, 'en', []);
    const r = within(card('d1_responsible'));
    fireEvent.change(r.getByLabelText('Answer for The table'), { target: { value: 'The county HQ' } });
    fireEvent.click(r.getByRole('button', { name: 'Record the answer' }));
    await waitFor(() => expect(r.getByRole('status').textContent).toBe('Answer recorded.'));
    p.rerender();
    const recorded = document.querySelector<HTMLElement>('[data-recorded="d1_responsible"]')!;
    expect(recorded.textContent).toContain('· Li Wei');
    expect(recorded.textContent).not.toMatch(/team-\d/);
  });

  it('says an empty answer and a refusal in Chinese, under the box, with no English', async () => {
    const t = room();
    const sent: TableCommand[] = [];
    page(t, 'zh-CN', sent);
    const q = within(card('d1_concerns'));
    const button = q.getByRole('button', { name: translate('zh-CN', 'recordAnswer') });
    fireEvent.click(button);
    expect(q.getByRole('alert').textContent).toBe('请先填写发言内容。');
    expect(sent).toEqual([]);
    // The trainer ends the drill under the member: the table refuses the answer.
    t.submit({ kind: 'trainer' }, { type: 'end' });
    fireEvent.change(q.getByLabelText('县水利局的发言'), { target: { value: '石板水库溢洪道闸门未销号' } });
    expect(q.queryByRole('alert')).toBeNull();
    fireEvent.click(button);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect((await q.findByRole('alert')).textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(q.queryByRole('status')).toBeNull();
    // The whole card (prompt, seat, limit, refusal) has no English word in it.
    expect(card('d1_concerns').textContent).not.toMatch(/[A-Za-z]{2,}/);
  });
});
