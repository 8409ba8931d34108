import { useEffect, useMemo, useRef, useState } from 'react';
import { Session, type Scenario, type Rating } from '@drill/engine';
import { verifyReasonText } from '@drill/report';
import { useT } from '../i18n.ts';
import { DropZone } from '../ui/DropZone.tsx';
import { reviewFile, reviewTranscript, type LoadedFile, type Reviewed } from './load.ts';
import { TranscriptView } from './TranscriptView.tsx';
import { Compare } from './Compare.tsx';
import { Cohort } from './Cohort.tsx';
import { OwnScenarioPicker, useOwnScenario } from '../console/OwnScenarioPicker.tsx';
import { ownScenarios } from '../ownScenario.ts';
import { ServerRooms } from './ServerRooms.tsx';
import type { SubjectChoice } from '../ui/OverrideForm.tsx';
import type { Outcome } from '../drill/outcome.ts';

type Ok = Extract<Reviewed, { ok: true }>;

const NONE: Scenario[] = [];

export function teamsOf(r: Ok): string {
  return (
    r.transcript.header.meta?.team ??
    [...new Set(r.transcript.header.participants.map((p) => p.team))].join(' + ')
  );
}

/** Transcript review: open files, verify them, travel in time, compare teams, adjudicate, print. */
export function Review({
  incoming,
  extraScenarios: given = NONE,
  hostToken,
  visible = true,
}: {
  incoming: LoadedFile[] | undefined;
  /** Scenarios besides the shipped ones and the trainer's own (tests). */
  extraScenarios?: Scenario[];
  /** Set when the app is served by `drill serve` with the trainer link: finished rooms can be opened. */
  hostToken?: string | undefined;
  /** Whether Review is the tab shown (it stays mounted behind the console). */
  visible?: boolean;
}) {
  const { t, lang } = useT();
  const [items, setItems] = useState<Reviewed[]>([]);
  const [selected, setSelected] = useState<string>();
  const seen = useRef<LoadedFile[] | undefined>(undefined);
  // Transcripts of the trainer's own scenario verify against it (the one picked, remembered or saved).
  useOwnScenario(); // renders again when the own scenario is picked or forgotten
  const owned = ownScenarios();
  const extraScenarios = useMemo(() => [...given, ...owned], [given, owned]);
  /** The files refused for want of their scenario, kept to try again when one is picked. */
  const waiting = useRef(new Map<string, LoadedFile>());

  const add = (files: LoadedFile[]): void => {
    const loaded = files.map((f) => {
      const r = reviewFile(f, extraScenarios);
      if (!r.ok && r.reason.startsWith('unknown-scenario:')) waiting.current.set(r.key, f);
      return r;
    });
    setItems((old) => [...old, ...loaded]);
    const firstOk = loaded.find((x) => x.ok);
    if (firstOk) setSelected(firstOk.key);
  };
  useEffect(() => {
    if (waiting.current.size === 0) return;
    const again = new Map<string, Reviewed>();
    for (const [key, f] of waiting.current) {
      const r = reviewFile(f, extraScenarios, key);
      if (r.ok || !r.reason.startsWith('unknown-scenario:')) {
        waiting.current.delete(key);
        again.set(key, r);
      }
    }
    if (again.size) setItems((old) => old.map((x) => again.get(x.key) ?? x));
  }, [extraScenarios]);
  useEffect(() => {
    if (incoming && seen.current !== incoming) {
      seen.current = incoming;
      add(incoming);
    }
  }, [incoming]);

  const readFiles = async (list: FileList | null): Promise<void> => {
    if (!list) return;
    // One unreadable file becomes one refusal; it never takes the others with it.
    add(
      await Promise.all(
        [...list].map(async (f): Promise<LoadedFile> => {
          try {
            return { name: f.name, text: await f.text() };
          } catch (e) {
            return { name: f.name, text: '', error: (e as Error)?.message ?? String(e) };
          }
        }),
      ),
    );
  };

  /** An evaluator's override becomes a recorded input: resume the transcript, apply, re-verify. */
  const override = (
    item: Ok,
    capability: string,
    s: SubjectChoice,
    rating: Rating,
    note: string,
  ): Outcome & { seq?: number } => {
    const session = Session.resume(item.scenario, item.transcript);
    if ('error' in session) return { ok: false, reason: session.error };
    const r = session.apply({
      type: 'override',
      capability,
      subject: s.subject,
      rating,
      note,
      by: 'evaluator',
    });
    if (!r.ok) return { ok: false, reason: r.rejection.reason };
    const next = reviewTranscript(item.name, session.transcript(), extraScenarios, item.key);
    if (!next.ok) return { ok: false, reason: next.reason };
    setItems((old) => old.map((x) => (x.key === item.key ? next : x)));
    return { ok: true, seq: r.entry!.seq };
  };

  const current = items.find((x) => x.key === selected && x.ok) as Ok | undefined;
  const peers = current ? (items.filter((x) => x.ok && x.scenario.id === current.scenario.id) as Ok[]) : [];

  return (
    <div className="review">
      <section className="panel screen-only" aria-labelledby="review-h">
        <h2 id="review-h">{t('reviewTitle')}</h2>
        <DropZone onDrop={(data) => void readFiles(data.files)} testId="dropzone">
          <label htmlFor="transcript-files" className="button-like primary">
            {t('openFiles')}
          </label>
          <input
            id="transcript-files"
            className="file-hidden"
            type="file"
            multiple
            accept=".json,.jsonl,application/json"
            onChange={(e) => void readFiles(e.target.files)}
          />
          <span className="muted">{t('dropHere')}</span>
        </DropZone>
        {hostToken ? <ServerRooms hostToken={hostToken} visible={visible} onOpen={add} /> : null}
        {items.length ? (
          <ul className="files" aria-label={t('openFiles')}>
            {items.map((it) => (
              <li key={it.key} className={it.ok ? 'file-ok' : 'file-bad'} data-file={it.name}>
                {it.ok ? (
                  <button
                    type="button"
                    className={`file-select ${selected === it.key ? 'selected' : ''}`}
                    aria-pressed={selected === it.key}
                    onClick={() => setSelected(it.key)}
                  >
                    <strong>{teamsOf(it)}</strong> <span className="muted">{it.name}</span>
                    <span className="ok-tag">
                      ✓ {t('verified', { n: it.transcript.entries.length })}
                      {it.complete ? '' : ` · ${t('unfinished')}`}
                    </span>
                  </button>
                ) : (
                  <div role="alert" className="refused">
                    <strong>{it.name}</strong> —{' '}
                    {t('refusedFile', {
                      reason: it.reason.startsWith('unknown-scenario:')
                        ? t('unknownScenario', { id: it.reason.slice(17) })
                        : verifyReasonText(it.reason, lang),
                    })}
                  </div>
                )}
                <button
                  type="button"
                  className="ghost small"
                  onClick={() => {
                    waiting.current.delete(it.key);
                    setItems((old) => old.filter((x) => x.key !== it.key));
                  }}
                  aria-label={`${t('remove')} ${it.name}`}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="panel screen-only" aria-labelledby="review-own-h">
        <h2 id="review-own-h">{t('ownScenario')}</h2>
        <p className="help">{t('ownReviewHelp')}</p>
        <OwnScenarioPicker id="review" />
      </section>
      {current ? (
        <TranscriptView key={current.key} item={current} onOverride={(...a) => override(current, ...a)} />
      ) : null}
      {current ? (
        <section className="panel screen-only" aria-labelledby="cmp-h">
          <h2 id="cmp-h">{t('compare')}</h2>
          {peers.length >= 2 ? <Compare items={peers} /> : <p className="muted">{t('compareNeedTwo')}</p>}
        </section>
      ) : null}
      {items.length >= 2 ? <Cohort items={items} extraScenarios={extraScenarios} /> : null}
    </div>
  );
}
