import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { localize, type Lang, type Scenario, type TableMode } from '@drill/engine';
import { useT } from '../i18n.ts';
import { Select } from '../ui/Select.tsx';
import { compileSource, SHIPPED_IDS, shippedTitle, type ScenarioSource } from '../scenarios.ts';
import { rememberChoice, rememberedChoice } from '../ownScenario.ts';
import { Diagnostics, OwnScenarioPicker, useOwnScenario } from './OwnScenarioPicker.tsx';

/** The set-up's choice that stands for the trainer's own scenario. */
const OWN = 'own';

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
  /** Starts the drill; the error to show, if any (a room is created on the server, hence a promise). */
  onStart(setup: DrillSetup, scenario: Scenario): string | undefined | Promise<string | undefined>;
  /** The start button's words (the room console says "Create the room"). */
  startLabel?: string;
  /** More fields of the same form, above the start button (the room's colleagues). */
  children?: ReactNode;
}

/** Splits the roles across the teams, alternating, so a new role-split drill has every role played. */
function defaultTeams(scenario: Scenario | undefined, n: number, name: (i: number) => string): TeamSetup[] {
  const roles = scenario?.roles.map((r) => r.id) ?? [];
  return Array.from({ length: n }, (_, i) => ({
    name: name(i + 1),
    roles: roles.filter((_, k) => k % n === i),
  }));
}

export function Setup({ onStart, startLabel, children }: Props) {
  const { t, lang } = useT();
  const own = useOwnScenario();
  // The last choice (a shipped id or `own`) is remembered; it falls back to the first shipped scenario.
  const [choice, setChoice] = useState<string>(() => rememberedChoice() ?? SHIPPED_IDS[0] ?? 'typhoon');
  const source = useMemo<ScenarioSource>(
    () =>
      choice === OWN && own
        ? own
        : { kind: 'shipped', id: SHIPPED_IDS.includes(choice) ? choice : (SHIPPED_IDS[0] ?? 'typhoon') },
    [choice, own],
  );
  const compiled = useMemo(() => compileSource(source), [source]);
  const scenario = compiled.ok ? compiled.scenario : undefined;
  const [seed, setSeed] = useState('1');
  const [mode, setMode] = useState<Mode>('roles');
  const [teams, setTeams] = useState<TeamSetup[]>(() =>
    defaultTeams(scenario, 2, (n) => t('defaultTeam', { n })),
  );
  const [error, setError] = useState<string>();
  // A new scenario (chosen here, or picked in Review) gets its roles shared out again; names stay.
  const shown = useRef(scenario?.contentHash);
  useEffect(() => {
    if (shown.current === scenario?.contentHash) return;
    shown.current = scenario?.contentHash;
    setTeams((old) => defaultTeams(scenario, old.length, (n) => old[n - 1]?.name ?? t('defaultTeam', { n })));
  }, [scenario]);
  const choose = (c: string): void => {
    setChoice(c);
    rememberChoice(c);
  };
  const ownCompiled = useMemo(() => (own ? compileSource(own) : undefined), [own]);
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
          void Promise.resolve(
            onStart({ source, seed: seed.trim() || '1', mode, teams, lang }, scenario),
          ).then(setError);
        }}
      >
        <div className="setup-grid">
          <div className="field">
            <label htmlFor="scenario">{t('scenario')}</label>
            <Select
              id="scenario"
              choices={[
                ...SHIPPED_IDS.map((id) => ({ value: id, label: shippedTitle(id, lang) })),
                ...(own
                  ? [
                      {
                        value: OWN,
                        label: ownCompiled?.ok
                          ? t('ownOption', { title: localize(ownCompiled.scenario.title, lang) })
                          : t('ownOptionBroken', { entry: own.entry }),
                      },
                    ]
                  : []),
              ]}
              value={source.kind === 'shipped' ? source.id : OWN}
              onChange={choose}
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
        <OwnScenarioPicker id="setup" onPicked={() => choose(OWN)} />
        {!compiled.ok && source.kind !== 'files' ? (
          // The own scenario's problems are listed by the picker above.
          <Diagnostics result={compiled} />
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
        {children}
        <button type="submit" className="primary big" disabled={!scenario}>
          {startLabel ?? t('start')}
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
