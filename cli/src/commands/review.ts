import type { Command } from 'commander';
import { UserError, terminalSafeDeep } from '../io.ts';
import { renderReview } from '../render/review-text.ts';
import { say } from '../say.ts';
import { colourWanted, makeStyle } from '../render/style.ts';
import { aarFor, langOption } from './report.ts';
import { readTranscript, scenarioForTranscript } from './verify.ts';

interface ReviewOptions {
  lang?: string;
  scenario?: string;
  color?: boolean;
  width?: string;
}

export function register(program: Command): void {
  program
    .command('review')
    .description(
      'the scored transcript in the terminal: timeline, each decision with its feedback, ratings with evidence',
    )
    .argument('<transcript>', 'transcript (.json) or journal (.jsonl)')
    .option('--lang <lang>', 'en | zh-CN (default from the environment)')
    .option('--scenario <file>', 'the scenario file, when it is not a shipped one')
    .option('--color', 'colour even when not writing to a terminal')
    .option('--no-color', 'no colour (so does NO_COLOR)')
    .option('--width <columns>', 'wrap to this width (default: the terminal, else 100)')
    .action((file: string, o: ReviewOptions) => {
      const lang = langOption(o.lang);
      const width = o.width ? Number(o.width) : Math.min(120, process.stdout.columns ?? 100);
      if (!Number.isInteger(width) || width < 40)
        throw new UserError(
          say('--width takes a number of columns, at least 40', '--width 须为列数，至少 40'),
        );
      const t = readTranscript(file);
      const scenario = scenarioForTranscript(t, o.scenario);
      // Review shows what replays even when verification fails: the header says so in red.
      const aar = aarFor(file, t, scenario, { unverified: true });
      // --color defined before --no-color: commander leaves `color` undefined when neither is given.
      // Scenario and transcript texts may carry terminal escapes (OSC 52, window titles): strip them first.
      process.stdout.write(
        renderReview(terminalSafeDeep(aar), lang, makeStyle(colourWanted(o.color)), width),
      );
      process.exitCode = aar.verification.ok ? 0 : 1;
    });
}
