import { engineRefusalWords, type Lang, type Rejection } from '@drill/engine';
import { scenarioTimeText } from './glossary.ts';

/**
 * What `verify` and `parseTranscript` say when a transcript does not hold, in the reader's language.
 * The engine words its reasons in English (engine/src/transcript.ts, signature.ts: one copy of each
 * rule, no I/O, no tables of words); the faces that show them to a Chinese reader — the cohort report's
 * "left out" list, the web Review's refusal, the CLI — translate them here, once. A reason this table
 * does not know is shown as the engine wrote it (report/test/verify-words.test.ts produces every reason
 * the engine gives from real tampered files, so a new or reworded one fails there, not in front of a
 * reader).
 */
type Rule = [RegExp, (m: RegExpExecArray) => string];

const INPUTS: Record<string, string> = {
  decision: '决策',
  'discussion answer': '研讨发言',
  'evaluator observation': '评估员观察记录',
  'evaluator override': '评估员调整评定',
  'ad-hoc inject': '临时情况',
  'clock advance': '时钟推进',
  input: '输入',
};

const minutes = (s: string): string => {
  const n = Number(s);
  return Number.isFinite(n) ? scenarioTimeText(n, 'zh-CN') : s;
};

// The JSON parser's own words (V8): the gist in Chinese; where it broke off is given as line:column.
const JSON_DETAIL: Rule[] = [
  [/^Unexpected end of JSON input$/, () => '文件在中途结束（可能未写完或被截断）'],
  [/^Unexpected token/, () => '此处出现了不该有的字符'],
  [/^Expected /, () => '此处缺少应有的标点或值'],
  [/^Unterminated string/, () => '字符串没有结束引号'],
  [/^Bad control character/, () => '字符串中有控制字符'],
  [/^Bad escaped character/, () => '字符串中有无效的转义'],
  [/^Unexpected non-whitespace character after JSON/, () => 'JSON 之后还有多余内容'],
  [/^/, () => '格式错误'],
];

const RULES: Rule[] = [
  [/^entry (\d+): (.*)$/s, (m) => `第${m[1]}条记录：${zh(m[2]!)}`],
  [/^not valid JSON: (.*)$/s, (m) => `不是有效的 JSON：${first(JSON_DETAIL, m[1]!)}`],
  [/^line (\d+) is not valid JSON$/, (m) => `第${m[1]}行不是有效的 JSON`],
  [/^the file is empty$/, () => '文件是空的'],
  [
    /^this is not a drill transcript or journal \(no header\)$/,
    () => '这不是演练记录或日志文件（没有文件头）',
  ],
  [/^this is not a drill transcript \(no header\)$/, () => '这不是演练记录文件（没有文件头）'],
  [/^malformed transcript: (.*)$/s, (m) => `演练记录格式有误：${schemaDetail(m[1]!)}`],
  [/^malformed journal header: (.*)$/s, (m) => `日志文件头格式有误：${schemaDetail(m[1]!)}`],
  [/^malformed: (.*)$/s, (m) => `格式有误：${schemaDetail(m[1]!)}`],
  [/^the transcript is malformed at (.*)$/s, (m) => `演练记录格式有误：${schemaDetail(m[1]!)}`],
  [/^the header is invalid: (.*)$/s, (m) => `文件头无效：${m[1]}`],
  [/^the transcript has no list of entries$/, () => '演练记录中没有条目列表'],
  [
    /^the transcript was written by engine (.*); this engine \((.*)\) cannot replay it exactly$/,
    (m) => `该记录由引擎 ${m[1]} 写入，本引擎（${m[2]}）无法精确重放`,
  ],
  [/^the transcript is for scenario `(.*)`, not `(.*)`$/, (m) => `该记录属于想定“${m[1]}”，不是“${m[2]}”`],
  [
    /^the transcript was recorded on a different version of scenario `(.*)` \(content hash (\S+) ≠ (\S+)\); replaying it would give a different drill$/,
    (m) => `该记录基于想定“${m[1]}”的另一个版本（内容哈希 ${m[2]} ≠ ${m[3]}），重放会得到不同的演练`,
  ],
  [/^not an entry$/, () => '不是有效的记录条目'],
  [
    /^sequence number (.*) where (\d+) was expected \(an entry was removed, added or moved\)$/,
    (m) => `序号为${m[1]}，应为${m[2]}（有条目被删除、添加或移动）`,
  ],
  [/^the header was changed after the drill was recorded$/, () => '文件头在演练记录后被改动'],
  [
    /^recorded (.*) was changed after it was written$/,
    (m) => `记录的${INPUTS[m[1]!] ?? m[1]!.replace(/^`(.*)` input$/, '“$1”输入')}在写入后被改动`,
  ],
  [
    /^recorded at (-?\d+) but the replayed clock is at (-?\d+)$/,
    (m) => `记录时间为${minutes(m[1]!)}，但重放时钟为${minutes(m[2]!)}`,
  ],
  [/^the engine refuses this input on replay: (.*)$/s, (m) => `重放时引擎拒绝此输入：${m[1]}`],
  [
    /^replaying it gives a different state than was recorded \(state hash differs\)$/,
    () => '重放得到的状态与记录不符（状态哈希不同）',
  ],
  [
    /^the drill is unfinished \(no result\), so there is no signature by the key to check$/,
    () => '演练未完成（没有结果），因此没有可供核对的签名',
  ],
  [
    /^the result does not follow the last entry \(entries were added or removed after it\)$/,
    () => '结果与最后一条记录不衔接（其后有条目被添加或删除）',
  ],
  [/^the recorded final state hash differs from the replayed one$/, () => '记录的最终状态哈希与重放结果不同'],
  [
    /^the recorded score differs from the recomputed one(?: at (.*))? \(edited after the drill\?\)$/,
    (m) => `记录的得分与重新计算的不同${m[1] ? `（位置：${m[1]}）` : ''}（演练后被改动？）`,
  ],
  [/^the result block was changed after it was written$/, () => '结果部分在写入后被改动'],
  [
    /^the transcript is unsigned, but a signature by the key was required$/,
    () => '该记录没有签名，但要求由指定密钥签名',
  ],
  [/^the signature does not match the result \(forged or edited\)$/, () => '签名与结果不符（伪造或被改动）'],
  [
    /^signed by key (\S+), not by the trusted key (\S+)$/,
    (m) => `签名密钥为 ${m[1]}，不是受信任的密钥 ${m[2]}`,
  ],
  // Why a drill cannot start (engine/src/state.ts createDrill, Table.solo): a seed or a participant.
  [/^the seed must be (\d+) to (\d+) characters$/, (m) => `随机种子须为${m[1]}到${m[2]}个字符`],
  [/^a drill needs at least one participant$/, () => '一次推演至少需要一名参演者'],
  [/^participant id `(.*)` is empty or used twice$/, (m) => `参演者编号“${m[1]}”为空或重复`],
  [/^participant `(.*)` holds no role$/, (m) => `参演者“${m[1]}”没有担任任何岗位`],
  [/^participant `(.*)`: a colleague plays (.*)$/, (m) => `参演者“${m[1]}”：模拟同事的水平可选 ${m[2]}`],
  [
    /^participant `(.*)`: this scenario has no role `(.*)`$/,
    (m) => `参演者“${m[1]}”：本想定没有岗位“${m[2]}”`,
  ],
  [/^the drill has no participant at the table$/, () => '这次推演没有参演者'],
  [/^the drill cannot be played alone: (.*)$/s, () => '这次推演不能单人进行'],
  // The cohort's own reasons (cohort/src/digest.ts).
  [/^the header names no scenario$/, () => '文件头没有注明想定'],
  [
    /^scenario `(.*)` version (.*) \(content hash (\S+)\) is not available: name its file with --scenario$/,
    (m) => `没有想定“${m[1]}”的${m[2]}版本（内容哈希 ${m[3]}）：请用 --scenario 指定其文件`,
  ],
  [/^cannot be replayed: (.*)$/s, (m) => `无法重放：${m[1]}`],
  [/^the drill is unfinished: it has no scores yet$/, () => '演练未完成：尚无得分'],
  [/^cannot be read: (.*)$/s, (m) => `无法读取：${m[1]}`],
];

/**
 * The schema's complaint (`header.seed: Invalid input: expected number, received string`, the schema
 * library's English): the place stays (a JSON path, as in the file), the complaint is said in Chinese.
 */
function schemaDetail(detail: string): string {
  if (detail === 'does not match the transcript format') return '不符合演练记录的格式';
  const m = /^(.*?): (.*?)(?: \((`.*`)\))?$/s.exec(detail);
  if (!m) return '不符合演练记录的格式';
  const where = m[1] === 'the file' ? '文件' : m[1]!;
  return m[3] ? `${where}：有未知的键 ${m[3]}` : `${where}：不符合演练记录的格式`;
}

function first(rules: readonly Rule[], text: string): string {
  for (const [re, f] of rules) {
    const m = re.exec(text);
    if (m) return f(m);
  }
  return text;
}

function zh(reason: string): string {
  return first(RULES, reason);
}

/**
 * A reason `verify`, `parseTranscript` or the cohort gave, in `lang` (English: as the engine wrote it).
 * `refused`: the engine's refusal of an entry on replay (`VerifyResult.refused`), worded by its code —
 * its English reason is free text no table here could know.
 */
export function verifyReasonText(reason: string, lang: Lang, refused?: Rejection): string {
  if (lang !== 'zh-CN') return reason;
  const m = refused && /^entry (\d+): the engine refuses this input on replay: /.exec(reason);
  if (m && refused) return `第${m[1]}条记录：重放时引擎拒绝此输入：${engineRefusalWords(refused, lang)}`;
  return zh(reason);
}
