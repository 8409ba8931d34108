import { useState } from 'react';
import { localize, RATINGS, type Rating, type Scenario, type Subject } from '@drill/engine';
import { useT } from '../i18n.ts';
import { Select } from './Select.tsx';
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
            <Select
              id={`${idPrefix}-subject`}
              choices={subjects.map((s) => ({ value: s.key, label: s.label }))}
              value={subject}
              onChange={setSubject}
            />
          </label>
        ) : null}
        <label className="field">
          <span>{t('capability')}</span>
          <Select
            id={`${idPrefix}-capability`}
            choices={scenario.capabilities.map((c) => ({ value: c.id, label: localize(c.name, lang) }))}
            value={cap}
            onChange={setCap}
          />
        </label>
        <label className="field">
          <span>{t('rating')}</span>
          <Select
            id={`${idPrefix}-rating`}
            choices={RATINGS.map((r) => ({ value: r, label: r }))}
            value={rating}
            onChange={setRating}
          />
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
