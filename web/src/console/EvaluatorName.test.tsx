import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { compileScenario } from '@drill/engine';
import FIXTURE from '../../../engine/test/fixtures/discussion.yaml?raw';
import { LangContext } from '../i18n.ts';
import { LocalBackend } from '../drill/localBackend.ts';
import { RunView } from './RunView.tsx';

afterEach(() => {
  cleanup();
  localStorage.clear();
});
const compiled = compileScenario({ path: 'discussion.yaml', text: FIXTURE });
if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
const sc = compiled.scenario;

/** The browser-only console on a real engine Table kept in this page's localStorage. */
function browserOnly(): LocalBackend {
  const b = LocalBackend.start(
    sc,
    { kind: 'shipped', id: 'discussion' },
    { seed: '1', mode: 'parallel', teams: [{ name: 'red', roles: [] }], lang: 'zh-CN' },
    { tabId: 'tab-a', now: () => 1_000, startedAt: '2026-01-01T00:00:00.000Z' },
  );
  if ('error' in b) throw new Error(b.error);
  return b;
}

const view = (b: LocalBackend) => (
  <LangContext.Provider value="zh-CN">
    <RunView
      backend={b}
      prefs={{ scoresHidden: false, projectorTeam: '' }}
      setPrefs={() => {}}
      version={b.seq}
    />
  </LangContext.Provider>
);

describe('observations in the browser-only console', () => {
  it('are recorded under the name the evaluator gives (remembered), not as “trainer”', async () => {
    const b = browserOnly();
    const r = render(view(b));
    fireEvent.change(screen.getByLabelText('关键任务'), { target: { value: 'task_warn' } });
    fireEvent.click(screen.getByLabelText('M'));
    fireEvent.change(screen.getByLabelText('观察记录'), { target: { value: '通知偏晚' } });
    // Without a name nothing is recorded: an observation must say who made it.
    fireEvent.click(screen.getByRole('button', { name: '记录观察' }));
    expect(screen.getByRole('alert').textContent).toBe('请先填写姓名：每条观察记录都要注明记录人。');
    expect(b.view({ kind: 'facilitator' }, 'zh-CN').lanes[0]!.view.observations ?? []).toEqual([]);

    fireEvent.change(screen.getByLabelText('你的姓名（观察记录以此署名）'), {
      target: { value: ' 王敏\u202e ' },
    });
    fireEvent.click(screen.getByRole('button', { name: '记录观察' }));
    await waitFor(() =>
      expect(b.view({ kind: 'facilitator' }, 'zh-CN').lanes[0]!.view.observations).toMatchObject([
        { evaluator: '王敏', task: 'task_warn', rating: 'M', note: '通知偏晚' },
      ]),
    );
    r.rerender(view(b));
    expect(screen.getByText(/通知偏晚/, { selector: 'li' }).textContent).toContain('(王敏)');
    // The transcript (what reports and verify read) names the evaluator too.
    const [transcript] = await b.transcripts();
    expect(JSON.stringify(transcript)).toContain('"evaluator":"王敏"');
    expect(JSON.stringify(transcript)).not.toContain('"evaluator":"trainer"');

    // The name is remembered in this browser for the next drill.
    cleanup();
    b.close();
    render(view(browserOnly()));
    expect((screen.getByLabelText('你的姓名（观察记录以此署名）') as HTMLInputElement).value).toBe('王敏');
  });
});
