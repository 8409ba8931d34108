import { useApp } from 'ink';
import { useEffect } from 'react';
import {
  ALL_ROLES,
  COLLEAGUE_LEVELS,
  hazardText,
  LANGUAGES,
  localize,
  type ColleagueLevel,
  type Lang,
  type Scenario,
} from '@drill/engine';
import { strings } from './i18n.ts';
import { textWidth, truncateLine, wrap, type Line } from './layout.ts';
import { Lines } from './Lines.tsx';
import { useKeys, useSyncState } from './useKeys.ts';
import { useTerminalSize } from './useTerminalSize.ts';

export interface MenuEntry {
  /** What `drill run` would be given: a shipped id or a file path. */
  arg: string;
  scenario: Scenario;
}

export interface MenuChoice {
  entry: MenuEntry;
  role: string;
  /** Who plays the other seats when one role is chosen. */
  colleagues?: ColleagueLevel;
  lang: Lang;
  seed: string;
}

export interface MenuProps {
  entries: MenuEntry[];
  /** Loads the next scenario, or undefined when all are loaded: the menu shows before all are compiled. */
  more?: () => MenuEntry | undefined;
  lang: Lang;
  seed: string;
  onStart: (c: MenuChoice) => void;
  onLang?: (l: Lang) => void;
  error?: string;
}

type Field = 'scenario' | 'role' | 'colleagues' | 'lang' | 'seed';

/** The menu's fields: the colleagues' level only when one role is chosen (they take the other seats). */
export function menuFields(role: number): Field[] {
  return role === 0
    ? ['scenario', 'role', 'lang', 'seed']
    : ['scenario', 'role', 'colleagues', 'lang', 'seed'];
}

export interface MenuState {
  field: Field;
  scenario: number;
  role: number;
  colleagues: number;
  lang: Lang;
  seed: string;
}

export function menuLines(
  p: MenuProps & { loading?: boolean },
  st: MenuState,
  width: number,
  height: number,
): Line[] {
  const s = strings(st.lang);
  const e = p.entries[st.scenario];
  const out: Line[] = [[{ t: s.appTitle, bold: true, color: 'cyan' }], []];
  if (!e) return [...out, [{ t: s.noScenarios, color: 'red' }]];
  const roles = [ALL_ROLES, ...e.scenario.roles.map((r) => r.id)];
  const roleName = (id: string): string =>
    id === ALL_ROLES ? s.allRoles : localize(e.scenario.roles.find((r) => r.id === id)?.name, st.lang);
  const field = (i: Field, label: string, value: string, n?: string): Line => {
    const sel = st.field === i;
    const pad = Math.max(1, 12 - textWidth(label));
    return [
      { t: sel ? '› ' : '  ', bold: true, color: 'cyan' },
      { t: `${label}${' '.repeat(pad)}`, bold: sel },
      { t: sel && i !== 'seed' ? '◀ ' : '  ', dim: true },
      { t: value, bold: true, inverse: sel },
      { t: sel && i !== 'seed' ? ' ▶' : '', dim: true },
      { t: n ? `  ${n}` : '', dim: true },
    ];
  };
  out.push(
    field(
      'scenario',
      s.menuScenario,
      localize(e.scenario.title, st.lang),
      `${st.scenario + 1}/${p.entries.length}${p.loading ? '…' : ''}`,
    ),
  );
  out.push(field('role', s.menuRole, roleName(roles[st.role] ?? ALL_ROLES)));
  if (st.role !== 0) {
    const level = COLLEAGUE_LEVELS[st.colleagues] ?? 'competent';
    out.push(field('colleagues', s.menuColleagues, s.colleagueLevels[level] ?? level, s.colleaguesNote));
  }
  out.push(field('lang', s.menuLang, st.lang === 'zh-CN' ? '简体中文 (zh-CN)' : 'English (en)'));
  out.push(field('seed', s.menuSeed, `${st.seed}${st.field === 'seed' ? '▌' : ''}`));
  out.push([]);
  const sc = e.scenario;
  out.push([
    { t: `${s.hazard}: `, dim: true },
    // The scenario's own label first; the i18n table knows only the first five hazards, so any other
    // (drought, hurricane, …) takes its name from the engine's table — never the raw id in Chinese.
    {
      t: sc.hazardLabel
        ? localize(sc.hazardLabel, st.lang)
        : (s.hazards[sc.hazard] ?? localize(hazardText(sc), st.lang)),
    },
    { t: `   ${s.duration}: `, dim: true },
    { t: s.dur(sc.clock.end - sc.clock.start) },
  ]);
  out.push([
    { t: `${s.difficulty}: `, dim: true },
    { t: s.difficulties[sc.difficulty] ?? sc.difficulty },
    { t: `   ${s.languages}: `, dim: true },
    { t: sc.languages.join(', ') },
  ]);
  out.push([{ t: localize(sc.setting.place, st.lang), dim: true }]);
  out.push([]);
  const foot: Line[] = [
    [],
    ...(p.error ? [[{ t: p.error, color: 'red' }]] : []),
    [{ t: s.menuHint, dim: true }],
  ];
  const room = Math.max(0, height - out.length - foot.length);
  for (const l of wrap(localize(sc.briefing, st.lang), width).slice(0, room)) out.push([{ t: l }]);
  return [...out, ...foot].slice(0, height).map((l) => truncateLine(l, width));
}

/**
 * The start menu of `drill` without arguments: scenario (with hazard, duration, difficulty and
 * languages), role or all roles, language, and a fresh seed that can be edited. Enter starts.
 */
export function Menu(p: MenuProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  // Read through getters in the key handler: several keys may arrive before the next render.
  const [field, setField, getField] = useSyncState<Field>('scenario');
  const [scenario, setScenario, getScenario] = useSyncState(0);
  const [role, setRole, getRole] = useSyncState(0);
  const [colleagues, setColleagues, getColleagues] = useSyncState(0);
  // The pre-filled seed is replaced by the first character typed, not appended to.
  const [, setSeedFresh, getSeedFresh] = useSyncState(true);
  const [lang, setLang, getLang] = useSyncState<Lang>(p.lang);
  const [seed, setSeed, getSeed] = useSyncState(p.seed);
  const [entries, setEntries, getEntries] = useSyncState(p.entries);
  const [loading, setLoading] = useSyncState(Boolean(p.more));
  // The other scenarios compile one per tick after the first frame, so the menu appears at once.
  useEffect(() => {
    if (!p.more) return;
    let timer: NodeJS.Timeout | undefined;
    const next = (): void => {
      const e = p.more!();
      if (!e) return setLoading(false);
      setEntries((x) => [...x, e]);
      timer = setTimeout(next, 0);
    };
    timer = setTimeout(next, 0);
    return () => clearTimeout(timer);
  }, []);

  useKeys((input, key) => {
    const field = getField();
    const role = getRole();
    const lang = getLang();
    const seed = getSeed();
    const entries = getEntries();
    const entry = entries[getScenario()];
    const nRoles = (entry?.scenario.roles.length ?? 0) + 1;
    if (key.return) {
      if (entry)
        p.onStart({
          entry,
          role: role === 0 ? ALL_ROLES : entry.scenario.roles[role - 1]!.id,
          ...(role === 0 ? {} : { colleagues: COLLEAGUE_LEVELS[getColleagues()] ?? 'competent' }),
          lang,
          seed: seed || '1',
        });
      return;
    }
    if ((input === 'q' && field !== 'seed') || key.escape) return exit();
    const fields = menuFields(role);
    const at = Math.max(0, fields.indexOf(field));
    if (key.upArrow) return setField(fields[(at + fields.length - 1) % fields.length]!);
    if (key.downArrow || key.tab) return setField(fields[(at + 1) % fields.length]!);
    const d = key.rightArrow ? 1 : key.leftArrow ? -1 : 0;
    if (field === 'seed') {
      const fresh = getSeedFresh();
      if (key.backspace || key.delete) setSeed((x) => x.slice(0, -1));
      else if (/^[0-9A-Za-z_-]$/.test(input)) setSeed((x) => (fresh ? input : (x + input).slice(0, 40)));
      else return;
      setSeedFresh(false);
      return;
    }
    if (!d) return;
    if (field === 'scenario' && entries.length) {
      setScenario((x) => (x + d + entries.length) % entries.length);
      setRole(0);
    }
    if (field === 'role') setRole((x) => (x + d + nRoles) % nRoles);
    if (field === 'colleagues')
      setColleagues((x) => (x + d + COLLEAGUE_LEVELS.length) % COLLEAGUE_LEVELS.length);
    if (field === 'lang') {
      const next = LANGUAGES[(LANGUAGES.indexOf(lang) + d + LANGUAGES.length) % LANGUAGES.length]!;
      setLang(next);
      p.onLang?.(next);
    }
  });
  return (
    <Lines
      lines={menuLines(
        { ...p, entries, loading },
        { field, scenario, role, colleagues, lang, seed },
        Math.max(20, columns),
        Math.max(8, rows - 1),
      )}
    />
  );
}
