import { useRef, useState } from 'react';
import type { OpenDecisionView } from '@drill/engine';
import { useT } from '../i18n.ts';
import { ChoiceFields, useChoice } from '../console/ChoiceFields.tsx';

export type SubmitResult = { ok: true } | { ok: false; reason: string };

export interface MemberChoice {
  options?: string[];
  allocation?: Record<string, number>;
  rationale: string;
}

interface Props {
  decision: OpenDecisionView;
  /** `T-12h · 08-27 10:00` for a scenario minute. */
  clockLabel(minute: number): string;
  onSubmit(choice: MemberChoice): Promise<SubmitResult>;
  /** Called as the member works on the form (the trainer sees who is typing). */
  onTyping(): void;
}

type Stage =
  | { kind: 'edit' }
  | { kind: 'confirm' }
  | { kind: 'sending' }
  | { kind: 'refused'; reason: string }
  | { kind: 'done' };

/**
 * One decision open for this member's seats, as the server's view describes it (offered options only,
 * the budget for an allocation): choose, write a rationale, confirm, submit. What came of it is said
 * right under the button, where the member is looking.
 */
export function MemberDecision({ decision: d, clockLabel, onSubmit, onTyping }: Props) {
  const { t } = useT();
  const form = useChoice(d);
  const [rationale, setRationale] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'edit' });
  const [hint, setHint] = useState<string>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const base = `md-${d.decision}`.replace(/[^\w-]/g, '_');
  const busy = stage.kind === 'sending';

  const touched = (): void => {
    setHint(undefined);
    if (stage.kind === 'refused' || stage.kind === 'confirm') setStage({ kind: 'edit' });
    onTyping();
  };
  const choice = (): MemberChoice => ({ ...form.choice(), rationale });
  const ask = (): void => {
    if (form.empty) {
      setHint(t('pickSomething'));
      return;
    }
    setStage({ kind: 'confirm' });
    // The confirm button replaces the submit button: keep keyboard focus on the next step.
    queueMicrotask(() => confirmRef.current?.focus());
  };
  const send = async (): Promise<void> => {
    setStage({ kind: 'sending' });
    const r = await onSubmit(choice());
    setStage(r.ok ? { kind: 'done' } : { kind: 'refused', reason: r.reason });
  };

  return (
    <article className="room-decision" aria-labelledby={`${base}-h`} data-decision={d.decision}>
      <h3 id={`${base}-h`}>{d.prompt}</h3>
      <p className="deadline">{t('due', { t: clockLabel(d.due) })}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (stage.kind === 'confirm') void send();
          else ask();
        }}
      >
        <fieldset disabled={busy || stage.kind === 'done'}>
          <legend className="sr-only">{d.prompt}</legend>
          <ChoiceFields shape={d} state={form} name={base} onEdit={touched} />
          <label className="field">
            <span>{t('rationale')}</span>
            <textarea
              rows={3}
              value={rationale}
              maxLength={2000}
              onChange={(e) => {
                setRationale(e.target.value);
                touched();
              }}
            />
          </label>
        </fieldset>
        {stage.kind === 'confirm' || stage.kind === 'sending' ? (
          <div className="confirm-row" role="group" aria-labelledby={`${base}-q`}>
            <p id={`${base}-q`}>{t('confirmSubmitQ')}</p>
            <button type="submit" className="primary" ref={confirmRef} disabled={busy}>
              {busy ? t('sending') : t('confirmSubmit')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => setStage({ kind: 'edit' })}
            >
              {t('back')}
            </button>
          </div>
        ) : stage.kind !== 'done' ? (
          <button type="submit" className="primary">
            {t('submitDecision')}
          </button>
        ) : null}
        <div className="feedback" aria-live="assertive">
          {hint ? <p className="refusal">{hint}</p> : null}
          {stage.kind === 'refused' ? (
            <p className="refusal" role="alert">
              {stage.reason}
            </p>
          ) : null}
          {stage.kind === 'done' ? (
            <p className="success" role="status">
              {t('submittedOk')}
            </p>
          ) : null}
        </div>
      </form>
    </article>
  );
}
