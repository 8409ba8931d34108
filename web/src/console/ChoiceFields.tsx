import { useState } from 'react';
import type { OpenDecisionView } from '@drill/engine';
import { useT } from '../i18n.ts';

/** What is recorded for a decision: the options picked, or an allocation of its budget. */
export type Choice = { options: string[] } | { allocation: Record<string, number> };

/** A decision's form as every choosing screen shows it: the offered options, in order, with limits. */
export interface ChoiceShape {
  kind: OpenDecisionView['kind'];
  options: { id: string; label: string; min?: number; max?: number }[];
  /** Most options a `multi` decision takes. */
  max?: number;
  /** What an allocation shares out, and in what (a unit's name). */
  budget?: number;
  unit?: string;
}

export interface ChoiceState {
  picked: string[];
  amounts: Record<string, string>;
  /** The sum allocated so far, and by how much it passes the budget (≤ 0: within it). */
  allocated: number;
  over: number;
  /** Nothing picked where options must be picked. */
  empty: boolean;
  pick(id: string, on: boolean): void;
  amount(id: string, value: string): void;
  choice(): Choice;
  reset(): void;
}

/** The state of one choice form: picked options or typed amounts (kept as typed until recorded). */
export function useChoice(shape: ChoiceShape, initial?: Choice): ChoiceState {
  const [picked, setPicked] = useState<string[]>(() =>
    initial && 'options' in initial ? initial.options : [],
  );
  const [amounts, setAmounts] = useState<Record<string, string>>(() =>
    initial && 'allocation' in initial
      ? Object.fromEntries(Object.entries(initial.allocation).map(([k, v]) => [k, String(v)]))
      : {},
  );
  const allocated = Object.values(amounts).reduce((a, v) => a + (Number(v) || 0), 0);
  return {
    picked,
    amounts,
    allocated,
    over: shape.budget !== undefined ? allocated - shape.budget : 0,
    empty: shape.kind !== 'allocate' && picked.length === 0,
    pick: (id, on) =>
      setPicked((p) => (shape.kind === 'single' ? [id] : on ? [...p, id] : p.filter((x) => x !== id))),
    amount: (id, value) => setAmounts((a) => ({ ...a, [id]: value })),
    choice: () =>
      shape.kind === 'allocate'
        ? { allocation: Object.fromEntries(shape.options.map((o) => [o.id, Number(amounts[o.id] || 0)])) }
        : { options: picked },
    reset: () => {
      setPicked([]);
      setAmounts({});
    },
  };
}

/**
 * The option inputs of a choice form — radio buttons, check boxes, or amounts with the budget and what
 * is allocated so far — shared by the trainer's decision card, the correction form and a participant's
 * decision, so each shows a decision the same way. `name` makes the ids unique on the page.
 */
export function ChoiceFields({
  shape,
  state,
  name,
  onEdit,
}: {
  shape: ChoiceShape;
  state: ChoiceState;
  name: string;
  onEdit?: () => void;
}) {
  const { t } = useT();
  const budgetId = `${name}-budget`.replace(/[^\w-]/g, '_');
  return (
    <>
      {shape.kind === 'multi' && shape.max ? (
        <p className="help">{t('chooseUpTo', { n: shape.max })}</p>
      ) : null}
      {shape.kind === 'allocate' && shape.budget !== undefined ? (
        <p className="help" aria-live="polite" id={budgetId}>
          {t('budget', { n: shape.budget })}
          {shape.unit ? ` ${shape.unit}` : ''} ·{' '}
          {t('allocatedOf', { n: state.allocated, budget: shape.budget })}
          {state.over > 0 ? (
            <strong className="warn-text"> · {t('overBudget', { n: state.over })}</strong>
          ) : null}
        </p>
      ) : null}
      {shape.options.map((o) =>
        shape.kind === 'allocate' ? (
          <label key={o.id} className="alloc">
            <span>{o.label}</span>
            <input
              type="number"
              min={o.min ?? 0}
              max={o.max}
              inputMode="numeric"
              aria-label={t('amountFor', { option: o.label })}
              {...(shape.budget !== undefined ? { 'aria-describedby': budgetId } : {})}
              value={state.amounts[o.id] ?? ''}
              onChange={(e) => {
                state.amount(o.id, e.target.value);
                onEdit?.();
              }}
            />
          </label>
        ) : (
          <label key={o.id} className={shape.kind === 'single' ? 'radio' : 'check'}>
            <input
              type={shape.kind === 'single' ? 'radio' : 'checkbox'}
              name={name}
              value={o.id}
              checked={state.picked.includes(o.id)}
              onChange={(e) => {
                state.pick(o.id, e.target.checked);
                onEdit?.();
              }}
            />
            <span>{o.label}</span>
          </label>
        ),
      )}
    </>
  );
}
