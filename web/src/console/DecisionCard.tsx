import { useState } from 'react';
import {
  allocationBudget,
  liveText,
  localize,
  presentedOptions,
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
  onChoose(
    choice: { options: string[] } | { allocation: Record<string, number> },
    rationale: string,
  ): Outcome;
}

/** One open decision point for one team: the question, its deadline, and the form to record the choice. */
export function DecisionCard({ scenario, state, decision: d, team, onChoose }: Props) {
  const { t, lang } = useT();
  const rec = state.decisions[d.id]!;
  const offered = presentedOptions(scenario, state, d);
  const [picked, setPicked] = useState<string[]>([]);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [rationale, setRationale] = useState('');
  const overdue = rec.due !== undefined && state.clock > rec.due;
  const budget = d.kind === 'allocate' ? allocationBudget(state, d) : undefined;
  const name = `${team}-${d.id}`;
  const headingId = `dh-${name}`.replace(/[^\w-]/g, '_');

  const submit = (): void => {
    const choice =
      d.kind === 'allocate'
        ? { allocation: Object.fromEntries(offered.map((o) => [o.id, Number(amounts[o.id] || 0)])) }
        : { options: picked };
    const r = onChoose(choice, rationale);
    if (r.ok) {
      setPicked([]);
      setAmounts({});
      setRationale('');
    }
  };

  return (
    <article
      className={`decision ${overdue ? 'overdue' : ''}`}
      aria-labelledby={headingId}
      data-decision={d.id}
    >
      <h4 id={headingId}>{liveText(scenario, state, d.prompt, lang)}</h4>
      <p className="deadline">
        {rec.due !== undefined ? t('due', { t: clockLabel(scenario, rec.due) }) : null}
        {rec.closesAt !== undefined && rec.closesAt !== rec.due
          ? ` · ${t('closes', { t: clockLabel(scenario, rec.closesAt) })}`
          : null}
        {overdue ? <strong className="late-tag"> · {t('overdue')}</strong> : null}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset>
          <legend className="sr-only">{localize(d.prompt, lang)}</legend>
          {d.kind === 'multi' && d.max ? <p className="help">{t('chooseUpTo', { n: d.max })}</p> : null}
          {d.kind === 'allocate' && budget !== undefined ? (
            <p className="help">
              {t('budget', { n: budget })}
              {d.unit ? ` ${d.unit}` : ''}
            </p>
          ) : null}
          {offered.map((o) =>
            d.kind === 'allocate' ? (
              <label key={o.id} className="alloc">
                <span>{localize(o.label, lang)}</span>
                <input
                  type="number"
                  min={o.min ?? 0}
                  max={o.max}
                  inputMode="numeric"
                  aria-label={t('amountFor', { option: localize(o.label, lang) })}
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
                {localize(o.label, lang)}
              </label>
            ),
          )}
        </fieldset>
        <label className="field">
          <span>{t('rationale')}</span>
          <textarea
            rows={2}
            value={rationale}
            maxLength={2000}
            onChange={(e) => setRationale(e.target.value)}
          />
        </label>
        <button type="submit" className="primary">
          {t('record', { team })}
        </button>
      </form>
    </article>
  );
}
