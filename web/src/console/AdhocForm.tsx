import { useState } from 'react';
import { localize, type Scenario } from '@drill/engine';
import { useT } from '../i18n.ts';
import { Select } from '../ui/Select.tsx';
import { TeamSelect } from '../ui/TeamSelect.tsx';

const URGENCIES = ['routine', 'priority', 'flash'] as const;
type Urgency = (typeof URGENCIES)[number];

/** An inject written on the spot; it becomes a recorded engine input (`inject`, id `adhoc-…`). */
export function AdhocForm({
  scenario,
  teams,
  onRelease,
}: {
  scenario: Scenario;
  /** Parallel mode: the teams an inject can go to alone (empty: it goes to every team). */
  teams: string[];
  onRelease(a: {
    title: string;
    text: string;
    roles: string[];
    urgency: Urgency;
    team: string | undefined;
  }): Promise<boolean>;
}) {
  const { t, lang } = useT();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [role, setRole] = useState('all');
  const [urgency, setUrgency] = useState<Urgency>('priority');
  const [team, setTeam] = useState('');
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        void onRelease({
          title: title.trim(),
          text: text.trim(),
          roles: [role],
          urgency,
          team: team || undefined,
        }).then((ok) => {
          if (ok) {
            setTitle('');
            setText('');
          }
        });
      }}
    >
      <label className="field">
        <span>{t('adhocHeadline')}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </label>
      <label className="field">
        <span>{t('adhocText')}</span>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} required />
      </label>
      <div className="row">
        {teams.length > 1 ? (
          <label className="field">
            <span>{t('adhocTeam')}</span>
            <TeamSelect teams={teams} value={team} onChange={setTeam} none={t('allTeams')} />
          </label>
        ) : null}
        <label className="field">
          <span>{t('adhocRoles')}</span>
          <Select
            choices={[
              { value: 'all', label: t('allRoles') },
              ...scenario.roles.map((r) => ({ value: r.id, label: localize(r.name, lang) })),
            ]}
            value={role}
            onChange={setRole}
          />
        </label>
        <label className="field">
          <span>{t('urgency')}</span>
          <Select
            choices={URGENCIES.map((u) => ({ value: u, label: t(`urgency_${u}`) }))}
            value={urgency}
            onChange={setUrgency}
          />
        </label>
      </div>
      <button type="submit" className="secondary">
        {t('release')}
      </button>
    </form>
  );
}
