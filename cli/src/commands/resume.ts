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
import { utf8Text } from '../utf8Text.ts';
import { Journal, runPaths, transcriptPathForJournal } from '../journal.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { parseLang } from '../tui/i18n.ts';
import { clockText } from '../tui/format.ts';
import { LiveDrill, type FinishInfo } from '../tui/live-drill.ts';
import { autoPlayer, playSolo, soloDriver } from '../solo.ts';
import { loadSigningKey } from './keys.ts';
import { PRESSURE_SECONDS, runApp } from './play.ts';
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
  } catch (e) {
    throw new UserError(cannotRead(file, e));
  }
  const p = parseTranscript(text);
  if (!p.ok) throw new UserError(`${file}${say(': ', '：')}${reasonSaid(p.reason)}`);
  // Only a journal is ever written to: a transcript (.json) the user passed by mistake stays untouched.
  if (p.kind !== 'journal')
    throw new UserError(
      `${file} is a transcript, not a journal: resume continues the journal (.jsonl) kept beside it, and leaves this file untouched`,
    );
  const t = p.transcript;
  if (o.auto && o.answers) throw new UserError('--auto and --answers both finish the drill: choose one');
  // Checked before anything is written, so a refusal leaves the journal exactly as it was.
  if (!o.auto && !o.answers && !process.stdin.isTTY)
    throw new UserError(
      'stdin is not a terminal, so the interactive drill cannot continue: finish it with --auto POLICY or --answers FILE',
    );
  if (o.auto && !POLICIES.includes(o.auto as Policy))
    throw new UserError(`unknown policy \`${o.auto}\`: use one of ${POLICIES.join(', ')}`);
  const { scenario, arg } = scenarioForJournal(t, o.scenario);
  const answers = o.answers ? readAnswers(o.answers, scenario) : undefined;
  const s = Session.resume(scenario, t);
  if ('error' in s) throw new UserError(`${file} cannot be resumed: ${s.error}`);
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
  process.stdout.write(
    `resumed ${file}: ${n} ${n === 1 ? 'input' : 'inputs'} replayed; the drill stands at ${clockText(scenario, s.state.clock, 'en')} (${PHASE_WORDS[s.state.phase]})\n` +
      (p.dropped?.torn || tornLastLine(text)
        ? 'the last line of the journal was half-written (the drill was stopped while saving) and was dropped: that one input is lost\n'
        : '') +
      `state ${hash}${recorded ? (recorded === hash ? ' (matches the journal)' : ' (DIFFERS from the journal)') : ''}\n`,
  );
  const paths = runPaths(transcriptPathForJournal(path));
  paths.journal = path;
  const journal = Journal.reopen(path, p.dropped && !p.dropped.torn ? t : undefined);
  // Said once the copy exists, naming it (the number is the first one free beside the journal).
  if (p.dropped && !p.dropped.torn)
    process.stderr.write(
      `drill: ${file}: ${p.dropped.reason}; ${p.dropped.lines} line(s) from line ${p.dropped.line} are left out ` +
        `(the original is kept as ${journal.kept ?? `${file}.unreadable-N`}) and the drill continues after entry ${t.entries.length}\n`,
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
      `the drill is already finished\n${scoreLine(drill)}transcript: ${paths.transcript}\n`,
    );
    return 0;
  }
  if (o.auto || o.answers) {
    try {
      playOn(drill, o, answers);
      if (drill.broken) throw new UserError(`${drill.broken.replace(/ — quit.*$/, '')}`, 1);
      const f = finishChecked(drill);
      process.stdout.write(
        `${scoreLine(drill)}final state ${f.finalStateHash}\ntranscript: ${f.transcript}\n`,
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

const PHASE_WORDS: Record<string, string> = {
  briefing: 'not started',
  running: 'running',
  paused: 'paused',
  debrief: 'finished',
  ended: 'finished',
};

/** The score line `drill run` prints, with the ending by its title. */
function scoreLine(drill: LiveDrill): string {
  const score = drill.score();
  const ending = drill.scenario.endings.find((e) => e.id === score.ending);
  const n = drill.inputs;
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

/** Finishes the drill; a write that failed (transcript, journal's result line, HTML report) is an error. */
function finishChecked(drill: LiveDrill): FinishInfo {
  let f: FinishInfo;
  try {
    f = drill.finish();
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.message, 1);
    throw new UserError(`could not finish the drill: ${(e as Error).message}`, 1);
  }
  if (f.htmlMissing?.startsWith('failed'))
    throw new UserError(
      `the transcript is written (${f.transcript}), but the HTML report ${f.htmlMissing}`,
      1,
    );
  return f;
}

function readAnswers(file: string, scenario: Scenario): Answers {
  let text: string;
  try {
    text = readFileSync(userPath(file), 'utf8');
  } catch (e) {
    throw new UserError(`cannot read the answers file ${file}: ${fsReason(e)}`);
  }
  const a = parseAnswers(utf8Text(text, file, 'save it as UTF-8'), scenario);
  if (!a.ok) throw new UserError(`${file}: ${a.reason}`);
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
