import { useT } from '../i18n.ts';
import { clockLabel, formatValue } from '../format.ts';
import { ColumnsHead } from '../ui/ColumnsHead.tsx';
import { RatingRows } from '../ui/RatingRows.tsx';
import { firstDivergence, localize } from '@drill/engine';
import type { Reviewed } from './load.ts';

type Ok = Extract<Reviewed, { ok: true }>;

const label = (r: Ok): string =>
  r.transcript.header.meta?.team ??
  [...new Set(r.transcript.header.participants.map((p) => p.team))].join(' + ');

/** Teams side by side: where their decisions first diverged, and how ratings and outcomes differ. */
export function Compare({ items }: { items: Ok[] }) {
  const { t, lang } = useT();
  const sc = items[0]!.scenario;
  const div = firstDivergence(
    sc,
    items.map((x) => x.states.at(-1)!),
  );
  return (
    <div className="compare" data-testid="compare">
      <p className="divergence">
        {div
          ? t('divergedAt', {
              decision: localize(
                sc.decisions.find((d) => d.id === div.decision)?.prompt ?? div.decision,
                lang,
              ),
              t: clockLabel(sc, div.at),
            })
          : t('noDivergence')}
      </p>
      {div ? (
        <ul className="plain">
          {items.map((x) => {
            const r = x.states.at(-1)!.decisions[div.decision]!;
            const dp = sc.decisions.find((d) => d.id === div.decision)!;
            const opts = r.options ?? Object.keys(r.allocation ?? {}).filter((k) => r.allocation![k]! > 0);
            return (
              <li key={x.key}>
                <strong>{label(x)}:</strong>{' '}
                {opts.map((o) => localize(dp.options.find((y) => y.id === o)?.label ?? o, lang)).join('; ')}
                {r.allocation ? ` (${opts.map((o) => r.allocation![o]).join(', ')})` : ''}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="table-wrap" role="region" aria-label={t('compare')} tabIndex={0}>
        <table className="grid compact teams-table" style={{ minWidth: `${14 + items.length * 9}rem` }}>
          <ColumnsHead
            first={t('capability')}
            columns={items.map((x) => ({ key: x.key, label: label(x) }))}
          />
          <tbody>
            <RatingRows
              scenario={sc}
              columns={items.map((x) => ({
                key: x.key,
                score: x.score.overall,
                capabilities: x.score.capabilities,
              }))}
            />
            {sc.outcomes.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  {t('outcomes')}: {localize(o.label, lang)}
                </th>
                {items.map((x) => (
                  <td key={x.key} className="num">
                    {formatValue(
                      x.score.outcomes.find((y) => y.outcome === o.id)?.value ?? 0,
                      localize(o.unit, lang),
                    )}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('ending')}</th>
              {items.map((x) => (
                <td key={x.key}>
                  {localize(sc.endings.find((e) => e.id === x.score.ending)?.title, lang) || '—'}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
