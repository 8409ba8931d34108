import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  parseTranscript,
  verify,
  type DroppedLines,
  type Scenario,
  type Transcript,
  type VerifyResult,
} from '@drill/engine';
import { SHIPPED_IDS } from '@drill/scenarios';
import { cannotRead, terminalSafe, userPath, UserError } from '../io.ts';
import { reasonSaid, say } from '../say.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { readTrustedKey } from './keys.ts';

/** `drill verify` exit statuses (documented in docs/reliability/transcripts.md and --help). */
export const VERIFY_EXIT = { holds: 0, failed: 1, usage: 2, unfinished: 3 } as const;

/** Reads a transcript file's text, or a clear error (a folder, a missing file, unreadable). */
export function readTranscriptText(file: string): string {
  try {
    return readFileSync(userPath(file), 'utf8');
  } catch (e) {
    throw new UserError(cannotRead(file, e));
  }
}

/** Reads a transcript (JSON) or journal (JSONL) file the user named. */
export function readTranscript(file: string): Transcript {
  return readTranscriptChecked(file).transcript;
}

/** Like readTranscript, plus the journal lines that could not be read (past a torn or forked line). */
export function readTranscriptChecked(file: string): { transcript: Transcript; dropped?: DroppedLines } {
  const p = parseTranscript(readTranscriptText(file));
  if (!p.ok) {
    const at = p.line !== undefined && p.column !== undefined ? `:${p.line}:${p.column}` : '';
    throw new UserError(`${file}${at}${say(': ', '：')}${reasonSaid(p.reason)}`);
  }
  return { transcript: p.transcript, ...(p.dropped ? { dropped: p.dropped } : {}) };
}

/** The verdict of `drill verify` as its first line and exit status. */
export function verifyVerdict(
  file: string,
  r: VerifyResult,
  dropped?: DroppedLines,
): { line: string; exit: number } {
  // The first word (OK, FAILED, UNFINISHED) is the verdict scripts read: the same in every language.
  if (!r.ok)
    return {
      line: `FAILED: ${file}${say(': ', '：')}${reasonSaid(r.reason, r.refused)}`,
      exit: VERIFY_EXIT.failed,
    };
  if (dropped && !dropped.torn)
    return {
      line: say(
        `FAILED: ${file}: ${dropped.reason} (${dropped.lines} line(s) from line ${dropped.line} could not be read; the ${r.entries} entries before them hold)`,
        `FAILED: ${file}：${reasonSaid(dropped.reason)}（从第${dropped.line}行起共${dropped.lines}行无法读取；之前的${r.entries}条记录校验通过）`,
      ),
      exit: VERIFY_EXIT.failed,
    };
  if (!r.complete)
    return {
      line: say(
        `UNFINISHED: ${file} is an unfinished drill (no result): its ${r.entries} entries hold, final state ${r.finalStateHash}, but it has no score to verify — not a drill's result`,
        `UNFINISHED: ${file} 是未完成的演练（没有结果）：${r.entries}条记录校验通过，最终状态 ${r.finalStateHash}，但没有可校验的得分——不是演练结果`,
      ),
      exit: VERIFY_EXIT.unfinished,
    };
  const sig =
    r.signature.status === 'valid'
      ? r.signature.trusted
        ? say(
            `signed by the trusted key ${r.signature.publicKey}`,
            `由受信任的密钥 ${r.signature.publicKey} 签名`,
          )
        : say(
            `signed by key ${r.signature.publicKey} (check it is the trainer's with --key)`,
            `由密钥 ${r.signature.publicKey} 签名（请用 --key 核对是否为培训者的密钥）`,
          )
      : say(
          'unsigned (anyone could have recomputed it: sign drills with `drill keys init`, check with --key)',
          '未签名（任何人都可能重新计算过：用 `drill keys init` 为演练签名，用 --key 核对）',
        );
  return {
    line: say(
      `OK: ${file} holds — ${r.entries} entries replayed, final state ${r.finalStateHash}, scores recomputed and equal; ${sig}`,
      `OK: ${file} 校验通过——重放${r.entries}条记录，最终状态 ${r.finalStateHash}，重新计算的得分一致；${sig}`,
    ),
    exit: VERIFY_EXIT.holds,
  };
}

/** The scenario a transcript was recorded on: --scenario, else the shipped one with its id. */
export function scenarioForTranscript(t: Transcript, scenarioArg?: string): Scenario {
  if (scenarioArg) return scenarioFromArg(scenarioArg);
  const id = t.header?.scenario?.id;
  if (typeof id === 'string' && SHIPPED_IDS.includes(id)) return scenarioFromArg(id);
  throw new UserError(
    say(
      `the transcript is for scenario \`${String(id)}\`, which is not shipped: name its file with --scenario`,
      `该记录属于想定“${String(id)}”，它不是内置想定：请用 --scenario 指定其文件`,
    ),
  );
}

export function register(program: Command): void {
  program
    .command('verify')
    .description(
      'replay a transcript, check its hash chain, recompute its scores and check its signature ' +
        '(exit 0 holds, 1 failed, 2 usage error, 3 unfinished drill)',
    )
    .argument('<transcript>', 'transcript (.json) or journal (.jsonl)')
    .option('--scenario <file>', 'the scenario file, when it is not a shipped one')
    .option('--key <public key or file>', 'require a signature by this public key (hex, or a .pub file)')
    .option(
      '--json',
      'print { ok, complete, entries, finalStateHash, signature, entry?, reason? } (same exit status)',
    )
    .action((file: string, o: { scenario?: string; json?: boolean; key?: string }) => {
      const trustedKey = o.key !== undefined ? readTrustedKey(o.key) : undefined;
      const { transcript: t, dropped } = readTranscriptChecked(file);
      const scenario = scenarioForTranscript(t, o.scenario);
      const r = verify(scenario, t, trustedKey ? { trustedKey } : {});
      const v = verifyVerdict(file, r, dropped);
      if (o.json) {
        const out = r.ok
          ? {
              ok: v.exit === VERIFY_EXIT.holds,
              complete: r.complete,
              entries: r.entries,
              finalStateHash: r.finalStateHash,
              signature: r.signature,
              ...(v.exit === VERIFY_EXIT.failed ? { reason: v.line.replace(/^FAILED: /, '') } : {}),
            }
          : {
              ok: false,
              complete: false,
              entries: r.entries,
              finalStateHash: null,
              ...(r.entry ? { entry: r.entry } : {}),
              reason: r.reason,
            };
        process.stdout.write(`${JSON.stringify(out)}\n`);
      } else process.stdout.write(`${terminalSafe(v.line)}\n`);
      process.exitCode = v.exit;
    });
}
