import { useMemo, useState, useSyncExternalStore } from 'react';
import { localize, type CompileResult } from '@drill/engine';
import { useT } from '../i18n.ts';
import { Select } from '../ui/Select.tsx';
import { DropZone } from '../ui/DropZone.tsx';
import { diagnosticView } from '../diagnosticText.ts';
import { compileSource, type OwnScenario } from '../scenarios.ts';
import {
  currentOwn,
  entryCandidates,
  forgetOwn,
  ownFromPicked,
  readDropped,
  readFileList,
  rememberOwn,
  setCurrentOwn,
  subscribeOwn,
  type PickedFile,
  type PickProblem,
} from '../ownScenario.ts';

/** The trainer's own scenario in this page (the same in the set-up, the room form and Review). */
export function useOwnScenario(): OwnScenario | undefined {
  return useSyncExternalStore(subscribeOwn, currentOwn);
}

type Note =
  | { key: 'ownRemembered' | 'ownForgotten' | 'ownNoYaml' | 'ownStorageFailed' | 'ownNotRemembered' }
  | { key: 'ownTooLarge'; size: number; limit: number }
  | { key: 'ownUnreadable'; file: string };

/**
 * Choose a scenario of one's own with its includes: several files, a folder (`webkitdirectory`), or a
 * drop of either. It is compiled here, among the chosen files only; its problems are listed with
 * file:line:col and a hint in the page's language. One that compiles is remembered in this browser.
 */
export function OwnScenarioPicker({ id, onPicked }: { id: string; onPicked?(own: OwnScenario): void }) {
  const { t, lang } = useT();
  const own = useOwnScenario();
  const compiled = useMemo(() => (own ? compileSource(own) : undefined), [own]);
  const [note, setNote] = useState<Note>();

  const take = (picked: PickedFile[] | PickProblem): void => {
    if (!Array.isArray(picked)) {
      setNote(
        picked.problem === 'no-yaml' ? { key: 'ownNoYaml' } : { key: 'ownUnreadable', file: picked.file },
      );
      return;
    }
    const next = ownFromPicked(picked);
    if ('problem' in next) {
      setNote({ key: 'ownNoYaml' });
      return;
    }
    use(next);
  };
  const use = (next: OwnScenario): void => {
    setNote(remember(next));
    setCurrentOwn(next);
    onPicked?.(next);
  };
  const remember = (next: OwnScenario): Note => {
    if (!compileSource(next).ok) return { key: 'ownNotRemembered' };
    const r = rememberOwn(next);
    if (r.ok) return { key: 'ownRemembered' };
    return r.problem === 'too-large'
      ? { key: 'ownTooLarge', size: Math.ceil(r.size / 1000), limit: Math.floor(r.limit / 1000) }
      : { key: 'ownStorageFailed' };
  };
  const noteText = (n: Note): string => {
    switch (n.key) {
      case 'ownTooLarge':
        return t('ownTooLarge', { size: n.size, limit: n.limit });
      case 'ownUnreadable':
        return t('ownUnreadable', { file: n.file });
      default:
        return t(n.key);
    }
  };
  const bad =
    note &&
    (note.key === 'ownNoYaml' ||
      note.key === 'ownUnreadable' ||
      note.key === 'ownTooLarge' ||
      note.key === 'ownStorageFailed');
  const candidates = own ? entryCandidates(own) : [];

  return (
    <fieldset className="own-scenario" data-testid={`${id}-own`}>
      <legend>{t('ownScenario')}</legend>
      <p className="help" id={`${id}-help`}>
        {t('ownHelp')}
      </p>
      <DropZone onDrop={(data) => void readDropped(data).then(take)} testId={`${id}-drop`}>
        <label htmlFor={`${id}-files`} className="button-like secondary">
          {t('ownPickFiles')}
        </label>
        <input
          id={`${id}-files`}
          className="file-hidden"
          type="file"
          multiple
          accept=".yaml,.yml,text/yaml"
          aria-describedby={`${id}-help`}
          onChange={(e) => void readFileList(e.target.files ?? []).then(take)}
        />
        <label htmlFor={`${id}-folder`} className="button-like secondary">
          {t('ownPickFolder')}
        </label>
        <input
          id={`${id}-folder`}
          className="file-hidden"
          type="file"
          aria-describedby={`${id}-help`}
          // The folder picker: React passes the attribute through (it is not in the DOM typings).
          {...{ webkitdirectory: '' }}
          onChange={(e) => void readFileList(e.target.files ?? []).then(take)}
        />
        <span className="muted">{t('ownDrop')}</span>
      </DropZone>
      {own ? (
        <div className="own-loaded">
          <p>
            <strong>{compiled?.ok ? localize(compiled.scenario.title, lang) : own.entry}</strong>{' '}
            <span className="muted">
              {t('ownLoaded', { entry: own.entry, n: Object.keys(own.files).length })}
            </span>{' '}
            <button
              type="button"
              className="ghost small"
              onClick={() => {
                forgetOwn();
                setCurrentOwn(undefined);
                setNote({ key: 'ownForgotten' });
              }}
            >
              {t('ownForget')}
            </button>
          </p>
          {candidates.length > 1 ? (
            <p className="field inline">
              <label htmlFor={`${id}-entry`}>{t('ownEntry')}</label>{' '}
              <Select
                id={`${id}-entry`}
                choices={candidates.map((p) => ({ value: p, label: p }))}
                value={own.entry}
                onChange={(entry) => use({ ...own, entry })}
              />
            </p>
          ) : null}
        </div>
      ) : null}
      {note ? (
        <p role={bad ? 'alert' : 'status'} className={bad ? 'warn-text' : 'help'} data-testid={`${id}-note`}>
          {noteText(note)}
        </p>
      ) : null}
      {compiled && !compiled.ok ? <Diagnostics result={compiled} /> : null}
    </fieldset>
  );
}

/** Every problem of a scenario that does not compile: where, what, and the hint, in the page's language. */
export function Diagnostics({ result }: { result: CompileResult }) {
  const { t, lang } = useT();
  if (result.ok) return null;
  return (
    <div role="alert" className="error-box diagnostics" data-testid="diagnostics">
      <p>{t('ownBroken', { n: result.diagnostics.length })}</p>
      <ul>
        {result.diagnostics.map((d, i) => {
          const v = diagnosticView(d, lang);
          return (
            <li key={i}>
              <code>{v.where}</code>: {v.severity}: {v.message}
              {v.at ? <span className="muted"> ({t('diagAt', { path: v.at })})</span> : null}
              {v.hint ? (
                <>
                  <br />
                  <span className="diag-hint">
                    {t('diagHint')}: {v.hint}
                  </span>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
