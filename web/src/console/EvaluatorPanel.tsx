import { useState } from 'react';
import { criticalTasks, localize, RATINGS, type DrillView, type Rating, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { Select } from '../ui/Select.tsx';
import { clockLabel } from '../format.ts';
import type { Outcome } from '../drill/outcome.ts';

interface Props {
  scenario: Scenario;
  /** The evaluators' observations so far (the facilitator's or evaluator's view carries them). */
  observations: NonNullable<DrillView['observations']>;
  onObserve(task: string, rating: Rating, note: string): Promise<Outcome>;
}

/**
 * The evaluator's view (HSEEP Exercise Evaluation Guide): pick a critical task, a P/S/M/U rating and a
 * note; each observation is a recorded input, time-stamped by the scenario clock, listed below.
 */
export function EvaluatorPanel({ scenario, observations, onObserve }: Props) {
  const { t, lang } = useT();
  const tasks = criticalTasks(scenario);
  const [task, setTask] = useState(tasks[0]?.task.id ?? '');
  const [rating, setRating] = useState<Rating>('S');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  if (tasks.length === 0) return <p className="muted">{t('noTasks')}</p>;
  const taskText = (id: string): string =>
    localize(tasks.find((x) => x.task.id === id)?.task.text, lang) || id;
  const submit = async (): Promise<void> => {
    const r = await onObserve(task, rating, note.trim());
    setMessage(r.ok ? undefined : r.reason);
    if (r.ok) setNote('');
  };
  return (
    <div className="evaluator">
      <label htmlFor="eval-task">{t('criticalTask')}</label>
      <Select
        id="eval-task"
        choices={tasks.map((x) => ({ value: x.task.id, label: localize(x.task.text, lang) }))}
        value={task}
        onChange={setTask}
      />
      <fieldset>
        <legend>{t('observedRating')}</legend>
        {RATINGS.map((r) => (
          <label key={r}>
            <input
              type="radio"
              name="eval-rating"
              value={r}
              checked={rating === r}
              onChange={() => setRating(r)}
            />
            {r}
          </label>
        ))}
      </fieldset>
      <label htmlFor="eval-note">{t('observationNote')}</label>
      <textarea id="eval-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <button type="button" onClick={() => void submit()}>
        {t('recordObservation')}
      </button>
      {message ? (
        <p role="alert" className="error">
          {message}
        </p>
      ) : null}
      {observations.length ? (
        <>
          <h3>{t('observations')}</h3>
          <ul>
            {observations.map((o) => (
              <li key={o.seq} data-task={o.task}>
                {clockLabel(scenario, o.at, lang)} · {taskText(o.task)} · <strong>{o.rating}</strong> —{' '}
                {o.note}
                <span className="muted"> ({o.evaluator})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
