import { useState } from 'react';
import { formatScenarioTime, localize, type OpenDecisionView, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { clockLabel } from '../format.ts';
import type { Outcome } from '../drill/outcome.ts';

/** The longest answer the Table takes (its `answer` command's limit). */
export const ANSWER_MAX = 4000;

interface Props {
  /** For role names and the clock; a room page may not have the scenario (ids and relative times then). */
  scenario: Scenario | undefined;
  /** The question as the viewer's view shows it (answers so far, roles still to answer). */
  open: OpenDecisionView;
  /** The roles this team answers for (the engine view's answerers), or undefined for one table answer. */
  roles?: string[];
  /** The facilitator's note on it, if any (the console only). */
  note?: string;
  team: string;
  /** The heading level under the page's section heading (the console's cards sit one level deeper). */
  heading?: 'h3' | 'h4';
  onAnswer(role: string | undefined, text: string): Promise<Outcome>;
  /** Called as someone types an answer (a room's trainer sees which members are typing). */
  onTyping?(): void;
}

/** The roles a team may answer a per-role question for (a member's view lists only their own seats). */
export function answerRolesOf(d: OpenDecisionView, team: string): string[] | undefined {
  if (!d.answerers) return undefined;
  return d.answerers.find((a) => a.team === team)?.roles ?? [];
}

type Slot = { kind: 'sending' } | { kind: 'done' } | { kind: 'refused'; reason: string };

/**
 * An open discussion question for one team: the answers so far and a box per role asked (`each: role`)
 * or one for the table. No options, no score. Used by the trainer's console and a participant's own
 * device alike; what came of each answer is said under its own box.
 */
export function DiscussionCard({
  scenario,
  open: d,
  roles,
  note,
  team,
  heading: H = 'h4',
  onAnswer,
  onTyping,
}: Props) {
  const { t, lang } = useT();
  const slots: (string | undefined)[] = d.each === 'role' ? (roles ?? []) : [undefined];
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [state, setState] = useState<Record<string, Slot>>({});
  const keyOf = (role: string | undefined): string => role ?? '';
  const name = `${team}-${d.decision}`.replace(/[^\w-]/g, '_');
  const roleName = (r: string | undefined): string =>
    r === undefined ? t('tableAnswer') : localize(scenario?.roles.find((x) => x.id === r)?.name, lang) || r;
  const due = scenario ? clockLabel(scenario, d.due, lang) : formatScenarioTime(d.due);
  const set = (role: string | undefined, s: Slot | undefined): void =>
    setState((x) => {
      const next = { ...x };
      if (s) next[keyOf(role)] = s;
      else delete next[keyOf(role)];
      return next;
    });

  const submit = async (role: string | undefined): Promise<void> => {
    const text = (texts[keyOf(role)] ?? '').trim();
    // Said here, in the page's language: the Table's own refusal of an empty text is not translated.
    if (!text) return set(role, { kind: 'refused', reason: t('answerEmpty') });
    set(role, { kind: 'sending' });
    const r = await onAnswer(role, text);
    set(role, r.ok ? { kind: 'done' } : { kind: 'refused', reason: r.reason });
    if (r.ok) setTexts((x) => ({ ...x, [keyOf(role)]: '' }));
  };

  return (
    <article className="decision discussion" aria-labelledby={`dh-${name}`} data-decision={d.decision}>
      <H id={`dh-${name}`}>{d.prompt}</H>
      <p className="deadline">
        {t('discussion')} · {t('discussionNoScore')}
        {` · ${t('due', { t: due })}`}
      </p>
      {note !== undefined ? (
        <p className="facilitator-note">
          <strong>{t('facilitatorNote')}:</strong> {note}
        </p>
      ) : null}
      {slots.length === 0 ? <p className="muted">{t('noSeatAsked')}</p> : null}
      {slots.map((role) => {
        const said = d.answers?.find((a) => a.role === role)?.text;
        const id = `ans-${name}-${keyOf(role) || 'table'}`;
        const text = texts[keyOf(role)] ?? '';
        const s = state[keyOf(role)];
        return (
          <div key={keyOf(role)} className="answer-slot" data-role={role ?? 'table'}>
            <label htmlFor={id}>{t('answerFor', { who: roleName(role) })}</label>
            <p className={said ? 'prewrap' : 'muted'}>{said ?? t('noAnswerYet')}</p>
            <textarea
              id={id}
              rows={3}
              value={text}
              maxLength={ANSWER_MAX}
              aria-describedby={`${id}-n`}
              onChange={(e) => {
                setTexts((x) => ({ ...x, [keyOf(role)]: e.target.value }));
                if (s?.kind !== 'sending') set(role, undefined);
                onTyping?.();
              }}
            />
            <p id={`${id}-n`} className="muted small">
              {t('answerLimit', { n: text.length, max: ANSWER_MAX })}
            </p>
            <button type="button" disabled={s?.kind === 'sending'} onClick={() => void submit(role)}>
              {s?.kind === 'sending' ? t('sending') : t('recordAnswer')}
            </button>
            <div className="feedback" aria-live="assertive">
              {s?.kind === 'refused' ? (
                <p role="alert" className="error refusal">
                  {s.reason}
                </p>
              ) : null}
              {s?.kind === 'done' ? (
                <p role="status" className="success">
                  {t('answerRecorded')}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
    </article>
  );
}
