import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  ALL_ROLES,
  parseTranscript,
  POLICIES,
  playOut,
  policyChoice,
  policyRandom,
  Session,
  localize,
  stateHash,
  type Lang,
  type Policy,
  type Scenario,
  type Transcript,
} from '@drill/engine';
import { SHIPPED_IDS } from '@drill/scenarios';
import { answerFor, nextAnswerTime, parseAnswers } from '../answers.ts';
import { userPath, UserError, writeFileAtomic } from '../io.ts';
import { Journal, runPaths, transcriptPathForJournal } from '../journal.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { parseLang } from '../tui/i18n.ts';
import { clockText } from '../tui/format.ts';
import { LiveDrill } from '../tui/live-drill.ts';
import { PRESSURE_SECONDS, runApp } from './play.ts';

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
    `the journal is for scenario \`${String(id)}\`, which is not shipped: name its file with --scenario`,
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
  } catch {
    throw new UserError(`cannot read ${file}`);
  }
  const p = parseTranscript(text);
  if (!p.ok) throw new UserError(`${file}: ${p.reason}`);
  const t = p.transcript;
  if (typeof t.header?.scenario?.id !== 'string')
    throw new UserError(`${file} is not a drill journal (its header names no scenario)`);
  const { scenario, arg } = scenarioForJournal(t, o.scenario);
  const s = Session.resume(scenario, t);
  if ('error' in s) throw new UserError(`${file} cannot be resumed: ${s.error}`);
  const hash = stateHash(s.state);
  const recorded = t.entries.at(-1)?.stateHash;
  const n = t.entries.length;
  process.stdout.write(
    `resumed ${file}: ${n} ${n === 1 ? 'input' : 'inputs'} replayed; the drill stands at ${clockText(scenario, s.state.clock, 'en')} (${PHASE_WORDS[s.state.phase]})\n` +
      (tornLastLine(text)
        ? 'the last line of the journal was half-written (the drill was stopped while saving) and was dropped: that one input is lost\n'
        : '') +
      `state ${hash}${recorded ? (recorded === hash ? ' (matches the journal)' : ' (DIFFERS from the journal)') : ''}\n`,
  );
  const meta = t.header.meta ?? {};
  let lang: Lang;
  try {
    lang = parseLang(o.lang ?? meta.lang);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const paths = runPaths(transcriptPathForJournal(path));
  paths.journal = path;
  const journal = Journal.reopen(path);
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
    if (!existsSync(paths.transcript) || !t.result) {
      if (t.result) {
        journal.close();
        writeFileAtomic(paths.transcript, `${JSON.stringify(s.transcript(), null, 1)}\n`);
      } else drill.finish();
    } else journal.close();
    process.stdout.write(
      `the drill is already finished\n${scoreLine(drill)}transcript: ${paths.transcript}\n`,
    );
    return 0;
  }
  if (o.auto || o.answers) {
    playOn(drill, o);
    const f = drill.finish();
    process.stdout.write(`${scoreLine(drill)}final state ${f.finalStateHash}\ntranscript: ${f.transcript}\n`);
    return 0;
  }
  if (!process.stdin.isTTY) {
    journal.close();
    throw new UserError(
      'stdin is not a terminal, so the interactive drill cannot continue: finish it with --auto POLICY or --answers FILE',
    );
  }
  return runApp({ drill, lang });
}

const PHASE_WORDS: Record<string, string> = {
  briefing: 'not started',
  running: 'running',
  paused: 'paused',
  debrief: 'finished',
  ended: 'finished',
};

/** The score line `drill run` prints, with the ending by its title. */
function scoreLine(drill: LiveDrill): string {
  const score = drill.session.score();
  const ending = drill.scenario.endings.find((e) => e.id === score.ending);
  const n = drill.session.entries.length;
  return (
    `${drill.scenario.id} · seed ${drill.state.seed} · ${n} ${n === 1 ? 'input' : 'inputs'} · ending: ` +
    `${ending ? localize(ending.title, 'en') : '-'} · score ${score.overall.toFixed(1)}/100\n`
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

/** Finishes a resumed drill without a screen, by policy or answers file (each input journaled). */
function playOn(drill: LiveDrill, o: ResumeOptions): void {
  if (o.auto && !POLICIES.includes(o.auto as Policy))
    throw new UserError(`unknown policy \`${o.auto}\`: use one of ${POLICIES.join(', ')}`);
  let answers;
  if (o.answers) {
    const a = parseAnswers(readFileSync(userPath(o.answers), 'utf8'));
    if (!a.ok) throw new UserError(`${o.answers}: ${a.reason}`);
    answers = a.answers;
  }
  const rnd = policyRandom((o.auto as Policy | undefined) ?? 'answers', drill.state.seed);
  playOut(drill, {
    choose: (state) =>
      o.auto
        ? policyChoice(drill.scenario, state, o.auto as Policy, rnd, { lang: drill.lang })
        : answerFor(drill.scenario, state, answers!),
    ...(answers ? { waitUntil: (state) => nextAnswerTime(drill.scenario, state, answers) } : {}),
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
