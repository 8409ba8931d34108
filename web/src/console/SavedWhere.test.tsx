import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { compileScenario, type Lang } from '@drill/engine';
import FIXTURE from '../../../engine/test/fixtures/discussion.yaml?raw';
import { LangContext, translate } from '../i18n.ts';
import { LocalBackend } from '../drill/localBackend.ts';
import { TeamStatus } from '../room/TeamStatus.tsx';
import type { ConsoleBackend } from './backend.ts';
import { RunView } from './RunView.tsx';

afterEach(() => {
  cleanup();
  localStorage.clear();
});
const compiled = compileScenario({ path: 'discussion.yaml', text: FIXTURE });
if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
const sc = compiled.scenario;

function browserOnly(): LocalBackend {
  const b = LocalBackend.start(
    sc,
    { kind: 'shipped', id: 'discussion' },
    { seed: '1', mode: 'parallel', teams: [{ name: 'red', roles: [] }], lang: 'en' },
    { tabId: 'tab-a', now: () => 1_000, startedAt: '2026-01-01T00:00:00.000Z' },
  );
  if ('error' in b) throw new Error(b.error);
  return b;
}

function show(b: ConsoleBackend, lang: Lang) {
  render(
    <LangContext.Provider value={lang}>
      <RunView
        backend={b}
        prefs={{ scoresHidden: false, projectorTeam: '' }}
        setPrefs={() => {}}
        version={b.seq}
      />
    </LangContext.Provider>,
  );
}

describe('where the console says the inputs are saved', () => {
  it('in this browser for the browser-only drill, on the room server for a room (en, zh)', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const b = browserOnly();
      show(b, lang);
      expect(screen.getByTestId('saved').textContent).toBe(translate(lang, 'savedInputs', { n: b.seq }));
      cleanup();
      // The room's backend (RemoteBackend) says its inputs are the server's: the same table otherwise.
      // (The room server itself cannot start under jsdom: its view worker needs a file URL.)
      const room = Object.create(b, { savedOnServer: { value: true } }) as ConsoleBackend;
      show(room, lang);
      expect(screen.getByTestId('saved').textContent).toBe(
        translate(lang, 'savedOnServerInputs', { n: b.seq }),
      );
      expect(screen.getByTestId('saved').textContent).not.toContain(lang === 'en' ? 'browser' : '浏览器');
      cleanup();
      b.close();
      localStorage.clear();
    }
  });

  it("heads the room's live column with a word for what it shows, not one of its values (en, zh)", () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      render(
        <LangContext.Provider value={lang}>
          <TeamStatus
            presence={{
              members: [{ id: 'm1', team: 'Red', name: 'Li', roles: [], connected: true, submitted: [] }],
              projectors: 0,
              trainers: 1,
            }}
            teams={['Red']}
          />
        </LangContext.Provider>,
      );
      const heads = screen.getAllByRole('columnheader').map((h) => h.textContent);
      expect(heads).toContain(translate(lang, 'connectionHead'));
      expect(heads).not.toContain(translate(lang, 'connected'));
      cleanup();
    }
  });
});
