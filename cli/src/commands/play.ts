import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { ALL_ROLES, localize, stateHash, type ColleagueLevel, type Lang, type Scenario } from '@drill/engine';
import { SCENARIO_DIR, shippedScenarioIds, SHIPPED_IDS } from '@drill/scenarios';
import { userPath, UserError } from '../io.ts';
import { say } from '../say.ts';
import { loadSigningKey } from './keys.ts';
import { startSoloSession } from '../solo.ts';
import { Journal, resumeCommand, runPaths } from '../journal.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { parseLang } from '../tui/i18n.ts';
import { LiveDrill } from '../tui/live-drill.ts';
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, restoreScreenOnSignals } from '../tui/screen.ts';
import type { AppProps } from '../tui/App.tsx';
import type { MenuEntry } from '../tui/Menu.tsx';
import { colleagueLevel, defaultOutPath, freshSeed, setInteractiveRunner, type RunOptions } from './run.ts';

/** Seconds per decision in pressure mode. */
export const PRESSURE_SECONDS = 90;

export interface StartOptions {
  seed: string;
  role?: string;
  lang: Lang;
  out?: string;
  name?: string;
  team?: string;
  pressure?: boolean;
  /** Who plays the seats the player leaves empty (default competent). */
  colleagues?: ColleagueLevel;
  /** The scenario as the user named it (a shipped id or a path). */
  scenarioArg: string;
  startedAt?: string;
}

/** Is the scenario a shipped one (so a journal can name it by id)? */
function isShipped(scenario: Scenario, arg: string): boolean {
  return (
    SHIPPED_IDS.includes(arg) ||
    (SHIPPED_IDS.includes(scenario.id) &&
      resolve(userPath(arg)) === resolve(SCENARIO_DIR, `${scenario.id}.yaml`))
  );
}

/**
 * Creates a new interactive drill: the session, its journal (header written and flushed before the
 * first frame) and the paths of the transcript and report beside it.
 */
export function startLive(scenario: Scenario, o: StartOptions): LiveDrill {
  const role = o.role ?? ALL_ROLES;
  const startedAt = o.startedAt ?? new Date().toISOString();
  const out = o.out ? userPath(o.out) : defaultOutPath(scenario.id, startedAt, o.seed);
  const paths = runPaths(out);
  const shipped = isShipped(scenario, o.scenarioArg);
  const signingKey = loadSigningKey(); // signs the finished drill's result (drill keys init)
  const s = startSoloSession(scenario, {
    seed: o.seed,
    startedAt,
    ...(o.name ? { name: o.name } : {}),
    ...(o.team ? { team: o.team } : {}),
    role,
    ...(o.colleagues ? { colleagues: o.colleagues } : {}),
    meta: {
      mode: 'interactive',
      lang: o.lang,
      role,
      ...(o.pressure ? { pressure: String(PRESSURE_SECONDS) } : {}),
      // A scenario that is not shipped is found again on resume by its file.
      ...(shipped ? {} : { scenarioFile: userPath(o.scenarioArg) }),
    },
    ...(signingKey ? { signingKey } : {}),
  });
  mkdirSync(dirname(paths.journal), { recursive: true });
  if (existsSync(paths.journal))
    throw new UserError(
      say(
        `${paths.journal} already exists: choose another --out, or continue that drill with: ${resumeCommand(paths.journal, shipped ? undefined : userPath(o.scenarioArg))}`,
        `${paths.journal} 已存在：请换一个 --out，或用以下命令继续那次推演：${resumeCommand(paths.journal, shipped ? undefined : userPath(o.scenarioArg))}`,
      ),
    );
  const journal = Journal.create(paths.journal, s.header);
  return new LiveDrill({
    scenario,
    session: s,
    journal,
    paths,
    role,
    lang: o.lang,
    ...(o.pressure ? { pressure: PRESSURE_SECONDS } : {}),
    ...(shipped ? {} : { scenarioArg: userPath(o.scenarioArg) }),
  });
}

/**
 * Runs the ink app on the alternate screen (the shell's scrollback is left as it was) and prints, after
 * it, where the transcript is or how to resume.
 */
export async function runApp(props: Omit<AppProps, 'onDrill'>): Promise<number> {
  const { mountApp } = await import('../tui/App.tsx');
  let played = props.drill;
  const alt = process.stdout.isTTY && !process.env.DRILL_NO_ALT_SCREEN;
  if (alt) process.stdout.write(ENTER_ALT_SCREEN);
  // A kill or a closed terminal must not leave the shell on the alternate screen.
  const removeRestore = alt
    ? restoreScreenOnSignals({
        write: (s) => process.stdout.write(s),
        exit: (code) => process.exit(code),
        before: () => played?.journal.close(),
      })
    : () => {};
  try {
    const app = mountApp({ ...props, onDrill: (d: LiveDrill) => (played = d) });
    await app.waitUntilExit();
  } finally {
    removeRestore();
    if (alt) process.stdout.write(LEAVE_ALT_SCREEN);
  }
  if (!played) return 0;
  process.stdout.write(exitMessage(played));
  if (!played.finished) played.journal.close();
  return 0;
}

/** What is printed after the screen closes, in the drill's language: the score and files, or how to resume. */
export function exitMessage(played: LiveDrill): string {
  const zh = played.lang === 'zh-CN';
  const title = localize(played.scenario.title, played.lang);
  if (played.finished) {
    const f = played.finished;
    const score = played.score().overall.toFixed(1);
    return zh
      ? `${title} · 种子 ${played.state.seed} · 总分 ${score}/100\n最终状态哈希 ${f.finalStateHash}\n记录：${f.transcript}\n` +
          (f.html ? `报告：${f.html}\n` : '')
      : `${title} · seed ${played.state.seed} · score ${score}/100\nfinal state hash ${f.finalStateHash}\ntranscript: ${f.transcript}\n` +
          (f.html ? `report: ${f.html}\n` : '');
  }
  const n = played.inputs;
  const hash = stateHash(played.state);
  const cmd = resumeCommand(played.paths.journal, played.scenarioArg);
  return zh
    ? `推演已保存（${n}条输入，状态 ${hash}）。\n日志：${played.paths.journal}\n继续推演：${cmd}\n`
    : `The drill is saved (${n} ${n === 1 ? 'input' : 'inputs'}, state ${hash}).\njournal: ${played.paths.journal}\nresume with: ${cmd}\n`;
}

/** `drill run <scenario>` in a terminal: straight into the drill. */
export async function runInteractive(
  scenario: Scenario,
  o: RunOptions & { seed: string; scenarioArg: string },
): Promise<number> {
  let lang: Lang;
  try {
    lang = parseLang(o.lang);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const drill = startLive(scenario, {
    seed: o.seed,
    lang,
    scenarioArg: o.scenarioArg,
    ...(o.role ? { role: o.role } : {}),
    ...(o.out ? { out: o.out } : {}),
    ...(o.name ? { name: o.name } : {}),
    ...(o.team ? { team: o.team } : {}),
    ...(o.pressure ? { pressure: true } : {}),
    colleagues: colleagueLevel(o.colleagues),
  });
  return runApp({ drill, lang });
}

/** `drill` with no arguments in a terminal: the start menu over the shipped scenarios. */
export async function openMenu(o: { lang?: string; pressure?: boolean } = {}): Promise<number> {
  let lang: Lang;
  try {
    lang = parseLang(o.lang);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const ids = shippedScenarioIds();
  if (ids.length === 0) throw new UserError(say('no shipped scenarios were found', '没有找到内置想定'));
  const load = (id: string): MenuEntry => ({ arg: id, scenario: scenarioFromArg(id) });
  // The default scenario before the first frame, the others while the menu is already on screen.
  const rest = ids.slice(1);
  return runApp({
    entries: [load(ids[0]!)],
    more: () => {
      const id = rest.shift();
      return id === undefined ? undefined : load(id);
    },
    lang,
    seed: freshSeed(),
    start: (c) =>
      startLive(c.entry.scenario, {
        seed: c.seed,
        role: c.role,
        lang: c.lang,
        scenarioArg: c.entry.arg,
        ...(c.colleagues ? { colleagues: c.colleagues } : {}),
        ...(o.pressure ? { pressure: true } : {}),
      }),
  });
}

/** `drill` with no arguments: the menu in a terminal; otherwise help and a hint (never a hang). */
export async function noArguments(program: Command): Promise<number> {
  if (process.stdin.isTTY && process.stdout.isTTY) return openMenu();
  process.stdout.write(program.helpInformation());
  process.stdout.write(
    say(
      '\nNot a terminal, so no menu. Play without a screen with `drill run typhoon --auto best` or `--answers FILE`,\n' +
        'or run `drill` in a terminal for the interactive drill.\n',
      '\n这里不是终端，无法打开菜单。无界面推演可用 `drill run typhoon --auto best` 或 `--answers 文件`，\n' +
        '交互式推演请在终端中运行 `drill`。\n',
    ),
  );
  return 0;
}

export function register(program: Command): void {
  setInteractiveRunner(runInteractive);
  program
    .command('play')
    .description('open the start menu (the same as `drill` without arguments)')
    .option('--lang <lang>', 'en | zh-CN (default from the environment)')
    .option('--pressure', `wall-clock countdown of ${PRESSURE_SECONDS}s per decision`)
    .action(async (o: { lang?: string; pressure?: boolean }) => {
      if (!process.stdin.isTTY)
        throw new UserError(
          say(
            'stdin is not a terminal, so the menu cannot open: use `drill run <scenario> --auto POLICY` or `--answers FILE`',
            '标准输入不是终端，无法打开菜单：请用 `drill run <想定> --auto 策略` 或 `--answers 文件`',
          ),
        );
      process.exitCode = await openMenu(o);
    });
}
