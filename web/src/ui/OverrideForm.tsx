import { useState } from 'react';
import { localize, RATINGS, type Rating, type Scenario, type Subject } from '@drill/engine';
import { useT } from '../i18n.ts';
import type { Outcome } from '../drill/outcome.ts';

export interface SubjectChoice {
  key: string;
  label: string;
  subject: Subject;
}

/** Adjudication: replace a capability rating with the evaluator's, with a note (recorded as `override`). */
export function OverrideForm({
  scenario,
  subjects,
  onOverride,
  idPrefix,
}: {
  scenario: Scenario;
  subjects: SubjectChoice[];
  onOverride(
    capability: string,
    subject: SubjectChoice,
    rating: Rating,
    note: string,
  ): Outcome | Promise<Outcome>;
  idPrefix: string;
}) {
  const { t, lang } = useT();
  const [cap, setCap] = useState(scenario.capabilities[0]?.id ?? '');
  const [subject, setSubject] = useState(subjects[0]?.key ?? '');
  const [rating, setRating] = useState<Rating>('S');
  const [note, setNote] = useState('');
  return (
    <form
      className="stack"
      aria-label={t('adjudicate')}
      onSubmit={(e) => {
        e.preventDefault();
        const s = subjects.find((x) => x.key === subject);
        if (!s || !note.trim()) return;
        void Promise.resolve(onOverride(cap, s, rating, note.trim())).then((r) => {
          if (r.ok) setNote('');
        });
      }}
    >
      <div className="row">
        {subjects.length > 1 ? (
          <label className="field">
            <span>{t('subject')}</span>
            <select id={`${idPrefix}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)}>
              {subjects.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="field">
          <span>{t('capability')}</span>
          <select id={`${idPrefix}-capability`} value={cap} onChange={(e) => setCap(e.target.value)}>
            {scenario.capabilities.map((c) => (
              <option key={c.id} value={c.id}>
                {localize(c.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('rating')}</span>
          <select
            id={`${idPrefix}-rating`}
            value={rating}
            onChange={(e) => setRating(e.target.value as Rating)}
          >
            {RATINGS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span>{t('note')}</span>
        <textarea
          id={`${idPrefix}-note`}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          required
        />
      </label>
      <button type="submit" className="secondary">
        {t('overrideRating')}
      </button>
    </form>
  );
}
