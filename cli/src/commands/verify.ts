import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseTranscript, verify, type Scenario, type Transcript } from '@drill/engine';
import { SHIPPED_IDS } from '@drill/scenarios';
import { userPath, UserError } from '../io.ts';
import { scenarioFromArg } from '../scenario-arg.ts';

/** Reads a transcript (JSON) or journal (JSONL) file the user named. */
export function readTranscript(file: string): Transcript {
  let text: string;
  try {
    text = readFileSync(userPath(file), 'utf8');
  } catch {
    throw new UserError(`cannot read ${file}`);
  }
  const p = parseTranscript(text);
  if (!p.ok) throw new UserError(`${file}: ${p.reason}`);
  return p.transcript;
}

/** The scenario a transcript was recorded on: --scenario, else the shipped one with its id. */
export function scenarioForTranscript(t: Transcript, scenarioArg?: string): Scenario {
  if (scenarioArg) return scenarioFromArg(scenarioArg);
  const id = t.header?.scenario?.id;
  if (typeof id === 'string' && SHIPPED_IDS.includes(id)) return scenarioFromArg(id);
  throw new UserError(
    `the transcript is for scenario \`${String(id)}\`, which is not shipped: name its file with --scenario`,
  );
}

export function register(program: Command): void {
  program
    .command('verify')
    .description(
      'replay a transcript, check its hash chain and recompute its scores (exit 0 only if it holds)',
    )
    .argument('<transcript>', 'transcript (.json) or journal (.jsonl)')
    .option('--scenario <file>', 'the scenario file, when it is not a shipped one')
    .option('--json', 'print { ok, entries, finalStateHash, complete, entry?, reason? }')
    .action((file: string, o: { scenario?: string; json?: boolean }) => {
      const t = readTranscript(file);
      const scenario = scenarioForTranscript(t, o.scenario);
      const r = verify(scenario, t);
      if (o.json) {
        const out = r.ok
          ? { ok: true, entries: r.entries, finalStateHash: r.finalStateHash, complete: r.complete }
          : {
              ok: false,
              entries: r.entries,
              finalStateHash: null,
              ...(r.entry ? { entry: r.entry } : {}),
              reason: r.reason,
            };
        process.stdout.write(`${JSON.stringify(out)}\n`);
      } else if (r.ok) {
        process.stdout.write(
          `OK: ${file} holds — ${r.entries} entries replayed, final state ${r.finalStateHash}${r.complete ? ', scores recomputed and equal' : ' (unfinished drill: no result yet)'}\n`,
        );
      } else {
        process.stdout.write(`FAILED: ${file}: ${r.reason}\n`);
      }
      process.exitCode = r.ok ? 0 : 1;
    });
}
