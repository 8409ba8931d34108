import { useState } from 'react';
import { localize, type OpenDecisionView, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { clockLabel } from '../format.ts';

export type Choice = { options: string[] } | { allocation: Record<string, number> };

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
  const [picked, setPicked] = useState<string[]>([]);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [rationale, setRationale] = useState('');
  // Recording is two steps: the trainer reads back what will be recorded, then confirms.
  const [confirming, setConfirming] = useState(false);
  const overdue = clock > d.due;
  const name = `${team}-${d.decision}`;
  const headingId = `dh-${name}`.replace(/[^\w-]/g, '_');

  const choice = (): Choice =>
    d.kind === 'allocate'
      ? { allocation: Object.fromEntries(d.options.map((o) => [o.id, Number(amounts[o.id] || 0)])) }
      : { options: picked };
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
      setPicked([]);
      setAmounts({});
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
          {d.kind === 'multi' && d.max ? <p className="help">{t('chooseUpTo', { n: d.max })}</p> : null}
          {d.kind === 'allocate' && d.budget !== undefined ? (
            <p className="help">
              {t('budget', { n: d.budget })}
              {dp?.unit ? ` ${localize(dp.unit, lang)}` : ''}
            </p>
          ) : null}
          {d.options.map((o) => {
            const def = dp?.options.find((x) => x.id === o.id);
            return d.kind === 'allocate' ? (
              <label key={o.id} className="alloc">
                <span>{o.label}</span>
                <input
                  type="number"
                  min={def?.min ?? 0}
                  max={def?.max}
                  inputMode="numeric"
                  aria-label={t('amountFor', { option: o.label })}
                  value={amounts[o.id] ?? ''}
                  onChange={(e) => setAmounts((a) => ({ ...a, [o.id]: e.target.value }))}
                />
              </label>
            ) : (
              <label key={o.id} className={d.kind === 'single' ? 'radio' : 'check'}>
                <input
                  type={d.kind === 'single' ? 'radio' : 'checkbox'}
                  name={name}
                  value={o.id}
                  checked={picked.includes(o.id)}
                  onChange={(e) =>
                    setPicked((p) =>
                      d.kind === 'single'
                        ? [o.id]
                        : e.target.checked
                          ? [...p, o.id]
                          : p.filter((x) => x !== o.id),
                    )
                  }
                />
                {o.label}
              </label>
            );
          })}
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
