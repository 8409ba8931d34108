import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scenario } from '@drill/engine';
import { LocalBackend } from '../drill/localBackend.ts';
import { clearStored, loadForOpen, OLD_KEY, recoveryFiles, SAVE_KEY, writeStored } from '../drill/storage.ts';
import { compileError, compileSource } from '../scenarios.ts';
import { useT } from '../i18n.ts';
import { openChannel, type ProjectorMessage } from '../projector/channel.ts';
import { projectorSnapshot } from '../projector/snapshot.ts';
import { download } from '../ui/download.ts';
import { Setup, type DrillSetup } from './Setup.tsx';
import { RunView } from './RunView.tsx';
import { Debrief } from './Debrief.tsx';
import { useBackendVersion } from './useBackend.ts';
import type { LoadedFile } from '../review/load.ts';

type Init = { backend: LocalBackend | null; error?: string; raw?: string };

/** Opens the drill saved in this browser, replaying its transcripts (exactly where it was). */
function openSaved(): Init {
  const found = loadForOpen();
  if (!found) return { backend: null };
  if ('unreadable' in found) return { backend: null, error: '', raw: found.unreadable };
  const raw = localStorage.getItem(SAVE_KEY) ?? localStorage.getItem(OLD_KEY) ?? '';
  const c = compileSource(found.stored.source);
  if (!c.ok) return { backend: null, error: compileError(c), raw };
  if (!localStorage.getItem(SAVE_KEY)) {
    // A first-version save: its transcripts replay on the Table as they are; keep it in the new form.
    const b = LocalBackend.open(found.stored, c.scenario);
    if ('error' in b) return { backend: null, error: b.error, raw };
    b.close();
    writeStored(found.stored);
    localStorage.removeItem(OLD_KEY);
  }
  const b = LocalBackend.open(found.stored, c.scenario);
  return 'error' in b ? { backend: null, error: b.error, raw } : { backend: b };
}

export interface UiPrefs {
  scoresHidden: boolean;
  projectorTeam: string;
}
const PREFS_KEY = 'drill.console.ui';
function loadPrefs(): UiPrefs {
  try {
    const p = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as Partial<UiPrefs>;
    return { scoresHidden: p.scoresHidden === true, projectorTeam: String(p.projectorTeam ?? '') };
  } catch {
    return { scoresHidden: false, projectorTeam: '' };
  }
}

/** The facilitator console: set-up, run and debrief of one classroom drill, saved as it goes. */
export function Console({ onReview }: { onReview(files: LoadedFile[]): void }) {
  const { t, lang } = useT();
  const [init] = useState(openSaved);
  const [backend, setBackend] = useState<LocalBackend | null>(init.backend);
  const [resumeError, setResumeError] = useState(init.error);
  const [raw, setRaw] = useState(init.raw);
  const version = useBackendVersion(backend);
  const [prefs, setPrefsState] = useState<UiPrefs>(loadPrefs);
  const setPrefs = (p: Partial<UiPrefs>): void =>
    setPrefsState((old) => {
      const next = { ...old, ...p };
      localStorage.setItem(PREFS_KEY, JSON.stringify(next));
      return next;
    });
  const channel = useRef<BroadcastChannel | undefined>(undefined);
  // The tab lets go of the drill when it closes (not on an unmount: StrictMode remounts in development).
  useEffect(() => {
    if (!backend) return;
    const release = (): void => backend.close();
    window.addEventListener('pagehide', release);
    return () => window.removeEventListener('pagehide', release);
  }, [backend]);

  const teams = backend?.setup.teams.map((x) => x.name) ?? [];
  const projectorTeam = teams.includes(prefs.projectorTeam) ? prefs.projectorTeam : (teams[0] ?? '');
  const showScores = backend?.projectorScores ?? false;
  const snapshot = useCallback(
    () => (backend ? projectorSnapshot(backend, lang, projectorTeam, showScores) : null),
    [backend, lang, projectorTeam, showScores, version],
  );

  useEffect(() => {
    const ch = openChannel();
    channel.current = ch;
    return () => ch?.close();
  }, []);
  useEffect(() => {
    const ch = channel.current;
    // Only the tab that holds the drill feeds the projector: a read-only tab never sends it back in time.
    if (!ch || (backend && backend.access.kind !== 'writer')) return;
    const post = (): void =>
      ch.postMessage({ type: 'snapshot', snapshot: snapshot() } satisfies ProjectorMessage);
    post();
    const onMsg = (e: MessageEvent<ProjectorMessage>): void => {
      if (e.data?.type === 'hello') post();
    };
    ch.addEventListener('message', onMsg);
    return () => ch.removeEventListener('message', onMsg);
  }, [snapshot, backend, version]);

  const start = (setup: DrillSetup, scenario: Scenario): string | undefined => {
    const { source, ...rest } = setup;
    backend?.close();
    const b = LocalBackend.start(scenario, source, rest, { startedAt: new Date().toISOString() });
    if ('error' in b) return b.error;
    setBackend(b);
    return undefined;
  };
  const reset = (): void => {
    if (backend && !window.confirm(t('confirmNew'))) return;
    backend?.close();
    clearStored();
    setBackend(null);
    setResumeError(undefined);
    setRaw(undefined);
  };

  if (!backend)
    return (
      <>
        {resumeError !== undefined ? (
          <div role="alert" className="error-box">
            <p>{t('resumeFailed', { reason: resumeError || t('saveUnreadable') })}</p>
            {raw ? (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  for (const f of recoveryFiles(raw)) download(f.name, f.text, 'application/json');
                }}
              >
                {t('downloadJournal')}
              </button>
            ) : null}
            <button type="button" className="secondary" onClick={reset}>
              {t('discardSaved')}
            </button>
          </div>
        ) : null}
        <Setup onStart={start} />
      </>
    );

  const over = backend.phase === 'debrief' || backend.phase === 'ended';
  return (
    <>
      {backend.saveError ? (
        <p role="alert" className="error-box">
          {t('saveFailed', { reason: backend.saveError })}
        </p>
      ) : null}
      {backend.access.kind === 'read-only' ? (
        <div role="alert" className="notice read-only" data-testid="read-only">
          <span>{t(backend.access.reason === 'other-tab' ? 'readOnlyOtherTab' : 'readOnlyNewerSave')}</span>
          <button type="button" className="secondary" onClick={() => backend.takeOver()}>
            {t('takeOver')}
          </button>
        </div>
      ) : null}
      {over ? (
        <Debrief backend={backend} onReview={onReview} onNew={reset} version={version} />
      ) : (
        <RunView
          backend={backend}
          prefs={{ ...prefs, projectorTeam }}
          setPrefs={setPrefs}
          version={version}
        />
      )}
    </>
  );
}
