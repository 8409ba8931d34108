import { parse } from 'yaml';
import { z } from 'zod';
import {
  didYouMean,
  formatScenarioTime,
  parseScenarioTime,
  type Input,
  type DrillState,
  type Scenario,
  deciderOf,
} from '@drill/engine';
import { scenarioTimeText } from '@drill/report';
import { say } from './say.ts';

/**
 * The answers file for `drill run --answers FILE` (YAML or JSON), for playing without a screen:
 *
 *   decisions:
 *     boats_recall: { option: recall_all, rationale: "Deadline T-24h" }
 *     suspend: { options: [classes, business] }
 *     relief: { allocation: { shelters: 6, coast: 3, hills: 1 } }
 *     red_ack: { option: ack_act, at: "T-5h45m" }   # optional: not before this scenario time
 *
 * Decisions it does not name are left to their default when their deadline passes.
 */
const Answer = z.strictObject({
  option: z.string().optional(),
  options: z.array(z.string()).optional(),
  allocation: z.record(z.string(), z.number()).optional(),
  rationale: z.string().optional(),
  at: z.string().optional(),
  participant: z.string().optional(),
});
export const AnswersSchema = z.strictObject({ decisions: z.record(z.string(), Answer) });
export type Answers = z.infer<typeof AnswersSchema>;

/**
 * Parses an answers file; with the scenario, also refuses what it would silently ignore: a decision id
 * the scenario does not have, a time outside its clock, a participant nobody is.
 */
export function parseAnswers(
  text: string,
  scenario?: Scenario,
): { ok: true; answers: Answers } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    // The YAML library's own words stay in English; a Chinese terminal gets where it broke off.
    const at = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return {
      ok: false,
      reason: say(
        `not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`,
        `不是有效的 YAML/JSON${at ? `（第${at.line}行第${at.col}列）` : ''}`,
      ),
    };
  }
  const r = AnswersSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    const keys = i.code === 'unrecognized_keys' ? i.keys.map((k) => `“${k}”`).join('、') : '';
    return {
      ok: false,
      reason: say(
        `${i.path.join('.') || 'file'}: ${i.message}`,
        `${i.path.join('.') || '文件'}：${keys ? `有未知的键 ${keys}` : '不符合答案文件的格式'}`,
      ),
    };
  }
  for (const [id, a] of Object.entries(r.data.decisions))
    if (a.at !== undefined && parseScenarioTime(a.at) === undefined)
      return {
        ok: false,
        reason: say(
          `decisions.${id}.at: \`${a.at}\` is not a scenario time like T-6h`,
          `decisions.${id}.at：“${a.at}”不是想定时间（应写成 T-6h 这样）`,
        ),
      };
  if (scenario) {
    const known = scenario.decisions.map((d) => d.id);
    for (const [id, a] of Object.entries(r.data.decisions)) {
      if (!known.includes(id)) {
        const hint = didYouMean(id, known);
        return {
          ok: false,
          reason: say(
            `decisions.${id}: scenario \`${scenario.id}\` has no decision \`${id}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}`,
            `decisions.${id}：想定“${scenario.id}”没有决策“${id}”${hint ? `（是否想写“${hint}”？）` : ''}`,
          ),
        };
      }
      const at = a.at === undefined ? undefined : parseScenarioTime(a.at)!;
      if (at !== undefined && (at < scenario.clock.start || at > scenario.clock.end))
        return {
          ok: false,
          reason: say(
            `decisions.${id}.at: \`${a.at}\` is outside the scenario clock (${formatScenarioTime(scenario.clock.start)} to ${formatScenarioTime(scenario.clock.end)})`,
            `decisions.${id}.at：“${a.at}”在想定时钟（${scenarioTimeText(scenario.clock.start, 'zh-CN')}至${scenarioTimeText(scenario.clock.end, 'zh-CN')}）之外`,
          ),
        };
    }
  }
  return { ok: true, answers: r.data };
}

/** The next input the answers call for in this state: a choice that is due, or undefined to advance. */
export function answerFor(
  scenario: Scenario,
  state: DrillState,
  answers: Answers,
): Extract<Input, { type: 'choose' }> | undefined {
  for (const d of scenario.decisions) {
    const a = answers.decisions[d.id];
    if (!a || state.decisions[d.id]?.status !== 'open') continue;
    if (a.at !== undefined && state.clock < parseScenarioTime(a.at)!) continue;
    // Who decides is the engine's answer (the Table then checks the player may send it).
    const p = a.participant ?? deciderOf(state, d)?.id ?? state.participants[0]!.id;
    return {
      type: 'choose',
      participant: p,
      decision: d.id,
      ...(a.allocation
        ? { allocation: a.allocation }
        : { options: a.options ?? (a.option ? [a.option] : []) }),
      ...(a.rationale ? { rationale: a.rationale } : {}),
    };
  }
  return undefined;
}

/** The time the answers wait for, if the next open decision has an `at` later than now. */
export function nextAnswerTime(scenario: Scenario, state: DrillState, answers: Answers): number | undefined {
  let t: number | undefined;
  for (const d of scenario.decisions) {
    const a = answers.decisions[d.id];
    if (!a?.at || state.decisions[d.id]?.status !== 'open') continue;
    const at = parseScenarioTime(a.at)!;
    if (at > state.clock && (t === undefined || at < t)) t = at;
  }
  return t;
}
