import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  ALL_ROLES,
  COLLEAGUE_LEVELS,
  localize,
  POLICIES,
  type ColleagueLevel,
  type Lang,
  type Policy,
  type Scenario,
  type Transcript,
} from '@drill/engine';
import { parseAnswers, type Answers } from '../answers.ts';
import { autoPlayer, playSolo, soloDriver, soloTable, startSoloSession } from '../solo.ts';
import { historyDir, runFileName } from '../history.ts';
import { fsReason, userPath, UserError, writeFileAtomic } from '../io.ts';
import { SAVE_AS_UTF8, utf8Text } from '../utf8Text.ts';
import { loadSigningKey } from './keys.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { parseLang } from '../tui/i18n.ts';
import { messageLang, say } from '../say.ts';
import { join } from 'node:path';

export interface RunOptions {
  seed?: string;
  auto?: string;
  answers?: string;
  role?: string;
  lang?: string;
  out?: string;
  name?: string;
  team?: string;
  pressure?: boolean;
  colleagues?: string;
}

/** `--auto` naming no policy, refused in the terminal's language (run and resume). */
export function unknownPolicy(policy: string): string {
  return say(
    `unknown policy \`${policy}\`: use one of ${POLICIES.join(', ')}`,
    `未知的自动推演策略“${policy}”：可选 ${POLICIES.join('、')}`,
  );
}

/** The `--colleagues` level, checked (default: competent). */
export function colleagueLevel(v: string | undefined): ColleagueLevel {
  if (v === undefined) return 'competent';
  if (!COLLEAGUE_LEVELS.includes(v as ColleagueLevel))
    throw new UserError(
      say(
        `unknown colleague level \`${v}\`: use one of ${COLLEAGUE_LEVELS.join(', ')}`,
        `未知的同事水平“${v}”：可选 ${COLLEAGUE_LEVELS.join('、')}`,
      ),
    );
  return v as ColleagueLevel;
}

/** A seed for a new run: shown to the user so the same drill can be played again. */
export function freshSeed(): string {
  return String(Math.floor(Math.random() * 1_000_000));
}

/** Plays a drill without a screen, by policy or by an answers file, and returns the transcript. */
export function playHeadless(
  scenario: Scenario,
  o: {
    seed: string;
    policy?: Policy;
    answers?: Answers;
    startedAt: string;
    name?: string;
    team?: string;
    role?: string;
    colleagues?: ColleagueLevel;
    lang?: Lang;
    /** Signs the result (the key from `drill keys init`). */
    signingKey?: Uint8Array;
  },
): Transcript {
  const session = startSoloSession(scenario, {
    seed: o.seed,
    startedAt: o.startedAt,
    ...(o.name ? { name: o.name } : {}),
    ...(o.team ? { team: o.team } : {}),
    ...(o.role ? { role: o.role } : {}),
    ...(o.colleagues ? { colleagues: o.colleagues } : {}),
    meta: { mode: o.policy ? `auto:${o.policy}` : 'answers', ...(o.lang ? { lang: o.lang } : {}) },
    ...(o.signingKey ? { signingKey: o.signingKey } : {}),
  });
  const { table, actor } = soloTable(scenario, session);
  const driver = soloDriver(
    actor.team,
    () => table.stateOf(0),
    // A refusal is shown on this terminal: the Table words it in the terminal's language.
    (c) => table.submit(actor, c, { lang: messageLang() }),
  );
  const player = autoPlayer(scenario, {
    seed: o.seed,
    lang: o.lang ?? 'en',
    ...(o.policy ? { policy: o.policy } : {}),
    ...(o.answers ? { answers: o.answers } : {}),
  });
  playSolo(driver, table.stateOf(0).participants[0]!.id, player, (c, reason) => {
    throw new UserError(
      say(
        `the answer for \`${c.decision}\` was refused: ${reason}`,
        `决策“${c.decision}”的答案被拒绝：${reason}`,
      ),
    );
  });
  return table.transcripts()[0]!;
}

export function defaultOutPath(scenarioId: string, startedAt: string, seed: string): string {
  return join(historyDir(), `${runFileName(scenarioId, startedAt, seed)}.json`);
}

/** The hook the interactive terminal drill plugs into (see ../tui). */
export type InteractiveRunner = (
  scenario: Scenario,
  o: RunOptions & { seed: string; scenarioArg: string },
) => Promise<number>;
let interactive: InteractiveRunner | undefined;
export function setInteractiveRunner(r: InteractiveRunner): void {
  interactive = r;
}

export async function runCommand(scenarioArg: string, o: RunOptions): Promise<number> {
  const scenario = scenarioFromArg(scenarioArg);
  const seed = o.seed ?? freshSeed();
  if (o.role && o.role !== ALL_ROLES && !scenario.roles.some((r) => r.id === o.role))
    throw new UserError(
      say(
        `scenario \`${scenario.id}\` has no role \`${o.role}\` (roles: ${scenario.roles.map((r) => r.id).join(', ')}, or all)`,
        `想定“${scenario.id}”没有角色“${o.role}”（可选角色：${scenario.roles.map((r) => r.id).join('、')}，或 all 表示全部）`,
      ),
    );
  if (o.auto && o.answers)
    throw new UserError(
      say(
        '--auto and --answers both play the decisions: choose one',
        '--auto 和 --answers 都会替你作出决策：只能选一个',
      ),
    );
  if (o.auto || o.answers) {
    // Refused the same way as every other command (`--lang fr`: use one of en, zh-CN).
    let lang: Lang;
    try {
      lang = parseLang(o.lang);
    } catch (e) {
      throw new UserError((e as Error).message);
    }
    if (o.auto && !POLICIES.includes(o.auto as Policy)) throw new UserError(unknownPolicy(o.auto));
    let answers: Answers | undefined;
    if (o.answers) {
      let text: string;
      try {
        text = readFileSync(userPath(o.answers), 'utf8');
      } catch (e) {
        throw new UserError(
          say(
            `cannot read the answers file ${o.answers}: ${fsReason(e)}`,
            `无法读取答案文件 ${o.answers}：${fsReason(e)}`,
          ),
        );
      }
      const a = parseAnswers(utf8Text(text, o.answers, SAVE_AS_UTF8), scenario);
      if (!a.ok) throw new UserError(`${o.answers}${say(': ', '：')}${a.reason}`);
      answers = a.answers;
    }
    const startedAt = new Date().toISOString();
    const signingKey = loadSigningKey();
    const out = o.out ? userPath(o.out) : defaultOutPath(scenario.id, startedAt, seed);
    const t = playHeadless(scenario, {
      ...(signingKey ? { signingKey } : {}),
      seed,
      ...(o.auto ? { policy: o.auto as Policy } : {}),
      ...(answers ? { answers } : {}),
      startedAt,
      ...(o.name ? { name: o.name } : {}),
      ...(o.team ? { team: o.team } : {}),
      ...(o.role ? { role: o.role } : {}),
      colleagues: colleagueLevel(o.colleagues),
      lang,
    });
    writeFileAtomic(out, `${JSON.stringify(t, null, 1)}\n`);
    const r = t.result!;
    process.stdout.write(
      say(
        `${scenario.id} · seed ${seed} · ${t.entries.length} inputs · ending: ${r.score.ending ?? '-'} · score ${r.score.overall.toFixed(1)}/100\n` +
          `final state ${r.finalStateHash}\ntranscript: ${out}\n`,
        `${scenario.id} · 随机种子 ${seed} · ${t.entries.length}条输入 · 结局：${endingTitle(scenario, r.score.ending)} · 总分 ${r.score.overall.toFixed(1)}/100\n` +
          `最终状态 ${r.finalStateHash}\n记录：${out}\n`,
      ),
    );
    return 0;
  }
  if (!process.stdin.isTTY)
    throw new UserError(
      say(
        'stdin is not a terminal, so the interactive drill cannot start.\n' +
          `Play without a screen with --auto ${POLICIES.join('|')}, or --answers FILE (see README: "Playing without a screen").`,
        '标准输入不是终端，无法启动交互式推演。\n' +
          `无屏幕推演请用 --auto ${POLICIES.join('|')} 或 --answers 文件（见 README“Playing without a screen”）。`,
      ),
    );
  // play.ts plugs the terminal drill in when it registers; `drill run` alone loads only this command.
  interactive ??= (await import('./play.ts')).runInteractive;
  return interactive(scenario, { ...o, seed, scenarioArg });
}

/** An ending by its title in Chinese (the id, as the English line prints, is a word of the format). */
function endingTitle(scenario: Scenario, id: string | undefined): string {
  const ending = scenario.endings.find((e) => e.id === id);
  return ending ? localize(ending.title, 'zh-CN') : '—';
}

export function register(program: Command): void {
  program
    .command('run')
    .description('play a drill: interactive in a terminal, or headless with --auto / --answers')
    .argument('[scenario]', 'shipped scenario id or path to a .yaml file', 'typhoon')
    .option('--seed <seed>', 'seed for the seeded variation (a fresh one is chosen and shown if omitted)')
    .option('--auto <policy>', `play automatically: ${POLICIES.join(' | ')}`)
    .option('--answers <file>', 'play the decisions in this answers file (YAML/JSON)')
    .option('--role <role>', 'play one role (default: all roles)')
    .option('--lang <lang>', 'en | zh-CN (default from the environment)')
    .option('--out <file>', 'where to write the transcript (default: the history folder)')
    .option('--name <name>', 'your name in the transcript')
    .option('--team <team>', 'your team name in the transcript')
    .option('--pressure', 'wall-clock countdown per decision (time taken is recorded)')
    .option(
      '--colleagues <level>',
      `who plays the seats you leave empty with --role: ${COLLEAGUE_LEVELS.join(' | ')} (default competent)`,
    )
    .action(async (scenario: string, o: RunOptions) => {
      process.exitCode = await runCommand(scenario, o);
    });
}
