import { type Argument, type Command, Help, type Option } from 'commander';
import { messageLang } from './say.ts';

/**
 * `drill --help` and every command's help in the terminal's language. The commands keep describing
 * themselves in English (their `.description()`/`.option()` texts); this one table gives each of those
 * texts its Chinese, and commander's own words (titles, "[options]", "display help for command", the
 * "(default: …)" asides, its parse errors) are worded here too. Keyed by the English text so a command
 * module needs no change; `help-words.test.ts` walks every registered command and fails on a text this
 * table lacks, so a new or reworded option cannot slip through in English.
 */
export const HELP_ZH: ReadonlyMap<string, string> = new Map([
  // drill itself and commander's built-ins
  [
    'Tabletop drills for emergency-management cadres: typhoons, floods, rainstorms, earthquakes',
    '面向应急管理干部的桌面推演：台风、洪涝、暴雨、地震',
  ],
  ['output the version number', '显示版本号'],
  ['display help for command', '显示命令的帮助'],
  // commands
  [
    'play a drill: interactive in a terminal, or headless with --auto / --answers',
    '开始一次推演：在终端中交互进行，或用 --auto / --answers 无界面进行',
  ],
  [
    'open the start menu (the same as `drill` without arguments)',
    '打开开始菜单（与不带参数的 `drill` 相同）',
  ],
  ['continue a drill from its journal (.jsonl) exactly where it stopped', '从日志（.jsonl）在中断处继续推演'],
  [
    'list past drills (scenario, date, seed, score, ratings) and each capability’s trend across attempts',
    '列出以往的推演（想定、日期、种子、得分、评定）及每项能力在历次推演中的变化',
  ],
  [
    'the scored transcript in the terminal: timeline, each decision with its feedback, ratings with evidence',
    '在终端中查看已评分的演练记录：时间线、每项决策及点评、各项评定及依据',
  ],
  [
    'write the After-Action Report and Improvement Plan of a transcript, or the participant debrief (Markdown, self-contained HTML or JSON)',
    '根据演练记录生成演练评估报告及改进计划，或参演人员讲评（Markdown、独立的 HTML 或 JSON）',
  ],
  [
    'several teams on the same scenario and seed: where their decisions first diverged, ratings and outcomes side by side',
    '对比同一想定、同一种子下的多个队伍：决策首次分歧之处，评定与结果并列',
  ],
  [
    'review a whole class: verify many transcripts and report scores, capabilities, decisions and progress (md, html, json, csv)',
    '整体评估一个班：校验多份演练记录，报告得分、能力、决策与进步（md、html、json、csv）',
  ],
  [
    'overrule a rating as evaluator: appends an override (with its note) to a finished transcript, which verify keeps',
    '以评估员身份调整评定：在已完成的演练记录末尾追加调整（附说明），校验时予以保留',
  ],
  [
    'record an evaluator observation against a critical task (P/S/M/U and a note) in a transcript, which verify keeps',
    '在演练记录中记下评估员对某项关键任务的观察（P/S/M/U 及说明），校验时予以保留',
  ],
  [
    'replay a transcript, check its hash chain, recompute its scores and check its signature (exit 0 holds, 1 failed, 2 usage error, 3 unfinished drill)',
    '重放演练记录，核对其哈希链，重新计算得分并核对签名（退出码 0 校验通过，1 未通过，2 用法错误，3 推演未完成）',
  ],
  [
    'the signing key that proves who ran a drill (kept under DRILL_HOME/keys)',
    '证明推演由谁进行的签名密钥（保存在 DRILL_HOME/keys 下）',
  ],
  [
    'check scenario files: every problem with file:line:column and a hint',
    '检查想定文件：每个问题附“文件:行:列”和提示',
  ],
  [
    'print (or write) the JSON Schema of the scenario format, for editors',
    '输出（或写入文件）想定格式的 JSON Schema，供编辑器使用',
  ],
  [
    'warn about loose ends: unreachable injects and decisions, dead ends, unscored objectives, clashing deadlines, missing translations, constant conditions',
    '提示疏漏：无法触发的情景注入和决策、走不通的分支、不计分的目标、相互冲突的时限、缺少的译文、恒定不变的条件',
  ],
  [
    'coverage autoplay: play N seeded drills with random, best and worst players and report what was reached',
    '覆盖测试：用随机、最优、最差三种自动参演者按种子推演 N 次，报告触发到了哪些内容',
  ],
  [
    'the Master Scenario Events List: injects and decision points in time order (CSV, Markdown or an Excel workbook)',
    '主想定事件清单（MSEL）：按时间排列的情景注入与决策点（CSV、Markdown 或 Excel 工作簿）',
  ],
  [
    'turn another format into a drill scenario (see `drill import msel`)',
    '把其他格式转换为推演想定（见 `drill import msel`）',
  ],
  [
    'every text of a scenario for a translator (CSV or XLIFF), and the translations back in',
    '导出想定的全部文字供翻译（CSV 或 XLIFF），并导回译文',
  ],
  [
    'the timeline and branches of a drill as a diagram (Mermaid or Graphviz DOT)',
    '把推演的时间线和分支画成图（Mermaid 或 Graphviz DOT）',
  ],
  [
    'serve the web app and the classroom room server (participants on their own devices) on one port; loopback unless --lan',
    '在同一端口上提供网页应用和课堂房间服务（参演人员用各自的设备加入）；不加 --lan 时只在本机可用',
  ],
  [
    'make a signing key: every finished drill on this machine is then signed with it',
    '生成签名密钥：此后本机完成的每次推演都用它签名',
  ],
  ['print the public key that verify --key checks', '输出 `drill verify --key` 所核对的公钥'],
  [
    'read an MSEL spreadsheet (.xlsx or .csv: time, from, to, inject, expected action, notes…) into a scenario skeleton',
    '把 MSEL 表格（.xlsx 或 .csv：时间、发送方、接收方、情景注入、预期行动、备注……）读成想定框架',
  ],
  [
    'write every text with its key, the source language and the target language (empty when missing)',
    '写出每条文字及其键、源语言和目标语言文字（缺译时为空）',
  ],
  [
    'write a translator’s CSV or XLIFF back into the scenario’s YAML files (comments and layout kept)',
    '把译者的 CSV 或 XLIFF 写回想定的 YAML 文件（保留注释和排版）',
  ],
  // arguments and options
  ['shipped scenario id or path to a .yaml file', '内置想定的编号，或 .yaml 文件的路径'],
  [
    'seed for the seeded variation (a fresh one is chosen and shown if omitted)',
    '随机变化所用的种子（省略时新选一个并显示）',
  ],
  [
    'play automatically: random | first | last | longest | shortest | numbers | best | worst',
    '自动推演的策略：random | first | last | longest | shortest | numbers | best | worst',
  ],
  ['play the decisions in this answers file (YAML/JSON)', '按此答案文件（YAML/JSON）中的决策推演'],
  ['play one role (default: all roles)', '只担任一个角色（默认：全部角色）'],
  ['en | zh-CN (default from the environment)', 'en | zh-CN（默认按系统语言）'],
  [
    'where to write the transcript (default: the history folder)',
    '演练记录的保存位置（默认：练习记录文件夹）',
  ],
  ['your name in the transcript', '记入演练记录的姓名'],
  ['your team name in the transcript', '记入演练记录的队伍名称'],
  ['wall-clock countdown per decision (time taken is recorded)', '每个决策按实际时间倒计时（记录所用时间）'],
  [
    'who plays the seats you leave empty with --role: competent | average | weak (default competent)',
    '用 --role 留出的席位由谁担任：competent（称职）| average（一般）| weak（较弱）（默认 competent）',
  ],
  ['wall-clock countdown of 90s per decision', '每个决策按实际时间倒计时 90 秒'],
  [
    'the journal file (printed when you quit, and kept beside the transcript)',
    '日志文件（退出时会显示，并保存在演练记录旁）',
  ],
  ['the scenario file, when it is not a shipped one and has moved', '想定文件（不是内置想定且已被移动时）'],
  ['en | zh-CN (default: the language the drill was started in)', 'en | zh-CN（默认：推演开始时的语言）'],
  [
    'finish without a screen: random | first | last | longest | shortest | numbers | best | worst',
    '无界面推演至结束的策略：random | first | last | longest | shortest | numbers | best | worst',
  ],
  ['finish without a screen with this answers file', '按此答案文件无界面推演至结束'],
  ['print the history as JSON', '以 JSON 输出练习记录'],
  ['transcript (.json) or journal (.jsonl)', '演练记录（.json）或日志（.jsonl）'],
  ['the scenario file, when it is not a shipped one', '想定文件（不是内置想定时）'],
  ['colour even when not writing to a terminal', '即使不输出到终端也使用颜色'],
  ['no colour (so does NO_COLOR)', '不使用颜色（设置 NO_COLOR 也一样）'],
  ['wrap to this width (default: the terminal, else 100)', '按此宽度换行（默认：终端宽度，否则 100）'],
  [
    "aar (the evaluator's full report) | debrief (the participant's handout)",
    'aar（评估员用的完整报告）| debrief（发给参演人员的讲评）',
  ],
  ['md | html | json', 'md | html | json'],
  ['write to this file (default: print)', '写入此文件（默认：直接输出）'],
  [
    'report on a transcript that fails verification (marked as not verified)',
    '为未通过校验的演练记录生成报告（标为未经校验）',
  ],
  ['two or more transcripts of the same scenario and seed', '同一想定、同一种子的两份或多份演练记录'],
  ['include transcripts that fail verification (marked)', '包括未通过校验的演练记录（加标注）'],
  ['print the comparison as JSON', '以 JSON 输出对比结果'],
  ['transcripts (.json, .jsonl) or folders of them', '演练记录（.json、.jsonl）或存放它们的文件夹'],
  [
    'a scenario file the transcripts were recorded on, when not shipped (repeat for several)',
    '演练记录所基于的想定文件（不是内置想定时；多个可重复此选项）',
  ],
  ['a second cohort (transcripts or folders) to compare with', '用来对比的另一批学员（演练记录或文件夹）'],
  [
    'only runs started in this UTC date range, e.g. 2026-10-01..2026-10-31 (either end may be left open)',
    '只统计在此 UTC 日期范围内开始的推演，例如 2026-10-01..2026-10-31（任一端可留空）',
  ],
  [
    'compare with the runs started in this range (from the --against files, else from the same files)',
    '与在此范围内开始的推演对比（取自 --against 的文件，否则取自同一批文件）',
  ],
  ['md | html | json | csv', 'md | html | json | csv'],
  ['a finished transcript (.json) or journal (.jsonl)', '已完成的演练记录（.json）或日志（.jsonl）'],
  ['the capability to rate', '要评定的能力'],
  ['the final rating', '最终评定'],
  ['why (shown in the report beside the proposed rating)', '理由（在报告中显示在建议评定旁）'],
  [
    'overall (default), team:NAME, role:ID or participant:ID',
    'overall（总体，默认）、team:队伍名、role:角色编号 或 participant:参演人员编号',
  ],
  ['the evaluator', '评估员'],
  ['where to write the amended transcript', '修改后的演练记录的保存位置'],
  ['a transcript (.json) or journal (.jsonl)', '演练记录（.json）或日志（.jsonl）'],
  ['the critical task observed (objectives[].tasks[].id)', '所观察的关键任务（objectives[].tasks[].id）'],
  ['the rating observed', '观察到的评定'],
  ['what was observed', '观察到的情况'],
  ['who observed (default: Evaluator)', '观察人（默认：评估员）'],
  [
    'the scenario time observed, e.g. T-70h (default: where the drill stands)',
    '观察时的想定时间，例如 T-70h（默认：推演当前所处的时间）',
  ],
  [
    'require a signature by this public key (hex, or a .pub file)',
    '要求有此公钥的签名（十六进制，或 .pub 文件）',
  ],
  [
    'print { ok, complete, entries, finalStateHash, signature, entry?, reason? } (same exit status)',
    '以 JSON 输出 { ok, complete, entries, finalStateHash, signature, entry?, reason? }（退出码相同）',
  ],
  [
    'replace an existing key (transcripts signed with the old key then need the old .pub)',
    '替换已有的密钥（此后用旧密钥签名的演练记录需用旧的 .pub 核对）',
  ],
  ['scenario files (or shipped ids)', '想定文件（或内置想定的编号）'],
  ['print the diagnostics as JSON', '以 JSON 输出诊断结果'],
  ['write it to a file', '写入文件'],
  ['warnings fail too (exit 1)', '有警告也算不通过（退出码 1）'],
  ['number of playthroughs (default 300)', '推演次数（默认 300）'],
  [
    'seed of the whole run; run i uses <seed>-i (default 1)',
    '整批推演的种子；第 i 次推演用 <seed>-i（默认 1）',
  ],
  ['print the report as JSON', '以 JSON 输出报告'],
  [
    'fail (exit 1) if a decision point or ending was never reached',
    '有决策点或结局从未触发时判为不通过（退出码 1）',
  ],
  [
    'worker threads (default: all cores when the runs would take more than a few seconds; 1 = this thread only)',
    '工作线程数（默认：推演需要数秒以上时用全部核心；1 表示只用当前线程）',
  ],
  [
    'csv | md | xlsx (xlsx needs -o; `drill import msel` reads it back)',
    'csv | md | xlsx（xlsx 需要 -o；可用 `drill import msel` 读回）',
  ],
  ['en | zh-CN', 'en | zh-CN'],
  ['write it to a file instead of printing it', '写入文件而不是直接输出'],
  ['the spreadsheet (.xlsx or .csv)', '表格文件（.xlsx 或 .csv）'],
  ['the scenario file to write (YAML)', '要写出的想定文件（YAML）'],
  ['the scenario id (default: from the file name)', '想定编号（默认：取自文件名）'],
  [
    'the language of the texts, en | zh-CN (default: Chinese when the texts are)',
    '文字的语言，en | zh-CN（默认：文字是中文时为中文）',
  ],
  [
    'the sheet holding the MSEL (default: the first with MSEL headers)',
    'MSEL 所在的工作表（默认：第一张有 MSEL 表头的工作表）',
  ],
  ['csv | xliff (default: from the file name, else csv)', 'csv | xliff（默认：按文件名，否则 csv）'],
  ['source language (default: the scenario’s first language)', '源语言（默认：想定的第一种语言）'],
  ['target language (default: the other one)', '目标语言（默认：另一种语言）'],
  ['only the texts the target language lacks', '只导出目标语言缺少的文字'],
  ['the translated .csv or .xlf/.xliff', '译好的 .csv 或 .xlf/.xliff 文件'],
  ['csv | xliff (default: from the file name)', 'csv | xliff（默认：按文件名）'],
  ['say what would change, write nothing', '只说明会改动什么，不写入'],
  ['mermaid | dot', 'mermaid | dot'],
  ['port to listen on (0: any free port)', '监听的端口（0：任一空闲端口）'],
  [
    "listen on this machine's LAN address so phones and laptops in the room can join",
    '在本机的局域网地址上监听，让教室里的手机和笔记本电脑能加入',
  ],
  ['build the app even when web/dist is up to date', '即使 web/dist 已是最新也重新构建网页应用'],
]);

/** Commander's headings. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

/** A description in Chinese: the table's, else the English (help-words.test.ts keeps the table whole). */
const zh = (en: string): string => HELP_ZH.get(en) ?? en;

/** Commander's placeholders in a usage line or a command's term. */
const usageZh = (s: string): string => s.replace('[options]', '[选项]').replace('[command]', '[命令]');

/**
 * The "(default: "md")" aside commander appends to a description, in Chinese: full-width brackets, 默认.
 * `extra` is what commander put after the description itself.
 */
const asideZh = (extra: string): string =>
  extra
    .replace(/^ ?\((.*)\)$/s, '（$1）')
    .replace(/\bdefault: /g, '默认：')
    .replace(/\bchoices: /g, '可选：')
    .replace(/\bpreset: /g, '预设：')
    .replace(/\benv: /g, '环境变量：')
    .replace(/, /g, '，')
    .replace(/"([^"]*)"/g, '“$1”');

/** Commander's parse errors (its own words) by their English pattern; the rule for `error:` alone last. */
const ERRORS_ZH: readonly (readonly [RegExp, (...m: string[]) => string])[] = [
  [/^error: unknown option '([^']*)'/, (_, f) => `错误：未知的选项“${f}”`],
  [/^error: unknown command '([^']*)'/, (_, c) => `错误：未知的命令“${c}”`],
  [/^error: missing required argument '([^']*)'/, (_, a) => `错误：缺少必需的参数“${a}”`],
  [/^error: option '([^']*)' argument missing/, (_, f) => `错误：选项“${f}”缺少取值`],
  [/^error: required option '([^']*)' not specified/, (_, f) => `错误：必须指定选项“${f}”`],
  [
    /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+): (.*)\.$/s,
    (_, c, n, got, args) =>
      `错误：${c ? `命令“${c}”的` : ''}参数过多：应有 ${n} 个，实际有 ${got} 个：${args.replaceAll(', ', '、')}。`,
  ],
  [/^error: (.*) cannot be used with (.*)$/, (_, a, b) => `错误：${a} 不能与 ${b} 同时使用`],
  [/^error: /, () => '错误：'],
];

/** A commander parse error in Chinese; names, flags and values are kept as typed. */
export function commanderErrorZh(message: string): string {
  const end = message.endsWith('\n') ? '\n' : '';
  const text = message.slice(0, message.length - end.length);
  const rule = ERRORS_ZH.find(([pattern]) => pattern.test(text));
  if (!rule) return message;
  return (
    text
      .replace(rule[0], rule[1])
      .replace(/\n\(Did you mean one of (.*)\?\)/, '\n（是否想输入以下之一：$1？）')
      .replace(/\n\(Did you mean (.*)\?\)/, '\n（是否想输入 $1？）') + end
  );
}

/**
 * Wrap at whitespace as commander does, and also between Chinese characters (which have no spaces
 * between them), never putting closing punctuation first on a line or opening punctuation last.
 */
const CJK = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d';
const CLOSING = '，。、；：？！）》」”';
const OPENING = '（《「“';
const CHUNK = new RegExp(
  `\\s*(?:[${OPENING}]*[^\\s${CJK}]+[${CLOSING}]*|[${OPENING}]*[${CJK}][${CLOSING}]*)`,
  'g',
);
function boxWrapCjk(str: string, width: number, stringWidth: (s: string) => number): string {
  return str
    .split(/\r\n|\n/)
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const chunk of line.match(CHUNK) ?? []) {
        if (current !== '' && stringWidth(current + chunk) > width) {
          lines.push(current);
          current = chunk.trimStart();
        } else current += chunk;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

/**
 * Help and commander's own messages in the terminal's language; English terminals keep commander's.
 * string-width is loaded only for a Chinese terminal (a start-up cost every English command would pay).
 */
export async function speakTerminalLanguage(program: Command): Promise<Command> {
  if (messageLang() !== 'zh-CN') return program;
  const { default: stringWidth } = await import('string-width');
  return program
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      commandUsage: (cmd: Command) => usageZh(Help.prototype.commandUsage.call(new Help(), cmd)),
      subcommandTerm: (cmd: Command) => usageZh(Help.prototype.subcommandTerm.call(new Help(), cmd)),
      commandDescription: (cmd: Command) => zh(cmd.description()),
      subcommandDescription: (cmd: Command) => zh(cmd.summary() || cmd.description()),
      optionDescription: (option: Option) =>
        zh(option.description) +
        asideZh(Help.prototype.optionDescription.call(new Help(), option).slice(option.description.length)),
      argumentDescription: (argument: Argument) =>
        zh(argument.description) +
        asideZh(
          Help.prototype.argumentDescription.call(new Help(), argument).slice(argument.description.length),
        ),
      // A Chinese character takes two columns: pad and wrap by what the terminal shows.
      displayWidth: (s: string) => stringWidth(s),
      boxWrap: (s: string, width: number) => (width < 40 ? s : boxWrapCjk(s, width, stringWidth)),
    })
    .configureOutput({ outputError: (message, write) => write(commanderErrorZh(message)) });
}
