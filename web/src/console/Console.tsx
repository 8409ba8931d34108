import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Scenario } from '@drill/engine';
import { ConsoleDrill, type DrillSetup, type Outcome } from '../drill/consoleDrill.ts';
import { clearSaved, loadSaved, writeSaved } from '../drill/storage.ts';
import { compileError, compileSource } from '../scenarios.ts';
import { useT } from '../i18n.ts';
import { openChannel, type ProjectorMessage } from '../projector/channel.ts';
import { projectorSnapshot } from '../projector/snapshot.ts';
import { Setup } from './Setup.tsx';
import { RunView } from './RunView.tsx';
import { Debrief } from './Debrief.tsx';
import type { LoadedFile } from '../review/load.ts';

type Init = { drill: ConsoleDrill | null; error?: string };

/** Resumes the drill saved in this browser, replaying its transcripts (exactly where it was). */
function resumeSaved(): Init {
  const saved = loadSaved();
  if (!saved) return { drill: null };
  const c = compileSource(saved.setup.source);
  if (!c.ok) return { drill: null, error: compileError(c) };
  const d = ConsoleDrill.resume(c.scenario, saved);
  return 'error' in d ? { drill: null, error: d.error } : { drill: d };
}

export interface UiPrefs {
  scoresHidden: boolean;
  projectorScores: boolean;
  projectorTeam: string;
}
const PREFS_KEY = 'drill.console.ui';
function loadPrefs(): UiPrefs {
  try {
    return {
      scoresHidden: false,
      projectorScores: false,
      projectorTeam: '',
      ...(JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as Partial<UiPrefs>),
    };
  } catch {
    return { scoresHidden: false, projectorScores: false, projectorTeam: '' };
  }
}

/** The facilitator console: set-up, run and debrief of one classroom drill, saved as it goes. */
export function Console({ onReview }: { onReview(files: LoadedFile[]): void }) {
  const { t, lang } = useT();
  const [init] = useState(resumeSaved);
  const [drill, setDrill] = useState<ConsoleDrill | null>(init.drill);
  const [resumeError, setResumeError] = useState(init.error);
  const [version, bump] = useReducer((x: number) => x + 1, 0);
  const [notice, setNotice] = useState<string>();
  const [saveError, setSaveError] = useState<string>();
  const [prefs, setPrefsState] = useState<UiPrefs>(loadPrefs);
  const setPrefs = (p: Partial<UiPrefs>): void =>
    setPrefsState((old) => {
      const next = { ...old, ...p };
      localStorage.setItem(PREFS_KEY, JSON.stringify(next));
      return next;
    });
  const channel = useRef<BroadcastChannel | undefined>(undefined);

  const persist = useCallback((d: ConsoleDrill) => setSaveError(writeSaved(d.save())), []);

  const act = useCallback(
    (fn: (d: ConsoleDrill) => Outcome): Outcome => {
      if (!drill) return { ok: false, reason: 'no drill' };
      const r = fn(drill);
      setNotice(r.ok ? undefined : r.reason);
      persist(drill);
      bump();
      return r;
    },
    [drill, persist],
  );

  const projectorTeam =
    drill && drill.teams.includes(prefs.projectorTeam) ? prefs.projectorTeam : (drill?.teams[0] ?? '');
  const snapshot = useCallback(
    () => (drill ? projectorSnapshot(drill, lang, projectorTeam, prefs.projectorScores) : null),
    [drill, lang, projectorTeam, prefs.projectorScores, version],
  );

  useEffect(() => {
    const ch = openChannel();
    channel.current = ch;
    return () => ch?.close();
  }, []);
  useEffect(() => {
    const ch = channel.current;
    if (!ch) return;
    const post = (): void =>
      ch.postMessage({ type: 'snapshot', snapshot: snapshot() } satisfies ProjectorMessage);
    post();
    const onMsg = (e: MessageEvent<ProjectorMessage>): void => {
      if (e.data?.type === 'hello') post();
    };
    ch.addEventListener('message', onMsg);
    return () => ch.removeEventListener('message', onMsg);
  }, [snapshot]);

  const start = (setup: DrillSetup, scenario: Scenario): string | undefined => {
    const d = ConsoleDrill.start(scenario, setup, new Date().toISOString());
    if ('error' in d) return d.error;
    persist(d);
    setDrill(d);
    setNotice(undefined);
    return undefined;
  };
  const reset = (): void => {
    if (drill && !window.confirm(t('confirmNew'))) return;
    clearSaved();
    setDrill(null);
    setResumeError(undefined);
    setNotice(undefined);
  };

  if (!drill)
    return (
      <>
        {resumeError ? (
          <div role="alert" className="error-box">
            <p>{t('resumeFailed', { reason: resumeError })}</p>
            <button type="button" className="secondary" onClick={reset}>
              {t('discardSaved')}
            </button>
          </div>
        ) : null}
        <Setup onStart={start} />
      </>
    );

  const over = drill.phase === 'debrief' || drill.phase === 'ended';
  return (
    <>
      {notice ? (
        <div role="alert" className="notice">
          <strong>{t('refused')}:</strong> <span className="reason">{notice}</span>
          <button type="button" className="ghost" onClick={() => setNotice(undefined)}>
            {t('dismiss')}
          </button>
        </div>
      ) : null}
      {saveError ? (
        <p role="alert" className="error-box">
          {t('saveFailed', { reason: saveError })}
        </p>
      ) : null}
      {over ? (
        <Debrief drill={drill} act={act} onReview={onReview} onNew={reset} version={version} />
      ) : (
        <RunView
          drill={drill}
          act={act}
          prefs={{ ...prefs, projectorTeam }}
          setPrefs={setPrefs}
          version={version}
        />
      )}
    </>
  );
}
