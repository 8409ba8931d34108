import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  ALL_ROLES,
  parseTranscript,
  POLICIES,
  Session,
  localize,
  stateHash,
  type Lang,
  type Policy,
  type Scenario,
  type Transcript,
} from '@drill/engine';
import { SHIPPED_IDS } from '@drill/scenarios';
import { parseAnswers, type Answers } from '../answers.ts';
import { cannotRead, fsReason, userPath, UserError, writeFileAtomic } from '../io.ts';
import { reasonSaid, say } from '../say.ts';
import { SAVE_AS_UTF8, utf8Text } from '../utf8Text.ts';
import { Journal, runPaths, transcriptPathForJournal } from '../journal.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { parseLang } from '../tui/i18n.ts';
import { clockText } from '../tui/format.ts';
import { LiveDrill, type FinishInfo } from '../tui/live-drill.ts';
import { autoPlayer, playSolo, soloDriver } from '../solo.ts';
import { loadSigningKey } from './keys.ts';
import { PRESSURE_SECONDS, runApp } from './play.ts';
import { unknownPolicy } from './run.ts';
import { waitForEnter } from './waitForEnter.ts';

interface ResumeOptions {
  scenario?: string;
  lang?: string;
  auto?: string;
  answers?: string;
}

/** The scenario of a journal: --scenario, else the file recorded in its header, else the shipped id. */
function scenarioForJournal(t: Transcript, arg?: string): { scenario: Scenario; arg?: string } {
  if (arg) return { scenario: scenarioFromArg(arg), arg: userPath(arg) };
  const file = t.header.meta?.scenarioFile;
  if (file && existsSync(file)) return { scenario: scenarioFromArg(file), arg: file };
  const id = t.header.scenario?.id;
  if (typeof id === 'string' && SHIPPED_IDS.includes(id)) return { scenario: scenarioFromArg(id) };
  throw new UserError(
    say(
      `the journal is for scenario \`${String(id)}\`, which is not shipped: name its file with --scenario`,
      `该日志属于想定“${String(id)}”，它不是内置想定：请用 --scenario 指明想定文件`,
    ),
  );
}

/**
 * Continues a drill from its journal: replays every recorded input (checking the hash chain and each
 * state hash), prints the state hash it reached — the same as the journal's last entry — and carries on
 * in the terminal, or headless with --auto / --answers.
 */
export async function resumeCommand(file: string, o: ResumeOptions): Promise<number> {
  const path = userPath(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(cannotRead(file, e));
  }
  const p = parseTranscript(text);
  if (!p.ok) throw new UserError(`${file}${say(': ', '：')}${reasonSaid(p.reason)}`);
  // Only a journal is ever written to: a transcript (.json) the user passed by mistake stays untouched.
  if (p.kind !== 'journal')
    throw new UserError(
      say(
        `${file} is a transcript, not a journal: resume continues the journal (.jsonl) kept beside it, and leaves this file untouched`,
        `${file} 是演练记录，不是日志：resume 继续的是保存在它旁边的日志（.jsonl），这个文件不会被改动`,
      ),
    );
  const t = p.transcript;
  if (o.auto && o.answers)
    throw new UserError(
      say(
        '--auto and --answers both finish the drill: choose one',
        '--auto 和 --answers 都会把推演进行到底：只能选一个',
      ),
    );
  // Checked before anything is written, so a refusal leaves the journal exactly as it was.
  if (!o.auto && !o.answers && !process.stdin.isTTY)
    throw new UserError(
      say(
        'stdin is not a terminal, so the interactive drill cannot continue: finish it with --auto POLICY or --answers FILE',
        '标准输入不是终端，无法继续交互式推演：请用 --auto 策略 或 --answers 文件 把它进行到底',
      ),
    );
  if (o.auto && !POLICIES.includes(o.auto as Policy)) throw new UserError(unknownPolicy(o.auto));
  const { scenario, arg } = scenarioForJournal(t, o.scenario);
  const answers = o.answers ? readAnswers(o.answers, scenario) : undefined;
  const s = Session.resume(scenario, t);
  if ('error' in s)
    throw new UserError(
      say(`${file} cannot be resumed: ${s.error}`, `${file} 无法恢复：${reasonSaid(s.error)}`),
    );
  const signingKey = loadSigningKey();
  if (signingKey) s.signingKey = signingKey;
  const meta = t.header.meta ?? {};
  let lang: Lang;
  try {
    lang = parseLang(o.lang ?? meta.lang);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const hash = stateHash(s.state);
  const recorded = t.entries.at(-1)?.stateHash;
  const n = t.entries.length;
  const torn = p.dropped?.torn || tornLastLine(text);
  const phase = PHASE_WORDS[s.state.phase] ?? { en: s.state.phase, zh: s.state.phase };
  process.stdout.write(
    say(
      `resumed ${file}: ${n} ${n === 1 ? 'input' : 'inputs'} replayed; the drill stands at ${clockText(scenario, s.state.clock, 'en')} (${phase.en})\n` +
        (torn
          ? 'the last line of the journal was half-written (the drill was stopped while saving) and was dropped: that one input is lost\n'
          : '') +
        `state ${hash}${recorded ? (recorded === hash ? ' (matches the journal)' : ' (DIFFERS from the journal)') : ''}\n`,
      `已恢复 ${file}：重放了${n}条输入；推演停在${clockText(scenario, s.state.clock, 'zh-CN')}（${phase.zh}）\n` +
        (torn ? '日志的最后一行只写了一半（推演在保存时被中止），已舍弃：那一条输入丢失了\n' : '') +
        `状态 ${hash}${recorded ? (recorded === hash ? '（与日志一致）' : '（与日志不一致）') : ''}\n`,
    ),
  );
  const paths = runPaths(transcriptPathForJournal(path));
  paths.journal = path;
  const journal = Journal.reopen(path, p.dropped && !p.dropped.torn ? t : undefined);
  // Said once the copy exists, naming it (the number is the first one free beside the journal).
  if (p.dropped && !p.dropped.torn)
    process.stderr.write(
      say(
        `drill: ${file}: ${p.dropped.reason}; ${p.dropped.lines} line(s) from line ${p.dropped.line} are left out ` +
          `(the original is kept as ${journal.kept ?? `${file}.unreadable-N`}) and the drill continues after entry ${t.entries.length}\n`,
        `drill: ${file}：${reasonSaid(p.dropped.reason)}；从第${p.dropped.line}行起的${p.dropped.lines}行被舍弃` +
          `（原文件保留为 ${journal.kept ?? `${file}.unreadable-N`}），推演从第${t.entries.length}条记录之后继续\n`,
      ),
    );
  const role = meta.role ?? s.state.participants[0]?.roles[0] ?? ALL_ROLES;
  const drill = new LiveDrill({
    scenario,
    session: s,
    journal,
    paths,
    role,
    lang,
    ...(meta.pressure ? { pressure: Number(meta.pressure) || PRESSURE_SECONDS } : {}),
    ...(arg ? { scenarioArg: arg } : {}),
  });
  const done = (): boolean => drill.state.phase === 'debrief' || drill.state.phase === 'ended';
  if (done()) {
    // Finished before it was stopped: make sure the transcript exists (the write may have been cut short).
    try {
      if (!existsSync(paths.transcript) || !t.result) {
        if (t.result) {
          journal.close();
          writeFileAtomic(paths.transcript, `${JSON.stringify(drill.transcript(), null, 1)}\n`);
        } else finishChecked(drill);
      } else journal.close();
    } finally {
      journal.close();
    }
    process.stdout.write(
      say(
        `the drill is already finished\n${scoreLine(drill)}transcript: ${paths.transcript}\n`,
        `推演已经结束\n${scoreLine(drill)}记录：${paths.transcript}\n`,
      ),
    );
    return 0;
  }
  if (o.auto || o.answers) {
    try {
      playOn(drill, o, answers);
      if (drill.broken)
        throw new UserError(
          say(drill.broken.replace(/ — quit.*$/, ''), '日志无法写入：之后的操作都无法保存'),
          1,
        );
      const f = finishChecked(drill);
      process.stdout.write(
        say(
          `${scoreLine(drill)}final state ${f.finalStateHash}\ntranscript: ${f.transcript}\n`,
          `${scoreLine(drill)}最终状态 ${f.finalStateHash}\n记录：${f.transcript}\n`,
        ),
      );
      return 0;
    } finally {
      journal.close();
    }
  }
  // The warning above would be hidden behind the full-screen drill: make sure it was read first.
  if (p.dropped && !p.dropped.torn)
    await waitForEnter(
      `drill: ${p.dropped.lines} line(s) of ${file} were left out (see above)`,
      process.stdin,
      process.stderr,
    );
  return runApp({ drill, lang });
}

const PHASE_WORDS: Record<string, { en: string; zh: string }> = {
  briefing: { en: 'not started', zh: '未开始' },
  running: { en: 'running', zh: '进行中' },
  paused: { en: 'paused', zh: '已暂停' },
  debrief: { en: 'finished', zh: '已结束' },
  ended: { en: 'finished', zh: '已结束' },
};

/** The score line `drill run` prints, with the ending by its title. */
function scoreLine(drill: LiveDrill): string {
  const score = drill.score();
  const ending = drill.scenario.endings.find((e) => e.id === score.ending);
  const n = drill.inputs;
  return say(
    `${drill.scenario.id} · seed ${drill.state.seed} · ${n} ${n === 1 ? 'input' : 'inputs'} · ending: ` +
      `${ending ? localize(ending.title, 'en') : '-'} · score ${score.overall.toFixed(1)}/100\n`,
    `${drill.scenario.id} · 随机种子 ${drill.state.seed} · ${n}条输入 · 结局：` +
      `${ending ? localize(ending.title, 'zh-CN') : '—'} · 总分 ${score.overall.toFixed(1)}/100\n`,
  );
}

/** A journal killed mid-write ends in a line that is not whole JSON; the parser drops it. */
export function tornLastLine(text: string): boolean {
  const lines = text.split('\n');
  const last = lines.at(-1) ?? '';
  if (lines.length < 2 || last.trim() === '') return false;
  try {
    JSON.parse(last);
    return false;
  } catch {
    return true;
  }
}

/** Finishes the drill; a write that failed (transcript, journal's result line, HTML report) is an error. */
function finishChecked(drill: LiveDrill): FinishInfo {
  let f: FinishInfo;
  try {
    f = drill.finish();
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.message, 1);
    throw new UserError(
      say(`could not finish the drill: ${(e as Error).message}`, `无法完成推演：${(e as Error).message}`),
      1,
    );
  }
  if (f.htmlMissing?.startsWith('failed'))
    throw new UserError(
      say(
        `the transcript is written (${f.transcript}), but the HTML report ${f.htmlMissing}`,
        `记录已写入（${f.transcript}），但 HTML 报告未能生成：${reasonSaid(f.htmlMissing.replace(/^failed: /, ''))}`,
      ),
      1,
    );
  return f;
}

function readAnswers(file: string, scenario: Scenario): Answers {
  let text: string;
  try {
    text = readFileSync(userPath(file), 'utf8');
  } catch (e) {
    throw new UserError(
      say(`cannot read the answers file ${file}: ${fsReason(e)}`, `无法读取答案文件 ${file}：${fsReason(e)}`),
    );
  }
  const a = parseAnswers(utf8Text(text, file, SAVE_AS_UTF8), scenario);
  if (!a.ok) throw new UserError(`${file}${say(': ', '：')}${a.reason}`);
  return a.answers;
}

/**
 * Finishes a resumed drill without a screen, by policy or answers file: the engine's autoplay loop,
 * each input sent to the Table as the player's command (and journaled by it).
 */
function playOn(drill: LiveDrill, o: ResumeOptions, answers: Answers | undefined): void {
  const driver = soloDriver(
    drill.actor.team,
    () => drill.state,
    (c) => (drill.broken ? { ok: false, reason: drill.broken } : drill.submit(c)),
  );
  const player = autoPlayer(drill.scenario, {
    seed: drill.state.seed,
    lang: drill.lang,
    ...(o.auto ? { policy: o.auto as Policy } : {}),
    ...(answers ? { answers } : {}),
  });
  playSolo(driver, drill.participant, {
    ...player,
    choose: (state) => (drill.broken ? undefined : player.choose(state)),
  });
}

export function register(program: Command): void {
  program
    .command('resume')
    .description('continue a drill from its journal (.jsonl) exactly where it stopped')
    .argument('<journal>', 'the journal file (printed when you quit, and kept beside the transcript)')
    .option('--scenario <file>', 'the scenario file, when it is not a shipped one and has moved')
    .option('--lang <lang>', 'en | zh-CN (default: the language the drill was started in)')
    .option('--auto <policy>', `finish without a screen: ${POLICIES.join(' | ')}`)
    .option('--answers <file>', 'finish without a screen with this answers file')
    .action(async (file: string, o: ResumeOptions) => {
      process.exitCode = await resumeCommand(file, o);
    });
}
