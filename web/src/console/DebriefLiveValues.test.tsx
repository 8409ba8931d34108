import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { compileScenario } from '@drill/engine';
import FIXTURE from '../../../engine/test/fixtures/discussion.yaml?raw';
import { LangContext } from '../i18n.ts';
import { LocalBackend } from '../drill/localBackend.ts';
import { Debrief } from './Debrief.tsx';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

// The warning question's prompt shows the river level live; the heavy-rain variation raises it by 2 m
// when the question opens (T-48h), before the table answers it.
const text = FIXTURE.replace(
  'prompt: { en: Warn the villages?, zh-CN: 是否通知村庄？ }',
  'prompt: { en: "The river stands at {level}. Warn the villages?", zh-CN: "河水位{level}。是否通知村庄？" }',
);

describe('the console debrief', () => {
  it('shows a prompt’s live values as they stood when the decision was taken, not the raw placeholder', async () => {
    const c = compileScenario({ path: 'discussion.yaml', text });
    if (!c.ok) throw new Error(c.diagnostics[0]!.message);
    const sc = c.scenario;
    const b = LocalBackend.start(
      sc,
      { kind: 'file', name: 'discussion.yaml', text },
      { seed: '1', mode: 'parallel', teams: [{ name: 'Red', roles: [] }], lang: 'en' },
      { startedAt: '2026-01-01T00:00:00.000Z' },
    );
    if ('error' in b) throw new Error(b.error);
    await b.submit({ type: 'resume' }, 'en');
    await b.submit({ type: 'advance', minutes: 24 * 60 }, 'en');
    await b.submit({ type: 'resume' }, 'en');
    const level = b.view({ kind: 'facilitator' }, 'en').lanes[0]!.view.indicators.level;
    await b.submit({ type: 'choose', team: 'Red', decision: 'q_warn', options: ['warn'] }, 'en');
    await b.submit({ type: 'end' }, 'en');
    render(
      <LangContext.Provider value="en">
        <Debrief backend={b} onReview={() => {}} onNew={() => {}} version={0} />
      </LangContext.Provider>,
    );
    await waitFor(() =>
      expect(screen.getByRole('rowheader', { name: /^The river stands at/ }).textContent).toBe(
        `The river stands at ${String(level)} m. Warn the villages?`,
      ),
    );
    expect(document.body.textContent).not.toContain('{level}');
    b.close();
  });
});
