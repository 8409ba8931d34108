import { localize } from '@drill/engine';
import { ratingName, stringsFor, term, timelinessTerm } from '@drill/report';
import { useT } from '../i18n.ts';
import { clockLabel, formatValue } from '../format.ts';
import type { Reviewed } from './load.ts';
import { scoreText } from '../drill/scoreText.ts';

type Ok = Extract<Reviewed, { ok: true }>;

/** The after-action report: one printable page set (A4, print CSS hides the rest of the app). */
export function Aar({ item }: { item: Ok }) {
  const { t, lang } = useT();
  const sc = item.scenario;
  const s = item.score;
  const h = item.transcript.header;
  const teams = [...new Set(h.participants.map((p) => p.team))];
  const cap = (id: string): string => localize(sc.capabilities.find((c) => c.id === id)?.name ?? id, lang);
  const ending = s.ending ? sc.endings.find((e) => e.id === s.ending) : undefined;
  // "To improve" lists every decision of the people at the table below full credit (most lost first), and
  // never says "nothing" while a capability is below P; simulated colleagues' decisions are not theirs.
  const short = s.decisions
    .filter((d) => !d.simulated && d.status !== 'not-reached' && d.best - d.credit > 1e-6)
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (b.d.best - b.d.credit) * b.d.weight - (a.d.best - a.d.credit) * a.d.weight || a.i - b.i)
    .map(({ d }) => d);
  const belowP = s.capabilities.filter((c) => c.final !== 'P' && c.final !== 'not-rated');
  const pressure = Number(h.meta?.pressure);
  const final = item.states.at(-1)!;
  return (
    <section className="panel aar print-root" aria-labelledby="aar-h">
      <div className="panel-head screen-only">
        <h2>{t('aar')}</h2>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>
      <article className="aar-doc">
        <h1 id="aar-h">
          {t('aar')}: {localize(sc.title, lang)}
        </h1>
        <p className="muted">
          {t('team')}: {teams.join(', ')} · {t('seed')}: {h.seed} · {h.startedAt}
          {pressure > 0 ? ` · ${stringsFor(lang).pressure(pressure)}` : ''}
        </p>
        <p className="aar-score">
          {t('score')}: <strong data-testid="aar-score">{scoreText(s.overall)}</strong> / 100
        </p>
        {ending ? (
          <p>
            <strong>{t('ending')}:</strong> {localize(ending.title, lang)} — {localize(ending.text, lang)}
          </p>
        ) : null}
        <h2>{t('objectives')}</h2>
        <table className="grid compact">
          <tbody>
            {s.objectives.map((o) => (
              <tr key={o.objective}>
                <th scope="row">
                  {localize(sc.objectives.find((x) => x.id === o.objective)?.text ?? o.objective, lang)}
                </th>
                <td title={ratingName(o.rating, lang)}>{o.rating === 'not-rated' ? '—' : o.rating}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('ratings')}</h2>
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">{t('capability')}</th>
              <th scope="col">{t('proposed')}</th>
              <th scope="col">{t('final')}</th>
              <th scope="col">{t('note')}</th>
            </tr>
          </thead>
          <tbody>
            {s.capabilities
              .filter((c) => c.final !== 'not-rated')
              .map((c) => (
                <tr key={c.capability}>
                  <th scope="row">{cap(c.capability)}</th>
                  <td>{c.proposed === 'not-rated' ? '—' : c.proposed}</td>
                  <td title={ratingName(c.final, lang)}>
                    <strong>{c.final}</strong>
                  </td>
                  <td>
                    {c.override?.note ?? ''}
                    {c.caps?.length
                      ? `${c.override ? ' · ' : ''}${stringsFor(lang).cappedBy}: ${c.caps
                          .map((x) => localize(sc.outcomes.find((o) => o.id === x.outcome)?.label, lang))
                          .join(', ')}`
                      : ''}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        <h2>{t('keyDecisions')}</h2>
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">{t('decision')}</th>
              <th scope="col">{t('choice')}</th>
              <th scope="col">{t('timeliness')}</th>
              <th scope="col">{t('rationale')}</th>
            </tr>
          </thead>
          <tbody>
            {s.decisions
              .filter((d) => d.status !== 'not-reached')
              .map((d) => {
                const dp = sc.decisions.find((x) => x.id === d.decision)!;
                const opts = d.allocation
                  ? Object.keys(d.allocation).filter((k) => d.allocation![k]! > 0)
                  : d.options;
                return (
                  <tr key={d.decision}>
                    <th scope="row">
                      {localize(dp.prompt, lang)}
                      {d.simulated ? (
                        <span className="muted"> ({term('simulatedColleague', lang)})</span>
                      ) : null}
                    </th>
                    <td>
                      {opts
                        .map(
                          (o) =>
                            `${localize(dp.options.find((x) => x.id === o)?.label ?? o, lang)}${d.allocation ? ` (${d.allocation[o]})` : ''}`,
                        )
                        .join('; ')}
                    </td>
                    <td>
                      {d.timeliness ? timelinessTerm(d.timeliness, lang) : ''}{' '}
                      {d.at !== undefined ? clockLabel(sc, d.at) : ''}
                    </td>
                    <td>
                      {d.rationale ?? ''}
                      {final.decisions[d.decision]?.correction ? (
                        <span className="corrected-tag">
                          {' '}
                          ({t('correctedMark')}: {final.decisions[d.decision]!.correction!.note})
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
        <h2>{t('outcomes')}</h2>
        <ul>
          {s.outcomes.map((o) => {
            const def = sc.outcomes.find((x) => x.id === o.outcome);
            return (
              <li key={o.outcome}>
                {localize(def?.label, lang)}: {formatValue(o.value, localize(def?.unit, lang))} (
                {Math.round(o.credit * 100)}
                %)
              </li>
            );
          })}
        </ul>
        <h2>{t('improvements')}</h2>
        {short.length ? (
          <ol>
            {short.map((d) => (
              <li key={d.decision}>
                {localize(sc.decisions.find((x) => x.id === d.decision)?.prompt ?? d.decision, lang)} (
                {Math.round((d.credit / Math.max(d.best, 1e-9)) * 100)}%)
              </li>
            ))}
          </ol>
        ) : belowP.length ? (
          <p>{belowP.map((c) => `${cap(c.capability)}: ${c.final}`).join(', ')}</p>
        ) : (
          <p>{t('noImprovements')}</p>
        )}
        <h2>{t('strengths')}</h2>
        <p>{s.strengths.map(cap).join(', ') || '—'}</p>
      </article>
    </section>
  );
}
