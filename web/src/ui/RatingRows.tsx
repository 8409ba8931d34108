import { localize, type CapabilityRating, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { scoreText } from '../drill/scoreText.ts';
import { RatingBadge } from './Rating.tsx';

/** One column of a ratings table: a team's (or a compared transcript's) score and capability ratings. */
export interface RatingColumn {
  key: string;
  score: number | null;
  capabilities: CapabilityRating[];
  /** The team the column stands for, marked on its score cell for tests and styles (the live scoreboard). */
  team?: string;
}

/** The capabilities with evidence in some column: a ratings table leaves out those rated nowhere. */
export function ratedCapabilities(scenario: Scenario, columns: RatingColumn[]): Scenario['capabilities'] {
  return scenario.capabilities.filter((c) =>
    columns.some((col) => col.capabilities.some((x) => x.capability === c.id && x.final !== 'not-rated')),
  );
}

/**
 * A ratings table's body rows: the score, then one row of P/S/M/U badges per capability rated in some
 * column (an asterisk where a trainer overrode the rating).
 */
export function RatingRows({ scenario, columns }: { scenario: Scenario; columns: RatingColumn[] }) {
  const { t, lang } = useT();
  return (
    <>
      <tr>
        <th scope="row">{t('score')}</th>
        {columns.map((col) => (
          <td
            key={col.key}
            className="num"
            {...(col.team !== undefined ? { 'data-team': col.team, 'data-testid': 'team-score' } : {})}
          >
            {scoreText(col.score)}
          </td>
        ))}
      </tr>
      {ratedCapabilities(scenario, columns).map((c) => (
        <tr key={c.id}>
          <th scope="row">{localize(c.name, lang)}</th>
          {columns.map((col) => {
            const r = col.capabilities.find((x) => x.capability === c.id);
            return (
              <td key={col.key}>
                <RatingBadge rating={r?.final ?? 'not-rated'} overridden={r?.override !== undefined} />
              </td>
            );
          })}
        </tr>
      ))}
    </>
  );
}
