import { useState } from 'react';
import { localize, type ClosedDecisionView, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { ChoiceFields, useChoice, type Choice, type ChoiceShape } from './ChoiceFields.tsx';

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
  const shape: ChoiceShape = {
    kind: dp.kind,
    options: dp.options.map((o) => ({
      id: o.id,
      label: localize(o.label, lang),
      ...(o.min !== undefined ? { min: o.min } : {}),
      ...(o.max !== undefined ? { max: o.max } : {}),
    })),
    ...(dp.kind === 'multi' && dp.max !== undefined ? { max: dp.max } : {}),
  };
  const form = useChoice(
    shape,
    closed.allocation ? { allocation: closed.allocation } : { options: closed.options },
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
        void onCorrect(form.choice(), note.trim());
      }}
    >
      <fieldset>
        <legend>{t('correctTitle', { decision: localize(dp.prompt, lang) })}</legend>
        <ChoiceFields shape={shape} state={form} name={base} />
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
