import type { Presence } from './roomClient.ts';
import { useT } from '../i18n.ts';

/** Every team live: who is connected, who is typing an answer, how many decisions each has submitted. */
export function TeamStatus({ presence, teams }: { presence: Presence | undefined; teams: string[] }) {
  const { t } = useT();
  const members = presence?.members ?? [];
  return (
    <section className="panel room-status" aria-labelledby="ts-h" data-testid="team-status">
      <h2 id="ts-h">{t('teamsLive')}</h2>
      {members.length === 0 ? <p className="muted">{t('nobodyJoined')}</p> : null}
      {members.length ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="ts-h">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('team')}</th>
                <th scope="col">{t('member')}</th>
                <th scope="col">{t('connectionHead')}</th>
                <th scope="col">{t('submittedHead')}</th>
              </tr>
            </thead>
            <tbody>
              {teams.flatMap((team) =>
                members
                  .filter((m) => m.team === team)
                  .map((m) => (
                    <tr key={m.id} data-member={m.name}>
                      <th scope="row">{team}</th>
                      <td>{m.name}</td>
                      <td>
                        {m.connected ? t('connected') : t('offline')}
                        {m.typing ? <span className="tag"> {t('typing')}</span> : null}
                      </td>
                      <td>{m.submitted.length}</td>
                    </tr>
                  )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
