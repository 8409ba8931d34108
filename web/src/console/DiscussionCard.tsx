import { useState } from 'react';
import {
  answerRolesFor,
  liveText,
  localize,
  type DecisionPoint,
  type DrillState,
  type Scenario,
} from '@drill/engine';
import { useT } from '../i18n.ts';
import { clockLabel } from '../format.ts';
import type { Outcome } from '../drill/consoleDrill.ts';

interface Props {
  scenario: Scenario;
  state: DrillState;
  decision: DecisionPoint;
  team: string;
  /** The seat that records the answers for this team. */
  participant: string;
  onAnswer(role: string | undefined, text: string): Outcome;
}

/**
 * An open discussion question for one team: the answers so far and a box per role asked (`each: role`)
 * or one for the table. No options, no score. The facilitator's note is shown: this is the console.
 */
export function DiscussionCard({ scenario, state, decision: d, team, participant, onAnswer }: Props) {
  const { t, lang } = useT();
  const rec = state.decisions[d.id]!;
  const p = state.participants.find((x) => x.id === participant);
  const slots: (string | undefined)[] = d.each === 'role' ? (p ? answerRolesFor(d, p) : []) : [undefined];
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const keyOf = (role: string | undefined): string => role ?? '';
  const name = `${team}-${d.id}`.replace(/[^\w-]/g, '_');
  const roleName = (r: string | undefined): string =>
    r === undefined ? t('tableAnswer') : localize(scenario.roles.find((x) => x.id === r)?.name, lang) || r;

  const submit = (role: string | undefined): void => {
    const r = onAnswer(role, (texts[keyOf(role)] ?? '').trim());
    setMessage(r.ok ? undefined : r.reason);
    if (r.ok) setTexts((x) => ({ ...x, [keyOf(role)]: '' }));
  };

  return (
    <article className="decision discussion" aria-labelledby={`dh-${name}`} data-decision={d.id}>
      <h4 id={`dh-${name}`}>{liveText(scenario, state, d.prompt, lang)}</h4>
      <p className="deadline">
        {t('discussion')} · {t('discussionNoScore')}
        {rec.due !== undefined ? ` · ${t('due', { t: clockLabel(scenario, rec.due) })}` : ''}
      </p>
      {d.note !== undefined ? (
        <p className="facilitator-note">
          <strong>{t('facilitatorNote')}:</strong> {localize(d.note, lang)}
        </p>
      ) : null}
      {slots.map((role) => {
        const said = rec.answers?.find((a) => a.role === role)?.text;
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
            <button type="button" onClick={() => submit(role)}>
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
