import type { Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { ColumnsHead } from '../ui/ColumnsHead.tsx';
import { RatingRows } from '../ui/RatingRows.tsx';
import type { TeamScore } from './backend.ts';

/** Live P/S/M/U per team and capability (only capabilities with evidence somewhere are shown). */
export function Scoreboard({ scenario, scores }: { scenario: Scenario; scores: TeamScore[] }) {
  const { t } = useT();
  return (
    <div className="table-wrap" role="region" aria-label={t('scoreboard')} tabIndex={0}>
      <table className="grid scoreboard">
        <caption className="sr-only">{t('scoreboard')}</caption>
        <ColumnsHead
          first={t('capability')}
          columns={scores.map(({ team }) => ({ key: team, label: team }))}
        />
        <tbody>
          <RatingRows
            scenario={scenario}
            columns={scores.map(({ team, ratings }) => ({
              key: team,
              team,
              score: ratings.score,
              capabilities: ratings.capabilities,
            }))}
          />
        </tbody>
      </table>
    </div>
  );
}
