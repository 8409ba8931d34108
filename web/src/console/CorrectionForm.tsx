import { useState } from 'react';
import { localize, type ClosedDecisionView, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import type { Choice } from './DecisionCard.tsx';

/**
 * Corrects a mis-recorded choice: the trainer's correction is a recorded input (`correct`) with a
 * reason, so the transcript says what was changed and replay gives the same drill.
 */
export function CorrectionForm({
  scenario,
  closed,
  team,
  onCorrect,
  onCancel,
}: {
  scenario: Scenario;
  closed: ClosedDecisionView;
  team: string;
  onCorrect(choice: Choice, note: string): Promise<boolean>;
  onCancel(): void;
}) {
  const { t, lang } = useT();
  const dp = scenario.decisions.find((d) => d.id === closed.decision)!;
  const [picked, setPicked] = useState<string[]>(closed.options);
  const [amounts, setAmounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(closed.allocation ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const [note, setNote] = useState('');
  const base = `corr-${team}-${dp.id}`.replace(/[^\w-]/g, '_');
  return (
    <form
      className="correction stack"
      aria-label={t('correctTitle', { decision: localize(dp.prompt, lang) })}
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim()) return;
        const choice: Choice =
          dp.kind === 'allocate'
            ? { allocation: Object.fromEntries(dp.options.map((o) => [o.id, Number(amounts[o.id] || 0)])) }
            : { options: picked };
        void onCorrect(choice, note.trim());
      }}
    >
      <fieldset>
        <legend>{t('correctTitle', { decision: localize(dp.prompt, lang) })}</legend>
        {dp.options.map((o) =>
          dp.kind === 'allocate' ? (
            <label key={o.id} className="alloc">
              <span>{localize(o.label, lang)}</span>
              <input
                type="number"
                min={o.min ?? 0}
                max={o.max}
                aria-label={t('amountFor', { option: localize(o.label, lang) })}
                value={amounts[o.id] ?? ''}
                onChange={(e) => setAmounts((a) => ({ ...a, [o.id]: e.target.value }))}
              />
            </label>
          ) : (
            <label key={o.id} className={dp.kind === 'single' ? 'radio' : 'check'}>
              <input
                type={dp.kind === 'single' ? 'radio' : 'checkbox'}
                name={base}
                checked={picked.includes(o.id)}
                onChange={(e) =>
                  setPicked((p) =>
                    dp.kind === 'single'
                      ? [o.id]
                      : e.target.checked
                        ? [...p, o.id]
                        : p.filter((x) => x !== o.id),
                  )
                }
              />
              {localize(o.label, lang)}
            </label>
          ),
        )}
      </fieldset>
      <label className="field">
        <span>{t('correctNote')}</span>
        <textarea rows={2} value={note} required maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="secondary">
          {t('correctSave')}
        </button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
