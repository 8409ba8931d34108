import { useState } from 'react';
import { localize, type Rating, type DecisionScore } from '@drill/engine';
import { term, timelinessTerm } from '@drill/report';
import { useT } from '../i18n.ts';
import { Select } from '../ui/Select.tsx';
import { clockLabel, formatValue } from '../format.ts';
import { feedItems } from '../console/feedItems.ts';
import { Feed } from '../console/Feed.tsx';
import { RatingBadge } from '../ui/Rating.tsx';
import { OverrideForm, type SubjectChoice } from '../ui/OverrideForm.tsx';
import { downloadReport, downloadTranscript } from '../ui/download.ts';
import { RatingsChart } from './RatingsChart.tsx';
import { Aar } from './Aar.tsx';
import type { Reviewed } from './load.ts';
import type { Outcome } from '../drill/outcome.ts';

type Ok = Extract<Reviewed, { ok: true }>;

/** One transcript: timeline scrubber (time travel by replay), decisions, ratings, override, report. */
export function TranscriptView({
  item,
  onOverride,
}: {
  item: Ok;
  onOverride(capability: string, s: SubjectChoice, rating: Rating, note: string): Outcome & { seq?: number };
}) {
  const { t, lang } = useT();
  const sc = item.scenario;
  const n = item.transcript.entries.length;
  const [idx, setIdx] = useState(n);
  const [saved, setSaved] = useState<number>();
  const [error, setError] = useState<string>();
  const at = Math.min(idx, n);
  const state = item.states[at]!;
  const entry = at > 0 ? item.transcript.entries[at - 1] : undefined;
  const teams = [...new Set(item.transcript.header.participants.map((p) => p.team))];
  const subjects: SubjectChoice[] = [
    { key: 'overall', label: t('overall'), subject: { kind: 'overall' } },
    ...teams.map((tm): SubjectChoice => ({
      key: `team:${tm}`,
      label: tm,
      subject: { kind: 'team', id: tm },
    })),
  ];
  const [subjectKey, setSubjectKey] = useState('overall');
  const ratings =
    subjectKey === 'overall'
      ? item.score.capabilities
      : (item.score.teams.find((x) => `team:${x.subject.id}` === subjectKey)?.capabilities ??
        item.score.capabilities);
  const vars = sc.variables.filter((v) => v.indicator);
  const closedThen = sc.decisions.filter((d) => state.decisions[d.id]?.status === 'closed');
  const name = item.transcript.header.meta?.team ?? teams.join(' + ');

  return (
    <>
      <section className="panel screen-only" aria-labelledby="tl-h">
        <div className="panel-head">
          <h2 id="tl-h">
            {t('timeline')} — {localize(sc.title, lang)} · {name}
          </h2>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              downloadTranscript(
                item.name.endsWith('.json') ? item.name : `${item.name}.json`,
                item.transcript,
              )
            }
          >
            {t('downloadCurrent')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              downloadReport(item.name.replace(/\.jsonl?$/, '') + '.html', sc, item.transcript, lang)
            }
          >
            {t('downloadReportCurrent')}
          </button>
        </div>
        <div className="scrubber">
          <button
            type="button"
            className="secondary"
            onClick={() => setIdx((i) => Math.max(0, Math.min(i, n) - 1))}
            disabled={at === 0}
          >
            ◀ {t('previous')}
          </button>
          <label htmlFor="scrub" className="sr-only">
            {t('moment')}
          </label>
          <input
            id="scrub"
            type="range"
            min={0}
            max={n}
            step={1}
            value={at}
            onChange={(e) => setIdx(Number(e.target.value))}
            aria-valuetext={
              at === 0 ? t('start0') : t('momentLabel', { i: at, n, t: clockLabel(sc, state.clock) })
            }
          />
          <button
            type="button"
            className="secondary"
            onClick={() => setIdx((i) => Math.min(n, i + 1))}
            disabled={at === n}
          >
            {t('next')} ▶
          </button>
        </div>
        <p className="moment" data-testid="moment" aria-live="polite">
          <strong>
            {at === 0 ? t('start0') : t('momentLabel', { i: at, n, t: clockLabel(sc, state.clock) })}
          </strong>
          {entry ? <code className="input-desc">{describe(entry.input)}</code> : null}
        </p>
        <div className="tl-grid">
          <div>
            <h3>{t('world')}</h3>
            <table className="grid compact" data-testid="world">
              <tbody>
                {vars.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">{localize(v.name, lang)}</th>
                    <td className="num">
                      {v.levels?.length
                        ? localize(
                            [...v.levels].reverse().find((l) => Number(state.world[v.id]) >= l.value)
                              ?.label ?? '',
                            lang,
                          )
                        : formatValue(state.world[v.id] ?? 0, localize(v.unit, lang))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('decisionsTaken2')}</h3>
            {closedThen.length ? (
              <ul className="plain" data-testid="decided-then">
                {closedThen.map((d) => (
                  <li key={d.id}>
                    {localize(d.prompt, lang)} —{' '}
                    <span className="muted">
                      {(
                        state.decisions[d.id]!.options ??
                        Object.keys(state.decisions[d.id]!.allocation ?? {}).filter(
                          (k) => state.decisions[d.id]!.allocation![k]! > 0,
                        )
                      )
                        .map((o) => localize(d.options.find((x) => x.id === o)?.label ?? o, lang))
                        .join('; ')}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('none')}</p>
            )}
          </div>
          <div>
            <h3 id="tl-feed-h">{t('injectsDelivered')}</h3>
            <div className="feed-scroll" role="region" aria-labelledby="tl-feed-h" tabIndex={0}>
              <Feed items={feedItems(sc, state, lang)} />
            </div>
          </div>
        </div>
      </section>

      <section className="panel screen-only" aria-labelledby="decs-h">
        <h2 id="decs-h">{t('decisions')}</h2>
        {item.score.decisions
          .filter((d) => d.status !== 'not-reached')
          .map((d) => (
            <DecisionDetail key={d.decision} d={d} item={item} />
          ))}
      </section>

      <section className="panel screen-only" aria-labelledby="rat-h">
        <div className="panel-head">
          <h2 id="rat-h">{t('ratings')}</h2>
          <label className="inline">
            {t('subject')}
            <Select
              choices={subjects.map((s) => ({ value: s.key, label: s.label }))}
              value={subjectKey}
              onChange={setSubjectKey}
            />
          </label>
        </div>
        <div className="two-col">
          <RatingsChart scenario={sc} ratings={ratings} id={`chart-${subjectKey}`} />
          <table className="grid compact" data-testid="ratings-table">
            <thead>
              <tr>
                <th scope="col">{t('capability')}</th>
                <th scope="col">{t('proposed')}</th>
                <th scope="col">{t('final')}</th>
                <th scope="col">{t('evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {ratings.map((c) => (
                <tr key={c.capability} data-capability={c.capability}>
                  <th scope="row">
                    {localize(sc.capabilities.find((x) => x.id === c.capability)?.name ?? c.capability, lang)}
                  </th>
                  <td>
                    <RatingBadge rating={c.proposed} />
                    {c.credit !== null ? (
                      <span className="muted small"> {Math.round(c.credit * 100)}%</span>
                    ) : null}
                  </td>
                  <td>
                    <RatingBadge rating={c.final} overridden={!!c.override} />
                    {c.override ? <div className="small note-text">{c.override.note}</div> : null}
                  </td>
                  <td className="small">
                    {c.evidence
                      .map((e) => localize(sc.decisions.find((d) => d.id === e)?.prompt ?? e, lang))
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{t('adjudicate')}</h3>
        {saved ? (
          <p role="status" className="ok-text">
            {t('overrideSaved', { n: saved })}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="error-box">
            {error}
          </p>
        ) : null}
        <OverrideForm
          idPrefix="review-override"
          scenario={sc}
          subjects={subjects}
          onOverride={(cap, s, rating, note) => {
            const r = onOverride(cap, s, rating, note);
            if (r.ok) setSaved(r.seq);
            setError(r.ok ? undefined : r.reason);
            return r;
          }}
        />
      </section>

      <Aar item={item} />
    </>
  );
}

function describe(input: unknown): string {
  const i = input as Record<string, unknown>;
  switch (i.type) {
    case 'advance':
      return i.to === 'next' ? 'advance → next event' : `advance ${String(i.minutes)} min`;
    case 'choose':
      return `choose ${String(i.decision)} (${String(i.participant)})`;
    case 'inject':
      return `inject ${String(i.id)}`;
    case 'override':
      return `override ${String(i.capability)} → ${String(i.rating)}`;
    case 'correct':
      return `correct input ${String(i.seq)}: ${String(i.note)}`;
    default:
      return String(i.type);
  }
}

function DecisionDetail({ d, item }: { d: DecisionScore; item: Ok }) {
  const { t, lang } = useT();
  const sc = item.scenario;
  const dp = sc.decisions.find((x) => x.id === d.decision)!;
  const chosen = new Set(
    d.allocation ? Object.keys(d.allocation).filter((k) => d.allocation![k]! > 0) : d.options,
  );
  const feedback = [
    ...dp.options.filter((o) => chosen.has(o.id) && o.feedback).map((o) => localize(o.feedback, lang)),
    ...d.feedback.map((i) => localize(dp.feedback[i]?.text, lang)),
  ].filter(Boolean);
  const by = item.transcript.header.participants.find((p) => p.id === d.by);
  return (
    <article className="decision-detail" data-decision={d.decision}>
      <h3>{localize(dp.prompt, lang)}</h3>
      <p className="small muted">
        {d.timeliness ? timelinessTerm(d.timeliness, lang) : ''}
        {d.simulated ? ` · ${term('simulatedColleague', lang)}` : ''}
        {d.at !== undefined ? ` · ${clockLabel(sc, d.at)}` : ''}
        {d.due !== undefined ? ` · ${t('due', { t: clockLabel(sc, d.due) })}` : ''}
        {by ? ` · ${t('by')} ${by.name}` : ''} · {t('credit')} {Math.round(d.credit * 100)}%
      </p>
      <ul className="options">
        {dp.options.map((o) => (
          <li key={o.id} className={chosen.has(o.id) ? 'chosen' : ''}>
            {chosen.has(o.id) ? <span className="chosen-mark">✔ {t('chosen')}</span> : null}{' '}
            {localize(o.label, lang)}
            {d.allocation && chosen.has(o.id) ? <strong> — {d.allocation[o.id]}</strong> : null}
          </li>
        ))}
      </ul>
      {d.rationale ? (
        <blockquote className="rationale">
          <span className="sr-only">{t('rationale')}: </span>
          {d.rationale}
        </blockquote>
      ) : null}
      {feedback.length ? (
        <div className="feedback">
          <strong>{t('feedback')}:</strong>
          {feedback.map((f, i) => (
            <p key={i} className="prewrap">
              {f}
            </p>
          ))}
        </div>
      ) : null}
    </article>
  );
}
