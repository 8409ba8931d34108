import type { DrillView, Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { clockLabel } from '../format.ts';

interface Props {
  scenario: Scenario;
  /** The facilitator's view of the drill (it carries the module's note; no participant view does). */
  view: DrillView;
  onGoOn(): void;
}

/** The module under way: its title, summary and key issues; while the drill waits at its start, "Go on". */
export function ModuleBanner({ scenario, view, onGoOn }: Props) {
  const { t } = useT();
  const m = view.module;
  if (!m) return null;
  const note = view.notes?.find((n) => n.on === 'module' && n.id === m.id)?.text;
  return (
    <section className="panel module-banner" aria-labelledby={`module-${m.id}`} data-module={m.id}>
      <h2 id={`module-${m.id}`}>
        {t('moduleLabel')} · {m.title} <span className="muted">{clockLabel(scenario, m.at)}</span>
      </h2>
      {m.summary ? <p>{m.summary}</p> : null}
      {m.keyIssues.length ? (
        <>
          <h3>{t('keyIssues')}</h3>
          <ul>
            {m.keyIssues.map((k, i) => (
              <li key={i}>{k}</li>
            ))}
          </ul>
        </>
      ) : null}
      {note !== undefined ? (
        <p className="facilitator-note">
          <strong>{t('facilitatorNote')}:</strong> {note}
        </p>
      ) : null}
      {m.holding ? (
        <p>
          {t('moduleWaiting')}{' '}
          <button type="button" onClick={() => onGoOn()}>
            {t('goOn')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
