import type { Lang } from '../text.ts';
import { formatDiagnostic, type Diagnostic } from './diagnostics.ts';

/**
 * A scenario diagnostic as a trainer reads it, in their language: the one translation of the
 * compiler's and lint's diagnostics, used by the web app (console, Review) and the room server (its
 * refusal of an own scenario). The engine words its diagnostics in English; in Chinese the message and
 * hint are rewritten from the diagnostic's code and its quoted words (ids, keys and values are the
 * trainer's own and stay as written), so no English prose reaches a Chinese reader. A message this
 * table does not know is named by its kind.
 */
export interface DiagnosticView {
  /** `file:line:col`, for the trainer's editor. */
  where: string;
  severity: string;
  message: string;
  /** Where in the document (`decisions[3].options[1]`): keys and indexes, the same in both languages. */
  at: string;
  hint?: string;
}

const quoted = (s: string): string[] => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
const q = (s: string | undefined): string => (s === undefined ? '' : `「${s}」`);

/**
 * Lint's explanation of a condition (lint/explain.ts): "`expr` never holds: why; why". The expression
 * stays as written; each reason is worded here, and one this table does not know is left out.
 */
function heldText(tail: string | undefined): string {
  if (!tail) return '';
  const m = /^`([^`]+)` (always|never) holds(?:: (.*))?$/s.exec(tail);
  if (!m) return '';
  const reasons = (m[3] ?? '').split('; ').flatMap((r) => {
    for (const [re, zh] of REASONS) {
      const x = re.exec(r);
      if (x) return [zh(x)];
    }
    return [];
  });
  return `：${q(m[1])}${m[2] === 'always' ? '总是成立' : '永远不成立'}${reasons.length ? `（${reasons.join('；')}）` : ''}`;
}

const REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^inject `([^`]+)` can never happen$/, (m) => `信息${q(m[1])}永远不会发生`],
  [/^decision `([^`]+)` can never open$/, (m) => `决策${q(m[1])}永远不会开放`],
  [
    /^option `([^`]+)` of `([^`]+)` can never be chosen$/,
    (m) => `决策${q(m[2])}的选项${q(m[1])}永远不会被选`,
  ],
  [/^the clock `t` runs only from (\S+) to (\S+) here$/, (m) => `此处时钟 t 只在 ${m[1]} 到 ${m[2]} 之间`],
  [
    /^no effect ever changes `([^`]+)`, so it stays (.+)$/,
    (m) => `没有效果会改变${q(m[1])}，它一直是 ${m[2]}`,
  ],
  [/^`([^`]+)` is declared within (\[.+\])$/, (m) => `${q(m[1])}声明的范围是 ${m[2]}`],
  [
    /^`([^`]+)` only ever (grows|falls) from (\S+), so it stays within (\[.+\])$/,
    (m) => `${q(m[1])}从 ${m[3]} 起只${m[2] === 'grows' ? '增' : '减'}，所以一直在 ${m[4]} 之内`,
  ],
  [/^`([^`]+)` and `([^`]+)` cannot both hold$/, (m) => `${q(m[1])}和${q(m[2])}不可能同时成立`],
];

/** Messages recognised by their words (the YAML mistakes have no more precise code). */
const MESSAGES: [RegExp, (m: RegExpExecArray, w: string[]) => string][] = [
  // Lint's warnings (engine/src/lint): loose ends of a scenario that compiles.
  [
    /^(inject|decision) `([^`]+)` can never (?:happen|open): it has no/,
    (m) =>
      `${NOUNS.get(m[1]!)}${q(m[2])}永远不会${m[1] === 'inject' ? '发生' : '开放'}：它没有时间或条件，也没有选项的 then 触发它`,
  ],
  [
    /^(inject|decision) `([^`]+)` can never (?:happen|open): only options that can never be chosen/,
    (m) =>
      `${NOUNS.get(m[1]!)}${q(m[2])}永远不会${m[1] === 'inject' ? '发生' : '开放'}：只有永远不会被选的选项触发它`,
  ],
  [/^inject `([^`]+)` can never happen: (.*)$/s, (m) => `信息${q(m[1])}永远不会发生${heldText(m[2])}`],
  [
    /^contingency `([^`]+)` can never fire: its `unless` (.*)$/s,
    (m) => `条件信息${q(m[1])}永远不会触发：它的 unless${heldText(m[2])}`,
  ],
  [/^decision `([^`]+)` can never open: (.*)$/s, (m) => `决策${q(m[1])}永远不会开放${heldText(m[2])}`],
  [
    /^option `([^`]+)` of `([^`]+)` can never be offered: (.*)$/s,
    (m) => `决策${q(m[2])}的选项${q(m[1])}永远不会出现${heldText(m[3])}`,
  ],
  [
    /^ending `([^`]+)` can never be reached: `([^`]+)` comes first and always applies$/,
    (m) => `结局${q(m[1])}永远不会达到：结局${q(m[2])}排在前面且总是适用`,
  ],
  [/^ending `([^`]+)` can never be reached: (.*)$/s, (m) => `结局${q(m[1])}永远不会达到${heldText(m[2])}`],
  [
    /^condition is always (true|false): (.*)$/s,
    (m) => `条件${m[1] === 'true' ? '总是成立' : '永远不成立'}${heldText(m[2])}`,
  ],
  [
    /^part of this condition is always (true|false): `([^`]+)`/,
    (m) => `此条件的一部分${m[1] === 'true' ? '总是成立' : '永远不成立'}：${q(m[2])}`,
  ],
  [/^dead end: the scenario has no endings/, () => '死胡同：想定没有结局，任何推演都到不了结局'],
  [
    /^dead end: a drill can finish where/,
    () => '死胡同：推演可能在没有任何结局条件成立时结束，而且没有兜底结局',
  ],
  [
    /^the best option of `([^`]+)` has by far the longest label/,
    (m) => `决策${q(m[1])}的最佳选项文字远比其他选项长：靠猜也能选中`,
  ],
  [
    /^objective `([^`]+)` is scored by no decision: none of its capabilities \((.*)\)/,
    (m) => `目标${q(m[1])}没有任何决策计分：它的能力（${m[2]}）都不是任何决策的能力`,
  ],
  [
    /^objective `([^`]+)` lists capability `([^`]+)`, which no decision scores$/,
    (m) => `目标${q(m[1])}列出的能力${q(m[2])}没有任何决策计分`,
  ],
  [/^capability `([^`]+)` is scored by no decision$/, (m) => `能力${q(m[1])}没有任何决策计分`],
  [
    /^decisions `([^`]+)` and `([^`]+)` are both due at (\S+) for (.*)$/,
    (m) =>
      `决策${q(m[1])}和${q(m[2])}都在 ${m[3]} 到期，同一岗位（${m[4]!.replace(/`([^`]+)`/g, '「$1」')}）要同时处理两项`,
  ],
  [/^text has no (.*) translation$/, (m) => `文字缺少 ${m[1]!.replace(/`/g, '')} 译文`],
  [/^reference title is in English only/, () => '参考资料标题只有英文：中文文件会以英文引用它'],
  [
    /^a capability has either a `name`/,
    () => '一项能力要么有 name（想定自己的能力），要么有 rename/hidden（评估标准中的能力），不能两者都有',
  ],
  [/^capability `([^`]+)` is already in the (\S+) rubric/, (m) => `能力 ${q(m[1])} 已在 ${m[2]} 评估标准中`],
  [/^the (\S+) rubric has no capability `([^`]+)`/, (m) => `${m[1]} 评估标准中没有能力 ${q(m[2])}`],
  [
    /the dynamics apply (\d+) times or more over the clock; the limit is (\d+)/,
    (m) => `动态规则在整个时钟内执行 ${m[1]} 次或更多，上限为 ${m[2]} 次`,
  ],
  [/^`(.+)` is too big: a weight is at most (\d+)/, (m) => `${q(m[1])} 太大：权重最大为 ${m[2]}`],
  [/digits after the point: `(.+)` is too big/, (m) => `数值小数点后显示 0 到 3 位：${q(m[1])}太大`],
  [
    /credit lost per hour late runs from 0 to 1: `(.+)` is too (big|small)/,
    (m) => `每迟一小时失去的得分在 0 到 1 之间：${q(m[1])}${m[2] === 'big' ? '太大' : '太小'}`,
  ],
  [
    /^`(.+)` is too (big|small): numbers in a scenario stay within (\S+)/,
    (m) => `${q(m[1])}${m[2] === 'big' ? '太大' : '太小'}：想定中的数字不超过 ${m[3]}`,
  ],
  [/^expected (.+), found (?:the text )?`([^`]+)`/, (m) => `此处的值类型不对：${q(m[2])}`],
  [/^the alias (\S+) refers to a node that contains it/, (m) => `别名 ${m[1]} 指向包含它自身的节点（循环）`],
  [/^Unresolved alias/, () => '别名无法解析（锚点须在别名之前定义）'],
  [/^Excessive alias count/, () => '别名过多（可能耗尽资源）'],
  [
    /^the file is nested too deeply \(more than (\d+) levels/,
    (m) => `文件嵌套过深（列表和映射超过 ${m[1]} 层）`,
  ],
  [/^this file is not UTF-8/, () => '此文件不是 UTF-8 编码：此处有无法读取的字符（�）'],
  [/name the same file `/, (_m, w) => `${q(w[0])} 与 ${q(w[1])} 是同一个文件 ${q(w[2])}：只需发送一次`],
  [/^a key here is a list or a mapping/, () => '此处的键是列表或映射；键应是普通词语'],
  [/indented with a tab/, () => '此行用制表符（Tab）缩进；YAML 只能用空格缩进'],
  [
    /indented further than the (keys|list items) above it \((\d+) spaces, not (\d+)\)/,
    (m) => `此行比上面的${m[1] === 'keys' ? '键' : '列表项'}缩进得更多（${m[2]} 个空格，应为 ${m[3]} 个）`,
  ],
  [
    /not lined up with the (keys|list items) above it \((\d+) spaces?\)/,
    (m) => `此行与上面的${m[1] === 'keys' ? '键' : '列表项'}没有对齐（${m[2]} 个空格）`,
  ],
  [
    /list item .* stands where a key belongs/,
    () => '此列表项（“- ”）出现在应写键的位置：它没有缩进在某个列表之下',
  ],
  [/quoted text is not closed/, () => '引号中的文字没有闭合'],
  [
    /holds `:`, so YAML reads it as another key/,
    (_m, w) => `${q(w[0])} 后面的文字含有“:”，YAML 会把它读成另一个键`,
  ],
  [/starts with `!` is read as a YAML tag/, () => '以“!”开头的文字会被 YAML 读成标签，而不是文字'],
  [/needs a space after the colon/, (_m, w) => `${q(w[0])} 的冒号后需要一个空格才是键`],
  [/has no unit: did you mean (\S+)\?/, (m, w) => `${q(w[0])} 没有单位：是否想写 ${m[1]}？`],
  [/is not a scenario time/, (_m, w) => `${q(w[0])} 不是想定时间`],
  [/is not a time$/, (_m, w) => `${q(w[0])} 不是时间`],
  [/is not a duration/, (_m, w) => `${q(w[0])} 不是时长`],
  [/outside the scenario clock \((.+)\)/, (m) => `此时间在想定时钟（${m[1]}）之外`],
  [/is more than (\d+) days away/, (m, w) => `${q(w[0])} 距离超过 ${m[1]} 天`],
  [/is not a known (\w+)/, (m, w) => `${q(w[0])} 不是已知的${NOUNS.get(m[1]!) ?? m[1]}`],
  [/is not an id/, (_m, w) => `${q(w[0])} 不是合法的标识：标识由小写字母、数字、“_”或“-”组成，以字母开头`],
  [
    /^scores run from 0 to 1: `(.+)` is too (big|small)/,
    (m) => `得分在 0 到 1 之间：${q(m[1])}${m[2] === 'big' ? '太大' : '太小'}`,
  ],
  [
    /^probabilities run from 0 to 1: `(.+)` is too (big|small)/,
    (m) => `概率在 0 到 1 之间：${q(m[1])}${m[2] === 'big' ? '太大' : '太小'}`,
  ],
  [/probabilities add up to ([\d.]+), not 1/, (m) => `各结果的概率之和为 ${m[1]}，不是 1`],
  [/is too (big|small)/, (m, w) => `${q(w[0])} ${m[1] === 'big' ? '太大' : '太小'}`],
  [/is not a whole number/, (_m, w) => `${q(w[0])} 不是整数`],
  [/is too large: numbers in a scenario stay within/, () => '数字太大：想定中的数字不超过 ±1000000000'],
  [/^the (scenario|\w+) needs `([^`]+)`/, (m) => `${NOUNS.get(m[1]!) ?? m[1]}缺少 ${q(m[2])}`],
  [/^an? ([\w ]+?) needs (?:an? )?`([^`]+)`/, (m) => `${NOUNS.get(m[1]!) ?? m[1]}缺少 ${q(m[2])}`],
  [/^an? (\w+) has no key `([^`]+)`/, (m) => `${NOUNS.get(m[1]!) ?? m[1]}没有键 ${q(m[2])}`],
  [/^duplicate (\w+)(?: id)? `([^`]+)`/, (m) => `重复的${NOUNS.get(m[1]!) ?? m[1]}标识 ${q(m[2])}`],
  [/^unknown (\w+) `([^`]+)`/, (m) => `未知的${NOUNS.get(m[1]!) ?? m[1]} ${q(m[2])}`],
  [/^decision `([^`]+)` has no option `([^`]+)`/, (m) => `决策 ${q(m[1])} 没有选项 ${q(m[2])}`],
  [/^cannot read included file `([^`]+)`/, (m) => `读不到被包含的文件 ${q(m[1])}：所选文件中没有它`],
  [/^cannot include `([^`]+)`: it is outside/, (m) => `不能包含 ${q(m[1])}：它在本想定的文件夹之外`],
  [/^cannot include `([^`]+)`/, (m) => `不能包含 ${q(m[1])}`],
  [/is not a scenario part file/, (_m, w) => `${q(w[0])} 不是想定的分部文件`],
  [/is not a language/, (_m, w) => `${q(w[0])} 不是语言：文字写 en 和 zh-CN`],
  [/initial value (\S+) is outside the bounds (\[.+\])/, (m) => `初始值 ${m[1]} 超出范围 ${m[2]}`],
  [/due before \(or when\) it opens/, () => '截止时间早于（或等于）开放时间'],
  [/a contingency .* needs the time `at`/, () => '条件信息（unless）需要检查的时间 at'],
  [/at least (\d+) options/, (m) => `一项决策至少需要 ${m[1]} 个选项：才是真正的选择`],
  [/is not a format this version of drill reads/, (_m, w) => `本版 drill 不能读取格式 ${q(w[0])}`],
  [/^a scenario file is a YAML mapping/, () => '想定文件应是 YAML 映射（每行“键: 值”）'],
  [/^no scenario file `([^`]+)`/, (m) => `找不到想定文件 ${q(m[1])}`],
  [/lone surrogate/, () => '这段文字含有不成对的代理项转义（如 \\ud800），它不是字符'],
  [/^expected (.+), found (.+)$/, () => '此处的值类型不对'],
  [/^the clock spans (\d+) days; the limit is (\d+)/, (m) => `时钟跨度 ${m[1]} 天，上限为 ${m[2]} 天`],
  [/^more than (\d+) (\w+)/, (m) => `${NOUNS.get(m[2]!) ?? m[2]}超过 ${m[1]} 个（一个想定的上限）`],
  [/is (\d+) characters long; the limit is (\d+)/, (m) => `此表达式长 ${m[1]} 个字符，上限为 ${m[2]}`],
  [/nests .* more than (\d+) levels deep/, (m) => `此表达式嵌套超过 ${m[1]} 层`],
  [/^the expression ends too early/, () => '表达式不完整'],
  [/^unknown function/, (_m, w) => `未知的函数 ${q(w[0])}`],
  [/needs numbers, but this is/, () => '此运算需要数字'],
  [/a boolean is needed here/, () => '此处需要真假值（布尔值）'],
  [/cannot compare/, () => '这两个值不能比较'],
  [/may only be used in effects/, (_m, w) => `${q(w[0])} 只能用在效果（effects）中`],
  [/`=` sets a value/, () => '“=”用于赋值（在效果中）；比较请写“==”'],
];

/** Kinds of things named in messages. */
const NOUNS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    scenario: '想定',
    inject: '信息',
    injects: '信息',
    decision: '决策',
    decisions: '决策',
    'allocation decision': '分配决策',
    option: '选项',
    role: '角色',
    variable: '变量',
    capability: '能力',
    module: '模块',
    task: '关键任务',
    objective: '目标',
    ending: '结局',
    outcome: '结果',
    variation: '变化',
    channel: '渠道',
    hazard: '灾种',
    language: '语言',
    key: '键',
    function: '函数',
    text: '文字',
    reference: '参考资料',
    participant: '参与者',
    contingency: '条件信息',
    item: '项目',
    items: '项目',
  }),
);

/** A kind for a message no pattern above words (by code), so the trainer still learns what is wrong. */
const CODES: [RegExp, string][] = [
  [/^yaml/, 'YAML 写法有误'],
  [/^include/, '包含（include）的文件有误'],
  [/^schema-/, '此处的值不符合想定格式'],
  [/^expression/, '表达式有误'],
  [/^unknown-/, '引用了不存在的标识'],
  [/^duplicate/, '标识重复'],
  [/^missing-/, '缺少必填内容'],
  [/time|clock|deadline|duration/, '时间有误'],
  [/^too-many/, '数量超出上限'],
];

const HINTS: [RegExp, (m: RegExpExecArray) => string][] = [
  // Lint's hints.
  [/^write it as \{ (.*) \}$/, (m) => `请写成 { ${m[1]} }`],
  [/^endings are tried in order/, () => '结局按顺序判断：把兜底结局放在最后'],
  [/^drop the `when` to make it the fallback ending/, () => '删去 when，使它成为兜底结局'],
  [/^add `endings:`/, () => '添加 endings:，最后一个不写 when（兜底结局）'],
  [/^add a last ending without `when`/, () => '添加一个不写 when 的最后结局，或让各结局的条件覆盖所有情况'],
  [/^give the other options the same length/, () => '让其他选项同样长、同样具体，各有自己的道理和代价'],
  [/^give it a time /, () => '给它一个时间、一个条件，或在某个选项的 then 中写出它'],
  [/^give a decision one of these capabilities/, () => '让某项决策计这些能力之一，或删去此目标'],
  [
    /^set it as a decision’s \(or an option’s\)/,
    () => '把它设为某项决策（或选项）的 capability，或从目标中删去',
  ],
  [/^set it as a decision’s `capability`, or remove it/, () => '把它设为某项决策的 capability，或删去它'],
  [/^stagger the deadlines/, () => '错开截止时间，避免一个岗位同时面对两项'],
  [/^this dynamic never applies/, () => '这条动态规则永远不会执行'],
  [/^drop the `when`: the inject fires at its time anyway/, () => '删去 when：信息到时间总会发出'],
  [/^drop the `when`: the option is always offered/, () => '删去 when：此选项总会出现'],
  [/^drop the `when`/, () => '删去 when'],
  [/^give it a time `at` instead/, () => '改为给它一个时间 at'],
  [/^this contingency always fires/, () => '此条件信息总会触发：删去 unless，或检查预期行动设置的内容'],
  [/^it opens at the start: use `opens` instead/, () => '它在开始时就开放：改用 opens'],
  [/^did you mean `?([^`?]+)`?\?$/, (m) => `是否想写 ${q(m[1])}？`],
  [/^known: (.*)$/, (m) => `已有：${m[1]}`],
  [/^one of: (.*)$/, (m) => `可选：${m[1]}`],
  [/^allowed here: (.*)$/, (m) => `此处可写：${m[1]}`],
  [
    /^a scenario needs only a few levels/,
    () => '想定只需要几层嵌套：检查是否有未闭合的 [ 或 {，或越来越深的缩进',
  ],
  [/^paths are relative to this file/, () => '路径相对于本文件；被包含的文件须一并选中（可选择整个文件夹）'],
  [/^include part files/, () => '只能包含本文件夹或其子文件夹中的分部文件（format: drill/1-part）'],
  [/^a part file starts with/, () => '分部文件的第一行是 format: drill/1-part'],
  [
    /^write the unit after each number/,
    () => '每个数字后写上单位：m 分钟、h 小时、d 天（T-72h、T-30m、T-1d6h）',
  ],
  [/^write times as/, () => '时间写作 T-48h、T+2h30m 或 T0'],
  [/^write durations as/, () => '时长写作 30m、2h、1d6h'],
  [/put the text in quotes/, () => '请把这段文字放在引号中'],
  [/tab|spaces only/i, () => '请用空格缩进'],
  [/indent|line (it|them) up/i, () => '请让同一层的键以相同数量的空格开头'],
  [
    /^write 0\.8 for a good choice/,
    () => '好的选择写 0.8，最佳做法写 1，不得分写 0（多选中的有害选项可低至 -1）',
  ],
  [/^use a smaller unit/, () => '请换用更大的单位（千人、百万元）'],
  [/^compare it/, () => '请写成比较，例如 x > 0'],
  [/^start from scenarios\/FORMAT\.md/, () => '请从 scenarios/FORMAT.md 中带注释的示例开始'],
  [/^split it into part files/, () => '请把它拆成 include 中列出的分部文件'],
  [/^write `key: value`/, () => '请写成“键: 值”'],
  [/^expected (.+)$/, () => '请按 scenarios/FORMAT.md 填写此处的值'],
  [
    /^the keys of one mapping start in the same column: here column (\d+)/,
    (m) => `同一映射的键从同一列开始：此处为第 ${m[1]} 列，用空格`,
  ],
  [
    /^the `- ` of one list start in the same column: here column (\d+)/,
    (m) => `同一列表的“- ”从同一列开始：此处为第 ${m[1]} 列，用空格`,
  ],
  [/^end it with the same quote mark/, () => '在同一行用开头的同一种引号结束它'],
  [/^write "(.+)"$/, (m) => `请写成 ${q(m[1])}`],
  [/^write 1 or 2$/, () => '请写 1 或 2'],
  [/^write 0\.25 for one chance in four/, () => '例如写 0.25，表示四分之一的机会'],
  [/^write 0\.25 to lose a quarter/, () => '例如写 0.25，表示每迟一小时失去四分之一的得分'],
  [/^write 1 to show/, () => '例如写 1，显示为 181.4'],
  [/^write a time with its unit/, () => '写带单位的时间：T-40h，或 +2h 表示开放后两小时'],
  [/^write ([\w-]+: [\w-]+)$/, (m) => `请写成 ${q(m[1])}`],
  [/^first defined on line (\d+)/, (m) => `第一次定义在第 ${m[1]} 行`],
  [/^it has (\d+)$/, (m) => `现在有 ${m[1]} 个`],
  [/^e\.g\. budget/, () => '例如 budget: 6（队），或一个表达式'],
  [/^a weight compares items/, () => '权重用来比较各项：1 为普通，2 计双倍'],
  [/^a scenario clock spans at most (\d+) days/, (m) => `想定时钟最长 ${m[1]} 天`],
  [/^a drill covers hours or days/, () => '一次演练覆盖几小时或几天：把 start 或 end 移近 T0'],
  [/^split it: keep part/, () => '拆开它：把条件的一部分放进一个由效果设置的变量'],
  [/^let them repeat less often/, () => '让它们少重复一些（every: 1h 而不是 every: 1m），或缩短时间跨度'],
  [/^a drill of a few hours needs far fewer/, () => '几小时的演练需要的远少于此：合并或删去一些'],
  [/^conditions must not draw random numbers/, () => '条件中不能抽取随机数'],
  [/^define the anchor/, () => '先定义锚点（&name）再使用别名（*name），且不要深层嵌套别名'],
  [/^an alias may only repeat/, () => '别名只能重复别处定义的节点，不能重复包含它自身的节点'],
  [/^drop `([^`]+)`: the rubric has no capability/, (m) => `删去 ${m[1]}：评估标准中没有此标识的能力`],
  [
    /^to call it something else, write `rename:`/,
    () => '要改名请写 rename: 而不是 name:；要添加自己的能力，请换一个标识',
  ],
  [/^write the character itself/, () => '直接写出字符本身，或转义完整的一对'],
  [
    /^save the file as UTF-8/,
    () => '请把文件另存为 UTF-8 编码（记事本：另存为 → 编码 → UTF-8）；GBK 或 ANSI 编码会把中文变成 �',
  ],
];

/** The diagnostic in `lang`. */
export function diagnosticView(d: Diagnostic, lang: Lang): DiagnosticView {
  const where = `${d.file}:${d.line}:${d.column}`;
  if (lang === 'en')
    return {
      where,
      severity: d.severity,
      message: d.message,
      at: d.path,
      ...(d.hint ? { hint: d.hint } : {}),
    };
  const words = quoted(d.message);
  let message: string | undefined;
  for (const [re, zh] of MESSAGES) {
    const m = re.exec(d.message);
    if (m) {
      message = zh(m, words);
      break;
    }
  }
  message ??= `${CODES.find(([re]) => re.test(d.code))?.[1] ?? '想定内容有误'}${words.length ? `：${words.map(q).join('、')}` : ''}`;
  let hint: string | undefined;
  if (d.hint)
    for (const [re, zh] of HINTS) {
      const m = re.exec(d.hint);
      if (m) {
        hint = zh(m);
        break;
      }
    }
  if (d.hint && hint === undefined) hint = '请对照 scenarios/FORMAT.md 中的说明和示例修改';
  return {
    where,
    severity: d.severity === 'error' ? '错误' : '警告',
    message,
    at: d.path,
    ...(hint ? { hint } : {}),
  };
}

/** One diagnostic as the line(s) a terminal prints, in `lang` (English: `formatDiagnostic`'s). */
export function diagnosticLine(d: Diagnostic, lang: Lang): string {
  if (lang === 'en') return formatDiagnostic(d);
  const v = diagnosticView(d, lang);
  return `${v.where}：${v.severity}：${v.message}${v.hint ? `\n    提示：${v.hint}` : ''}`;
}

/**
 * Diagnostics as lines of text in `lang`, headed by how many errors there are: `file:line:col: error:
 * message` and its hint, the shape `formatDiagnostic` prints, for a reader without the web page (the
 * room server's refusal of an own scenario).
 */
export function diagnosticsText(ds: readonly Diagnostic[], lang: Lang): string {
  const errors = ds.filter((d) => d.severity === 'error').length;
  if (lang === 'en')
    return [
      `the scenario has ${errors} ${errors === 1 ? 'error' : 'errors'}:`,
      ...ds.map((d) => formatDiagnostic(d)),
    ].join('\n');
  return [`想定有 ${errors} 处错误：`, ...ds.map((d) => diagnosticLine(d, lang))].join('\n');
}
