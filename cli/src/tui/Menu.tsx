import { useApp } from 'ink';
import { useEffect } from 'react';
import { ALL_ROLES, formatDuration, LANGUAGES, localize, type Lang, type Scenario } from '@drill/engine';
import { strings } from './i18n.ts';
import { truncateLine, wrap, type Line } from './layout.ts';
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

const FIELDS = 4;

export function menuLines(
  p: MenuProps & { loading?: boolean },
  st: { field: number; scenario: number; role: number; lang: Lang; seed: string },
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
  const field = (i: number, label: string, value: string, n?: string): Line => {
    const sel = st.field === i;
    return [
      { t: sel ? '› ' : '  ', bold: true, color: 'cyan' },
      { t: `${label}`.padEnd(12), bold: sel },
      { t: sel && i !== 3 ? '◀ ' : '  ', dim: true },
      { t: value, bold: true, inverse: sel },
      { t: sel && i !== 3 ? ' ▶' : '', dim: true },
      { t: n ? `  ${n}` : '', dim: true },
    ];
  };
  out.push(
    field(
      0,
      s.menuScenario,
      localize(e.scenario.title, st.lang),
      `${st.scenario + 1}/${p.entries.length}${p.loading ? '…' : ''}`,
    ),
  );
  out.push(field(1, s.menuRole, roleName(roles[st.role] ?? ALL_ROLES)));
  out.push(field(2, s.menuLang, st.lang === 'zh-CN' ? '简体中文 (zh-CN)' : 'English (en)'));
  out.push(field(3, s.menuSeed, `${st.seed}${st.field === 3 ? '▌' : ''}`));
  out.push([]);
  const sc = e.scenario;
  out.push([
    { t: `${s.hazard}: `, dim: true },
    { t: s.hazards[sc.hazard] ?? sc.hazard },
    { t: `   ${s.duration}: `, dim: true },
    { t: formatDuration(sc.clock.end - sc.clock.start) },
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
  const [field, setField, getField] = useSyncState(0);
  const [scenario, setScenario, getScenario] = useSyncState(0);
  const [role, setRole, getRole] = useSyncState(0);
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
          lang,
          seed: seed || '1',
        });
      return;
    }
    if ((input === 'q' && field !== 3) || key.escape) return exit();
    if (key.upArrow) return setField((f) => (f + FIELDS - 1) % FIELDS);
    if (key.downArrow || key.tab) return setField((f) => (f + 1) % FIELDS);
    const d = key.rightArrow ? 1 : key.leftArrow ? -1 : 0;
    if (field === 3) {
      if (key.backspace || key.delete) setSeed((x) => x.slice(0, -1));
      else if (/^[0-9A-Za-z_-]$/.test(input)) setSeed((x) => (x + input).slice(0, 40));
      return;
    }
    if (!d) return;
    if (field === 0 && entries.length) {
      setScenario((x) => (x + d + entries.length) % entries.length);
      setRole(0);
    }
    if (field === 1) setRole((x) => (x + d + nRoles) % nRoles);
    if (field === 2) {
      const next = LANGUAGES[(LANGUAGES.indexOf(lang) + d + LANGUAGES.length) % LANGUAGES.length]!;
      setLang(next);
      p.onLang?.(next);
    }
  });
  return (
    <Lines
      lines={menuLines(
        { ...p, entries, loading },
        { field, scenario, role, lang, seed },
        Math.max(20, columns),
        Math.max(8, rows - 1),
      )}
    />
  );
}
