import { useState } from 'react';
import { useT } from '../i18n.ts';
import type { ConsoleBackend } from './backend.ts';
import { Feedback } from './Feedback.tsx';
import { useCommand } from './useBackend.ts';

/** Whether the drill was closed for good: the Table's phase after `close` (every command refused). */
export function isClosed(backend: ConsoleBackend): boolean {
  return backend.phase === 'ended';
}

/**
 * The debrief's last step, the same in the browser-only and the room console: the trainer closes the
 * drill (a Table `close` command), after a confirm step because it cannot be undone. Once closed, it
 * says so instead.
 */
export function CloseDrill({ backend }: { backend: ConsoleBackend }) {
  const { t, lang } = useT();
  const cmd = useCommand(backend, lang);
  const [confirming, setConfirming] = useState(false);
  if (isClosed(backend))
    return (
      <p role="status" className="notice" data-testid="drill-closed">
        {t('drillClosed')}
      </p>
    );
  // A console that cannot send (another tab holds the drill, the server is away) offers nothing to press.
  if (backend.access.kind !== 'writer') return null;
  return (
    <div className="close-drill">
      {confirming ? (
        <div role="group" aria-label={t('closeDrill')}>
          <p>{t('confirmClose')}</p>
          <button
            type="button"
            className="primary"
            onClick={() =>
              void cmd.send({ type: 'close' }, t('drillClosed')).then(() => setConfirming(false))
            }
          >
            {t('closeForGood')}
          </button>{' '}
          <button type="button" className="ghost" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              cmd.setFeedback(undefined);
              setConfirming(true);
            }}
          >
            {t('closeDrill')}
          </button>
          <p className="muted small">{t('closeDrillHelp')}</p>
        </>
      )}
      <Feedback feedback={cmd.feedback} />
    </div>
  );
}
