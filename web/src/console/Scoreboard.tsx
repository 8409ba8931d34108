import { localize, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { RatingBadge } from '../ui/Rating.tsx';
import { scoreText } from '../drill/scoreText.ts';
import type { TeamScore } from './backend.ts';

/** Live P/S/M/U per team and capability (only capabilities with evidence somewhere are shown). */
export function Scoreboard({ scenario, scores }: { scenario: Scenario; scores: TeamScore[] }) {
  const { t, lang } = useT();
  const caps = scenario.capabilities.filter((c) =>
    scores.some((s) => s.ratings.capabilities.some((x) => x.capability === c.id && x.final !== 'not-rated')),
  );
  return (
    <div className="table-wrap" role="region" aria-label={t('scoreboard')} tabIndex={0}>
      <table className="grid scoreboard">
        <caption className="sr-only">{t('scoreboard')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('capability')}</th>
            {scores.map(({ team }) => (
              <th scope="col" key={team} className="team-col">
                {team}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('score')}</th>
            {scores.map((s) => (
              <td key={s.team} className="num" data-team={s.team} data-testid="team-score">
                {scoreText(s.ratings.score)}
              </td>
            ))}
          </tr>
          {caps.map((c) => (
            <tr key={c.id}>
              <th scope="row">{localize(c.name, lang)}</th>
              {scores.map((s) => {
                const r = s.ratings.capabilities.find((x) => x.capability === c.id);
                return (
                  <td key={s.team}>
                    <RatingBadge rating={r?.final ?? 'not-rated'} overridden={r?.override !== undefined} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
