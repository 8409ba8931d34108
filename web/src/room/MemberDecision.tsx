import { useRef, useState } from 'react';
import type { OpenDecisionView } from '@drill/engine';
import { useT } from '../i18n.ts';

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
  const [picked, setPicked] = useState<string[]>([]);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [rationale, setRationale] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'edit' });
  const [hint, setHint] = useState<string>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const base = `md-${d.decision}`.replace(/[^\w-]/g, '_');
  const allocated = Object.values(amounts).reduce((a, v) => a + (Number(v) || 0), 0);
  const over = d.budget !== undefined ? allocated - d.budget : 0;
  const busy = stage.kind === 'sending';

  const touched = (): void => {
    setHint(undefined);
    if (stage.kind === 'refused' || stage.kind === 'confirm') setStage({ kind: 'edit' });
    onTyping();
  };
  const choice = (): MemberChoice =>
    d.kind === 'allocate'
      ? {
          allocation: Object.fromEntries(d.options.map((o) => [o.id, Number(amounts[o.id] || 0)])),
          rationale,
        }
      : { options: picked, rationale };
  const ask = (): void => {
    if (d.kind !== 'allocate' && picked.length === 0) {
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
          {d.kind === 'multi' && d.max ? <p className="help">{t('chooseUpTo', { n: d.max })}</p> : null}
          {d.kind === 'allocate' && d.budget !== undefined ? (
            <p className="help" aria-live="polite" id={`${base}-budget`}>
              {t('budget', { n: d.budget })} · {t('allocatedOf', { n: allocated, budget: d.budget })}
              {over > 0 ? <strong className="warn-text"> · {t('overBudget', { n: over })}</strong> : null}
            </p>
          ) : null}
          {d.options.map((o) =>
            d.kind === 'allocate' ? (
              <label key={o.id} className="alloc">
                <span>{o.label}</span>
                <input
                  type="number"
                  min={0}
                  inputMode="numeric"
                  aria-describedby={`${base}-budget`}
                  value={amounts[o.id] ?? ''}
                  onChange={(e) => {
                    setAmounts((a) => ({ ...a, [o.id]: e.target.value }));
                    touched();
                  }}
                />
              </label>
            ) : (
              <label key={o.id} className={d.kind === 'single' ? 'radio' : 'check'}>
                <input
                  type={d.kind === 'single' ? 'radio' : 'checkbox'}
                  name={base}
                  value={o.id}
                  checked={picked.includes(o.id)}
                  onChange={(e) => {
                    setPicked((p) =>
                      d.kind === 'single'
                        ? [o.id]
                        : e.target.checked
                          ? [...p, o.id]
                          : p.filter((x) => x !== o.id),
                    );
                    touched();
                  }}
                />
                <span>{o.label}</span>
              </label>
            ),
          )}
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
