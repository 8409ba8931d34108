import type { Command } from 'commander';
import { criticalTasks, parseScenarioTime, verify, type Transcript } from '@drill/engine';
import { terminalSafe, UserError } from '../io.ts';
import { reasonSaid, say } from '../say.ts';
import { loadSigningKey } from './keys.ts';
import { amendTranscript, ratingOption, writeAmended } from '../amend.ts';
import { readTranscript, scenarioForTranscript } from './verify.ts';

interface ObserveOptions {
  task: string;
  rating: string;
  note: string;
  evaluator?: string;
  at?: string;
  out?: string;
  scenario?: string;
}

/**
 * Appends an evaluator's observation (HSEEP EEG: a critical task, P/S/M/U and a note, time-stamped by
 * the scenario clock) to a verified transcript. It is an input like any other, so verify keeps it.
 */
export function observeTranscript(
  file: string,
  t: Transcript,
  o: ObserveOptions,
): { transcript: Transcript; summary: string } {
  const scenario = scenarioForTranscript(t, o.scenario);
  const v = verify(scenario, t);
  if (!v.ok)
    throw new UserError(
      say(
        `${file} fails verification, so it cannot be amended: ${v.reason}`,
        `${file} 校验未通过，不能修改：${reasonSaid(v.reason, v.refused)}`,
      ),
    );
  const rating = ratingOption(o.rating);
  const tasks = criticalTasks(scenario).map((x) => x.task.id);
  if (!tasks.includes(o.task))
    throw new UserError(
      tasks.length
        ? say(
            `this scenario has no critical task \`${o.task}\` (tasks: ${tasks.join(', ')})`,
            `该想定没有关键任务“${o.task}”（关键任务：${tasks.join('、')}）`,
          )
        : say(
            'this scenario has no critical tasks (objectives[].tasks) to observe against',
            '该想定没有可供观察的关键任务（objectives[].tasks）',
          ),
    );
  let at: number | undefined;
  if (o.at !== undefined) {
    at = parseScenarioTime(o.at);
    if (at === undefined)
      throw new UserError(
        say(
          `--at takes a scenario time such as T-70h (not \`${o.at}\`)`,
          `--at 须为想定时间，例如 T-70h（而不是“${o.at}”）`,
        ),
      );
  }
  const signingKey = loadSigningKey();
  const transcript = amendTranscript(
    file,
    scenario,
    t,
    { kind: 'evaluator', name: o.evaluator ?? 'Evaluator' },
    { type: 'observe', task: o.task, rating, note: o.note, ...(at !== undefined ? { at } : {}) },
    { what: 'observation', ...(signingKey ? { signingKey } : {}) },
  );
  return { transcript, summary: `${o.task}: ${rating}` };
}

export function register(program: Command): void {
  program
    .command('observe')
    .description(
      'record an evaluator observation against a critical task (P/S/M/U and a note) in a transcript, which verify keeps',
    )
    .argument('<transcript>', 'a transcript (.json) or journal (.jsonl)')
    .requiredOption('--task <id>', 'the critical task observed (objectives[].tasks[].id)')
    .requiredOption('--rating <P|S|M|U>', 'the rating observed')
    .requiredOption('--note <text>', 'what was observed')
    .option('--evaluator <name>', 'who observed (default: Evaluator)')
    .option('--at <time>', 'the scenario time observed, e.g. T-70h (default: where the drill stands)')
    .requiredOption('-o, --out <file>', 'where to write the amended transcript')
    .option('--scenario <file>', 'the scenario file, when it is not a shipped one')
    .action((file: string, o: ObserveOptions) => {
      const t = readTranscript(file);
      const { transcript, summary } = observeTranscript(file, t, o);
      const path = writeAmended(o.out!, transcript);
      process.stdout.write(
        `observation recorded: ${terminalSafe(summary)} — "${terminalSafe(o.note)}"\ntranscript: ${path} (${transcript.entries.length} entries)\n`,
      );
      process.exitCode = 0;
    });
}
