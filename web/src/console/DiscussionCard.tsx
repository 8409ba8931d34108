import { useState } from 'react';
import { localize, type OpenDecisionView, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { clockLabel } from '../format.ts';
import type { Outcome } from '../drill/outcome.ts';

interface Props {
  scenario: Scenario;
  /** The question as the facilitator's view shows it (answers so far, roles still to answer). */
  open: OpenDecisionView;
  /** The roles this team answers for (the engine view's answerers), or undefined for one table answer. */
  roles?: string[];
  /** The facilitator's note on it, if any. */
  note?: string;
  team: string;
  onAnswer(role: string | undefined, text: string): Promise<Outcome>;
}

/**
 * An open discussion question for one team: the answers so far and a box per role asked (`each: role`)
 * or one for the table. No options, no score. The facilitator's note is shown: this is the console.
 */
export function DiscussionCard({ scenario, open: d, roles, note, team, onAnswer }: Props) {
  const { t, lang } = useT();
  const slots: (string | undefined)[] = d.each === 'role' ? (roles ?? []) : [undefined];
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const keyOf = (role: string | undefined): string => role ?? '';
  const name = `${team}-${d.decision}`.replace(/[^\w-]/g, '_');
  const roleName = (r: string | undefined): string =>
    r === undefined ? t('tableAnswer') : localize(scenario.roles.find((x) => x.id === r)?.name, lang) || r;

  const submit = async (role: string | undefined): Promise<void> => {
    const r = await onAnswer(role, (texts[keyOf(role)] ?? '').trim());
    setMessage(r.ok ? undefined : r.reason);
    if (r.ok) setTexts((x) => ({ ...x, [keyOf(role)]: '' }));
  };

  return (
    <article className="decision discussion" aria-labelledby={`dh-${name}`} data-decision={d.decision}>
      <h4 id={`dh-${name}`}>{d.prompt}</h4>
      <p className="deadline">
        {t('discussion')} · {t('discussionNoScore')}
        {` · ${t('due', { t: clockLabel(scenario, d.due) })}`}
      </p>
      {note !== undefined ? (
        <p className="facilitator-note">
          <strong>{t('facilitatorNote')}:</strong> {note}
        </p>
      ) : null}
      {slots.map((role) => {
        const said = d.answers?.find((a) => a.role === role)?.text;
        const id = `ans-${name}-${keyOf(role) || 'table'}`;
        return (
          <div key={keyOf(role)} className="answer-slot" data-role={role ?? 'table'}>
            <label htmlFor={id}>{t('answerFor', { who: roleName(role) })}</label>
            <p className={said ? '' : 'muted'}>{said ?? t('noAnswerYet')}</p>
            <textarea
              id={id}
              value={texts[keyOf(role)] ?? ''}
              maxLength={4000}
              onChange={(e) => setTexts((x) => ({ ...x, [keyOf(role)]: e.target.value }))}
            />
            <button type="button" onClick={() => void submit(role)}>
              {t('recordAnswer')}
            </button>
          </div>
        );
      })}
      {message ? (
        <p role="alert" className="error">
          {message}
        </p>
      ) : null}
    </article>
  );
}
