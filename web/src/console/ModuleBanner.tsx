import { localize, moduleOf, type DrillState, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { clockLabel } from '../format.ts';
import type { Outcome } from '../drill/consoleDrill.ts';

interface Props {
  scenario: Scenario;
  state: DrillState;
  /** The facilitator's console shows the module's note; no participant view uses this component. */
  onGoOn(): Outcome;
}

/** The module under way: its title, summary and key issues; while the drill waits at its start, "Go on". */
export function ModuleBanner({ scenario, state, onGoOn }: Props) {
  const { t, lang } = useT();
  const m = moduleOf(scenario, state.module);
  if (!m) return null;
  return (
    <section className="panel module-banner" aria-labelledby={`module-${m.id}`} data-module={m.id}>
      <h2 id={`module-${m.id}`}>
        {t('moduleLabel')} · {localize(m.title, lang)}{' '}
        <span className="muted">{clockLabel(scenario, m.at)}</span>
      </h2>
      {m.summary !== undefined ? <p>{localize(m.summary, lang)}</p> : null}
      {m.keyIssues.length ? (
        <>
          <h3>{t('keyIssues')}</h3>
          <ul>
            {m.keyIssues.map((k, i) => (
              <li key={i}>{localize(k, lang)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {m.note !== undefined ? (
        <p className="facilitator-note">
          <strong>{t('facilitatorNote')}:</strong> {localize(m.note, lang)}
        </p>
      ) : null}
      {state.holding ? (
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
