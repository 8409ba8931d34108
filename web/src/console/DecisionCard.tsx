import { useState } from 'react';
import { localize, type OpenDecisionView, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { clockLabel } from '../format.ts';
import { ChoiceFields, useChoice, type Choice, type ChoiceShape } from './ChoiceFields.tsx';

export type { Choice } from './ChoiceFields.tsx';

interface Props {
  scenario: Scenario;
  /** The open decision as the Table's view shows it: offered options in order, budget, deadline. */
  open: OpenDecisionView;
  clock: number;
  team: string;
  /** Records the choice; resolves true when the drill accepted it. */
  onChoose(choice: Choice, rationale: string): Promise<boolean>;
}

/** One open decision point for one team: the question, its deadline, and the form to record the choice. */
export function DecisionCard({ scenario, open: d, clock, team, onChoose }: Props) {
  const { t, lang } = useT();
  const dp = scenario.decisions.find((x) => x.id === d.decision);
  const shape: ChoiceShape = {
    kind: d.kind,
    options: d.options.map((o) => {
      const def = dp?.options.find((x) => x.id === o.id);
      return {
        ...o,
        ...(def?.min !== undefined ? { min: def.min } : {}),
        ...(def?.max !== undefined ? { max: def.max } : {}),
      };
    }),
    ...(d.max !== undefined ? { max: d.max } : {}),
    ...(d.budget !== undefined ? { budget: d.budget } : {}),
    ...(dp?.unit ? { unit: localize(dp.unit, lang) } : {}),
  };
  const form = useChoice(shape);
  const [rationale, setRationale] = useState('');
  // Recording is two steps: the trainer reads back what will be recorded, then confirms.
  const [confirming, setConfirming] = useState(false);
  const overdue = clock > d.due;
  const name = `${team}-${d.decision}`;
  const headingId = `dh-${name}`.replace(/[^\w-]/g, '_');

  const choice = (): Choice => form.choice();
  const label = (id: string): string => d.options.find((o) => o.id === id)?.label ?? id;
  const readBack = (): string => {
    const c = choice();
    if ('allocation' in c)
      return (
        Object.entries(c.allocation)
          .filter(([, v]) => v !== 0)
          .map(([k, v]) => `${label(k)}: ${v}`)
          .join('; ') || '—'
      );
    return c.options.map(label).join('; ') || '—';
  };
  const submit = async (): Promise<void> => {
    setConfirming(false);
    if (await onChoose(choice(), rationale)) {
      form.reset();
      setRationale('');
    }
  };

  return (
    <article
      className={`decision ${overdue ? 'overdue' : ''}`}
      aria-labelledby={headingId}
      data-decision={d.decision}
    >
      <h4 id={headingId}>{d.prompt}</h4>
      <p className="deadline">
        {t('due', { t: clockLabel(scenario, d.due) })}
        {d.closesAt !== d.due ? ` · ${t('closes', { t: clockLabel(scenario, d.closesAt) })}` : null}
        {overdue ? <strong className="late-tag"> · {t('overdue')}</strong> : null}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <fieldset disabled={confirming}>
          <legend className="sr-only">{d.prompt}</legend>
          <ChoiceFields shape={shape} state={form} name={name} />
        </fieldset>
        <label className="field">
          <span>{t('rationale')}</span>
          <textarea
            rows={2}
            value={rationale}
            maxLength={2000}
            disabled={confirming}
            onChange={(e) => setRationale(e.target.value)}
          />
        </label>
        {confirming ? (
          <div className="confirm-box" role="group" aria-label={t('confirmRecordTitle', { team })}>
            <p>
              {t('confirmRecordTitle', { team })}: <strong data-testid="read-back">{readBack()}</strong>
            </p>
            <button type="button" className="primary" autoFocus onClick={() => void submit()}>
              {t('confirmRecord')}
            </button>
            <button type="button" className="ghost" onClick={() => setConfirming(false)}>
              {t('change')}
            </button>
          </div>
        ) : (
          <button type="submit" className="primary">
            {t('record', { team })}
          </button>
        )}
      </form>
    </article>
  );
}
