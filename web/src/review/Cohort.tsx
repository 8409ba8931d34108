import { useMemo, useState } from 'react';
import type { Scenario } from '@drill/engine';
import {
  cmp,
  cohortReport,
  examineAll,
  inDateRange,
  parseDateRange,
  renderCohort,
  type CohortReport,
  type DateRange,
  type RunDigest,
} from '@drill/cohort';
import { useT } from '../i18n.ts';
import { scenarioById } from '../scenarios.ts';
import type { Reviewed } from './load.ts';

/** A from..to pair of date fields; both empty is no range (every run). */
interface Dates {
  from: string;
  to: string;
}

/** The range the fields give, `undefined` for none, or `false` when it ends before it starts. */
function rangeOf(d: Dates): DateRange | undefined | false {
  if (!d.from && !d.to) return undefined;
  // The cohort package's reading (UTC instants, `to` takes its whole day), as `drill cohort --dates`.
  const r = parseDateRange(`${d.from}..${d.to}`);
  return r.ok ? r.range : false;
}

/**
 * Every transcript open in Review as one class: the cohort report (the same as `drill cohort`), shown
 * in a sandboxed frame and downloadable as one HTML file. Files Review refused are listed as left out.
 * Date ranges pick the runs by their start time, and a second range makes a comparison cohort from the
 * same files — `--dates` and `--against-dates`.
 */
export function Cohort({ items, extraScenarios }: { items: Reviewed[]; extraScenarios: Scenario[] }) {
  const { t, lang } = useT();
  const [report, setReport] = useState<CohortReport>();
  const [dates, setDates] = useState<Dates>({ from: '', to: '' });
  const [against, setAgainst] = useState<Dates>({ from: '', to: '' });
  const rangeA = rangeOf(dates);
  const rangeB = rangeOf(against);
  const build = (): void => {
    if (rangeA === false || rangeB === false) return;
    const ok = items.flatMap((x) => (x.ok ? [{ file: x.name, text: JSON.stringify(x.transcript) }] : []));
    const scenarios = new Map<string, Scenario>();
    const all = examineAll(ok, (id, hash) => {
      const s = scenarioById(id, extraScenarios);
      if (s?.contentHash !== hash) return undefined;
      scenarios.set(hash, s);
      return s;
    });
    const refused = items.flatMap((x) => (x.ok ? [] : [{ file: x.name, reason: x.reason }]));
    const within = (runs: RunDigest[], r: DateRange | undefined): RunDigest[] =>
      r ? runs.filter((x) => inDateRange(x.startedAt, r)) : runs;
    const r = cohortReport(
      {
        runs: within(all.runs, rangeA),
        excluded: [...all.excluded, ...refused].sort(
          (a, b) => cmp(a.file, b.file) || cmp(a.reason, b.reason),
        ),
      },
      // Files that fail verification are listed once, with the first cohort.
      rangeB ? { runs: within(all.runs, rangeB), excluded: [] } : undefined,
      (h) => scenarios.get(h),
    );
    setReport(r);
  };
  const html = useMemo(() => (report ? renderCohort(report, 'html', lang) : undefined), [report, lang]);
  const href = useMemo(
    () => (html ? `data:text/html;charset=utf-8,${encodeURIComponent(html)}` : undefined),
    [html],
  );
  const dateFields = (id: string, legend: string, d: Dates, set: (d: Dates) => void, bad: boolean) => (
    <fieldset className="date-range">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-from`}>{t('dateFrom')}</label>{' '}
      <input
        id={`${id}-from`}
        type="date"
        value={d.from}
        onChange={(e) => set({ ...d, from: e.target.value })}
        aria-describedby="cohort-dates-help"
      />{' '}
      <label htmlFor={`${id}-to`}>{t('dateTo')}</label>{' '}
      <input
        id={`${id}-to`}
        type="date"
        value={d.to}
        onChange={(e) => set({ ...d, to: e.target.value })}
        aria-describedby="cohort-dates-help"
      />
      {bad ? (
        <span role="alert" className="warn-text">
          {' '}
          {t('dateRangeBad')}
        </span>
      ) : null}
    </fieldset>
  );
  return (
    <section className="panel screen-only" aria-labelledby="cohort-h" data-testid="cohort">
      <h2 id="cohort-h">{t('cohort')}</h2>
      <p className="muted">{t('cohortHelp')}</p>
      {dateFields('cohort-dates', t('cohortDates'), dates, setDates, rangeA === false)}
      {dateFields('cohort-against', t('cohortAgainstDates'), against, setAgainst, rangeB === false)}
      <p id="cohort-dates-help" className="help">
        {t('datesUtc')}
      </p>
      <button
        type="button"
        className="primary"
        onClick={build}
        disabled={items.length === 0 || rangeA === false || rangeB === false}
      >
        {t('cohortBuild')}
      </button>{' '}
      {href ? (
        <a className="button-like" href={href} download="cohort.html">
          {t('cohortDownload')}
        </a>
      ) : null}
      {report ? (
        <p role="status" data-testid="cohort-runs">
          {t('cohortRuns', { n: report.runs })}
          {report.against ? ` · ${t('cohortAgainstRuns', { n: report.against.report.runs })}` : ''}
        </p>
      ) : null}
      {html && report ? (
        <iframe
          title={t('cohortFrame', { n: report.runs })}
          className="cohort-frame"
          // Scripts only for the heatmap's sorting; no same-origin access to the console.
          sandbox="allow-scripts"
          srcDoc={html}
          style={{ width: '100%', height: '80vh', border: '1px solid #ccc' }}
        />
      ) : null}
    </section>
  );
}
