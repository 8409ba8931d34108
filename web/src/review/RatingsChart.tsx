import { localize, type CapabilityRating, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';

const ROW = 28;
const LABEL_W = 230;
const BAR_W = 300;

/** Capability credit as horizontal bars with the final rating: inline SVG, no chart library. */
export function RatingsChart({
  scenario,
  ratings,
  id,
}: {
  scenario: Scenario;
  ratings: CapabilityRating[];
  id: string;
}) {
  const { t, lang } = useT();
  const rated = ratings.filter((c) => c.credit !== null || c.override);
  const h = rated.length * ROW + 24;
  return (
    <svg
      className="chart"
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${LABEL_W + BAR_W + 60} ${h}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{t('ratingsChart')}</title>
      {[0, 0.35, 0.6, 0.85, 1].map((x) => (
        <g key={x}>
          <line x1={LABEL_W + x * BAR_W} x2={LABEL_W + x * BAR_W} y1={0} y2={h - 18} className="chart-grid" />
          <text x={LABEL_W + x * BAR_W} y={h - 4} className="chart-axis" textAnchor="middle">
            {Math.round(x * 100)}%
          </text>
        </g>
      ))}
      {rated.map((c, i) => {
        const name = localize(
          scenario.capabilities.find((x) => x.id === c.capability)?.name ?? c.capability,
          lang,
        );
        const credit = c.credit ?? 0;
        return (
          <g key={c.capability} transform={`translate(0 ${i * ROW})`}>
            <text x={LABEL_W - 8} y={ROW / 2 + 4} textAnchor="end" className="chart-label">
              {name.length > 30 ? `${name.slice(0, 29)}…` : name}
            </text>
            <rect
              x={LABEL_W}
              y={5}
              width={Math.max(2, credit * BAR_W)}
              height={ROW - 10}
              className={`bar bar-${c.final}`}
            />
            <text x={LABEL_W + BAR_W + 10} y={ROW / 2 + 4} className="chart-rating">
              {c.final === 'not-rated' ? '—' : c.final}
              {c.override ? '*' : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
