import type { Command } from 'commander';
import { scoreDrill, verifyReplay, type Subject, type Transcript } from '@drill/engine';
import { amendTranscript, ratingOption, writeAmended } from '../amend.ts';
import { terminalSafe, UserError } from '../io.ts';
import { reasonSaid, say } from '../say.ts';
import { readTranscript, scenarioForTranscript } from './verify.ts';
import { loadSigningKey } from './keys.ts';

/** `overall`, `team:NAME`, `role:ID`, `participant:ID`. */
export function parseSubject(text: string | undefined, t: Transcript): Subject {
  if (!text || text === 'overall') return { kind: 'overall' };
  const m = /^(team|role|participant):(.+)$/.exec(text);
  if (!m)
    throw new UserError(
      say(
        `--subject takes overall, team:NAME, role:ID or participant:ID (not \`${text}\`)`,
        `--subject 可选 overall（总体）、team:队伍名、role:角色编号 或 participant:参演人员编号（而不是“${text}”）`,
      ),
    );
  const kind = m[1] as Subject['kind'];
  const id = m[2]!;
  const ps = t.header.participants;
  if (kind === 'team' && !ps.some((p) => p.team === id))
    throw new UserError(
      say(
        `there is no team \`${id}\` in this drill (teams: ${[...new Set(ps.map((p) => p.team))].join(', ')})`,
        `这次推演没有队伍“${id}”（队伍：${[...new Set(ps.map((p) => p.team))].join('、')}）`,
      ),
    );
  if (kind === 'participant' && !ps.some((p) => p.id === id))
    throw new UserError(
      say(
        `there is no participant \`${id}\` in this drill (participants: ${ps.map((p) => `${p.id} (${p.name})`).join(', ')})`,
        `这次推演没有参演人员“${id}”（参演人员：${ps.map((p) => `${p.id}（${p.name}）`).join('、')}）`,
      ),
    );
  return { kind, id };
}

interface OverrideOptions {
  capability: string;
  rating: string;
  note: string;
  subject?: string;
  by?: string;
  out: string;
  scenario?: string;
}

/**
 * Appends an evaluator override to a finished, verified transcript and returns the new transcript:
 * the override is an input like any other, so replay and verify keep it.
 */
export function overrideTranscript(
  file: string,
  t: Transcript,
  o: OverrideOptions,
  scenarioArg?: string,
): { transcript: Transcript; summary: string } {
  const scenario = scenarioForTranscript(t, scenarioArg);
  const { verification: v, replayed } = verifyReplay(scenario, t);
  if (!v.ok || !replayed)
    throw new UserError(
      say(
        `${file} fails verification, so it cannot be amended: ${v.ok ? 'it does not replay' : v.reason}`,
        `${file} 校验未通过，不能修改：${v.ok ? '无法重放' : reasonSaid(v.reason, v.refused)}`,
      ),
    );
  if (!v.complete)
    throw new UserError(
      say(
        `${file} is an unfinished drill: end it first, then override its ratings`,
        `${file} 是未完成的推演：请先结束推演，再调整评定`,
      ),
    );
  const rating = ratingOption(o.rating);
  if (!scenario.capabilities.some((c) => c.id === o.capability))
    throw new UserError(
      say(
        `this scenario has no capability \`${o.capability}\` (capabilities: ${scenario.capabilities.map((c) => c.id).join(', ')})`,
        `该想定没有能力“${o.capability}”（能力：${scenario.capabilities.map((c) => c.id).join('、')}）`,
      ),
    );
  const subject = parseSubject(o.subject, t);
  if (subject.kind === 'role' && !scenario.roles.some((r) => r.id === subject.id))
    throw new UserError(
      say(
        `this scenario has no role \`${subject.id}\` (roles: ${scenario.roles.map((r) => r.id).join(', ')})`,
        `该想定没有角色“${subject.id}”（角色：${scenario.roles.map((r) => r.id).join('、')}）`,
      ),
    );
  const before = scoreDrill(scenario, replayed.state).capabilities.find((c) => c.capability === o.capability);
  const signingKey = loadSigningKey(); // the amended result is this machine's to sign
  const out = amendTranscript(
    file,
    scenario,
    t,
    { kind: 'trainer', ...(o.by ? { name: o.by } : {}) },
    { type: 'override', capability: o.capability, subject, rating, note: o.note },
    { what: 'override', ...(signingKey ? { signingKey } : {}) },
  );
  const who = subject.kind === 'overall' ? 'overall' : `${subject.kind} ${subject.id}`;
  const summary =
    subject.kind === 'overall'
      ? `${o.capability} (${who}): proposed ${before?.proposed ?? '?'} → final ${rating}`
      : `${o.capability} (${who}) → final ${rating}`;
  return { transcript: out, summary };
}

export function register(program: Command): void {
  program
    .command('override')
    .description(
      'overrule a rating as evaluator: appends an override (with its note) to a finished transcript, which verify keeps',
    )
    .argument('<transcript>', 'a finished transcript (.json) or journal (.jsonl)')
    .requiredOption('--capability <id>', 'the capability to rate')
    .requiredOption('--rating <P|S|M|U>', 'the final rating')
    .requiredOption('--note <text>', 'why (shown in the report beside the proposed rating)')
    .option('--subject <subject>', 'overall (default), team:NAME, role:ID or participant:ID')
    .option('--by <name>', 'the evaluator')
    .requiredOption('-o, --out <file>', 'where to write the amended transcript')
    .option('--scenario <file>', 'the scenario file, when it is not a shipped one')
    .action((file: string, o: OverrideOptions) => {
      const t = readTranscript(file);
      const { transcript, summary } = overrideTranscript(file, t, o, o.scenario);
      const path = writeAmended(o.out, transcript);
      process.stdout.write(
        `override recorded: ${terminalSafe(summary)} — "${terminalSafe(o.note)}"\ntranscript: ${path} (${transcript.entries.length} entries, final state ${transcript.result?.finalStateHash ?? '-'})\n`,
      );
      process.exitCode = 0;
    });
}
