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
  /**
   * Browser-only: no sign-in says who observes, so the user names themself (remembered in this browser)
   * and each observation is recorded under that name. In a room the evaluator's token names them.
   */
  askName?: boolean;
  onObserve(task: string, rating: Rating, note: string, evaluator?: string): Promise<Outcome>;
}

const NAME_KEY = 'drill.evaluatorName';

/** The name as recorded: one line, without control or direction characters, at most 80 characters. */
function cleanName(name: string): string {
  return name
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
}

function rememberedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return ''; // storage blocked: the user types it each time
  }
}

/**
 * The evaluator's view (HSEEP Exercise Evaluation Guide): pick a critical task, a P/S/M/U rating and a
 * note; each observation is a recorded input, time-stamped by the scenario clock, listed below.
 */
export function EvaluatorPanel({ scenario, observations, askName = false, onObserve }: Props) {
  const { t, lang } = useT();
  const tasks = criticalTasks(scenario);
  const [task, setTask] = useState(tasks[0]?.task.id ?? '');
  const [rating, setRating] = useState<Rating>('S');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [name, setName] = useState(() => (askName ? rememberedName() : ''));
  if (tasks.length === 0) return <p className="muted">{t('noTasks')}</p>;
  const taskText = (id: string): string =>
    localize(tasks.find((x) => x.task.id === id)?.task.text, lang) || id;
  const submit = async (): Promise<void> => {
    const evaluator = cleanName(name);
    if (askName && !evaluator) {
      setMessage(t('evaluatorNameMissing'));
      return;
    }
    if (askName)
      try {
        localStorage.setItem(NAME_KEY, evaluator);
      } catch {
        // not remembered: nothing else depends on it
      }
    const r = await onObserve(task, rating, note.trim(), askName ? evaluator : undefined);
    setMessage(r.ok ? undefined : r.reason);
    if (r.ok) setNote('');
  };
  return (
    <div className="evaluator">
      {askName ? (
        <>
          <label htmlFor="eval-name">{t('evaluatorName')}</label>
          <input
            id="eval-name"
            value={name}
            maxLength={80}
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
          />
        </>
      ) : null}
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
