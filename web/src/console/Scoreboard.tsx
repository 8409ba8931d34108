import { localize } from '@drill/engine';
import type { ConsoleDrill } from '../drill/consoleDrill.ts';
import { useT } from '../i18n.ts';
import { RatingBadge } from '../ui/Rating.tsx';

/** Live P/S/M/U per team and capability (only capabilities with evidence somewhere are shown). */
export function Scoreboard({ drill }: { drill: ConsoleDrill }) {
  const { t, lang } = useT();
  const scores = drill.teams.map((team) => ({ team, s: drill.score(team) }));
  const caps = drill.scenario.capabilities.filter((c) =>
    scores.some(({ s }) =>
      s?.ratings.capabilities.some((x) => x.capability === c.id && x.final !== 'not-rated'),
    ),
  );
  return (
    <table className="grid scoreboard">
      <caption className="sr-only">{t('scoreboard')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('capability')}</th>
          {scores.map(({ team }) => (
            <th scope="col" key={team}>
              {team}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('score')}</th>
          {scores.map(({ team, s }) => (
            <td key={team} className="num">
              {s?.ratings.score === null || s === undefined ? '—' : s.ratings.score.toFixed(0)}
            </td>
          ))}
        </tr>
        {caps.map((c) => (
          <tr key={c.id}>
            <th scope="row">{localize(c.name, lang)}</th>
            {scores.map(({ team, s }) => {
              const r = s?.ratings.capabilities.find((x) => x.capability === c.id);
              return (
                <td key={team}>
                  <RatingBadge rating={r?.final ?? 'not-rated'} overridden={r?.override !== undefined} />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
