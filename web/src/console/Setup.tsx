import { useMemo, useState, type ChangeEvent } from 'react';
import { localize, type Lang, type Scenario, type TableMode } from '@drill/engine';
import { useT } from '../i18n.ts';
import { compileError, compileSource, SHIPPED_IDS, shippedTitle, type ScenarioSource } from '../scenarios.ts';

type Mode = TableMode;
export interface TeamSetup {
  name: string;
  /** Roles this team plays (role-split mode); ignored in parallel mode, where every team holds all. */
  roles: string[];
}
/** What the trainer sets up: the Table's setup plus where the scenario came from (to resume it). */
export interface DrillSetup {
  source: ScenarioSource;
  seed: string;
  mode: Mode;
  teams: TeamSetup[];
  lang: Lang;
}

interface Props {
  onStart(setup: DrillSetup, scenario: Scenario): string | undefined;
}

/** Splits the roles across the teams, alternating, so a new role-split drill has every role played. */
function defaultTeams(scenario: Scenario | undefined, n: number, name: (i: number) => string): TeamSetup[] {
  const roles = scenario?.roles.map((r) => r.id) ?? [];
  return Array.from({ length: n }, (_, i) => ({
    name: name(i + 1),
    roles: roles.filter((_, k) => k % n === i),
  }));
}

export function Setup({ onStart }: Props) {
  const { t, lang } = useT();
  const [source, setSource] = useState<ScenarioSource>({ kind: 'shipped', id: SHIPPED_IDS[0] ?? 'typhoon' });
  const compiled = useMemo(() => compileSource(source), [source]);
  const scenario = compiled.ok ? compiled.scenario : undefined;
  const [seed, setSeed] = useState('1');
  const [mode, setMode] = useState<Mode>('roles');
  const [teams, setTeams] = useState<TeamSetup[]>(() =>
    defaultTeams(scenario, 2, (n) => t('defaultTeam', { n })),
  );
  const [error, setError] = useState<string>();

  const pickScenario = (s: ScenarioSource): void => {
    setSource(s);
    const r = compileSource(s);
    setTeams((old) =>
      defaultTeams(
        r.ok ? r.scenario : undefined,
        old.length,
        (n) => old[n - 1]?.name ?? t('defaultTeam', { n }),
      ),
    );
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const f = e.target.files?.[0];
    if (f) pickScenario({ kind: 'file', name: f.name, text: await f.text() });
  };
  const setTeam = (i: number, patch: Partial<TeamSetup>): void =>
    setTeams((ts) => ts.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const unassigned =
    scenario && mode === 'roles'
      ? scenario.roles.filter((r) => !teams.some((tm) => tm.roles.includes(r.id)))
      : [];

  return (
    <section className="setup panel" aria-labelledby="setup-h">
      <h2 id="setup-h">{t('setupTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!scenario) return;
          setError(onStart({ source, seed: seed.trim() || '1', mode, teams, lang }, scenario));
        }}
      >
        <div className="setup-grid">
          <div className="field">
            <label htmlFor="scenario">{t('scenario')}</label>
            <select
              id="scenario"
              value={source.kind === 'shipped' ? source.id : '__file'}
              onChange={(e) =>
                e.target.value !== '__file' && pickScenario({ kind: 'shipped', id: e.target.value })
              }
            >
              {SHIPPED_IDS.map((id) => (
                <option key={id} value={id}>
                  {shippedTitle(id, lang)}
                </option>
              ))}
              {source.kind === 'file' ? (
                <option value="__file">{t('scenarioFromFile', { name: source.name })}</option>
              ) : null}
            </select>
            <label htmlFor="scenario-file" className="sub-label">
              {t('scenarioFile')}
            </label>
            <input
              id="scenario-file"
              type="file"
              accept=".yaml,.yml,text/yaml"
              onChange={(e) => void onFile(e)}
            />
          </div>
          <div className="field">
            <label htmlFor="seed">{t('seed')}</label>
            <input
              id="seed"
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
              aria-describedby="seed-help"
              maxLength={200}
            />
            <p id="seed-help" className="help">
              {t('seedHelp')}
            </p>
          </div>
          <fieldset className="field">
            <legend>{t('mode')}</legend>
            {(['roles', 'parallel'] as const).map((m) => (
              <label key={m} className="radio">
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {t(m === 'roles' ? 'modeRoles' : 'modeParallel')}
              </label>
            ))}
          </fieldset>
        </div>
        {!compiled.ok ? (
          <pre role="alert" className="error-box">
            {compileError(compiled)}
          </pre>
        ) : null}

        <fieldset className="teams">
          <legend>{t('teams')}</legend>
          {teams.map((tm, i) => (
            <div className="team-row" key={i}>
              <div className="field">
                <label htmlFor={`team-${i}`}>{t('teamName')}</label>
                <input
                  id={`team-${i}`}
                  value={tm.name}
                  onChange={(e) => setTeam(i, { name: e.target.value })}
                  maxLength={60}
                  required
                />
              </div>
              {mode === 'roles' && scenario ? (
                <fieldset className="roles">
                  <legend>{t('teamRoles', { team: tm.name })}</legend>
                  {scenario.roles.map((r) => (
                    <label key={r.id} className="check">
                      <input
                        type="checkbox"
                        checked={tm.roles.includes(r.id)}
                        onChange={(e) =>
                          setTeam(i, {
                            roles: e.target.checked
                              ? [...tm.roles, r.id]
                              : tm.roles.filter((x) => x !== r.id),
                          })
                        }
                      />
                      {localize(r.name, lang)}
                    </label>
                  ))}
                </fieldset>
              ) : null}
              {teams.length > 1 ? (
                <button
                  type="button"
                  className="ghost"
                  onClick={() => setTeams((ts) => ts.filter((_, k) => k !== i))}
                >
                  {t('removeTeam', { team: tm.name })}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() =>
              setTeams((ts) => [...ts, { name: t('defaultTeam', { n: ts.length + 1 }), roles: [] }])
            }
          >
            {t('addTeam')}
          </button>
          {unassigned.length ? (
            <p className="help warn-text">
              {t('rolesUnassigned', { roles: unassigned.map((r) => localize(r.name, lang)).join(', ') })}
            </p>
          ) : null}
        </fieldset>
        {error ? (
          <p role="alert" className="error-box">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary big" disabled={!scenario}>
          {t('start')}
        </button>
      </form>
      {scenario ? (
        <article className="briefing" aria-labelledby="briefing-h">
          <h3 id="briefing-h">
            {t('briefing')} — {localize(scenario.title, lang)}
          </h3>
          <p className="prewrap">{localize(scenario.briefing, lang)}</p>
        </article>
      ) : null}
    </section>
  );
}
