import { useMemo, useState } from 'react';
import type { Scenario } from '@drill/engine';
import { analyseCohort, cmp, renderCohort, type CohortReport } from '@drill/cohort';
import { useT } from '../i18n.ts';
import { scenarioById } from '../scenarios.ts';
import type { Reviewed } from './load.ts';

/**
 * Every transcript open in Review as one class: the cohort report (the same as `drill cohort`), shown
 * in a sandboxed frame and downloadable as one HTML file. Files Review refused are listed as left out.
 */
export function Cohort({ items, extraScenarios }: { items: Reviewed[]; extraScenarios: Scenario[] }) {
  const { t, lang } = useT();
  const [report, setReport] = useState<CohortReport>();
  const build = (): void => {
    const ok = items.flatMap((x) => (x.ok ? [{ file: x.name, text: JSON.stringify(x.transcript) }] : []));
    const r = analyseCohort(ok, (id, hash) => {
      const s = scenarioById(id, extraScenarios);
      return s?.contentHash === hash ? s : undefined;
    });
    const refused = items.flatMap((x) => (x.ok ? [] : [{ file: x.name, reason: x.reason }]));
    setReport({
      ...r,
      excluded: [...r.excluded, ...refused].sort((a, b) => cmp(a.file, b.file) || cmp(a.reason, b.reason)),
    });
  };
  const html = useMemo(() => (report ? renderCohort(report, 'html', lang) : undefined), [report, lang]);
  const href = useMemo(
    () => (html ? `data:text/html;charset=utf-8,${encodeURIComponent(html)}` : undefined),
    [html],
  );
  return (
    <section className="panel screen-only" aria-labelledby="cohort-h" data-testid="cohort">
      <h2 id="cohort-h">{t('cohort')}</h2>
      <p className="muted">{t('cohortHelp')}</p>
      <button type="button" className="primary" onClick={build} disabled={items.length === 0}>
        {t('cohortBuild')}
      </button>{' '}
      {href ? (
        <a className="button-like" href={href} download="cohort.html">
          {t('cohortDownload')}
        </a>
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
