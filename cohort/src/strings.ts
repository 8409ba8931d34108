import type { Lang, ProposedRating } from '@drill/engine';

/** Every word the cohort report prints, in both languages (a Chinese report shows no English label). */
export interface CohortStrings {
  title: string;
  overview: string;
  runs: string;
  excludedHead: string;
  excludedNone: string;
  people: string;
  teams: string;
  dates: string;
  modes: string;
  version: string;
  scores: string;
  scoreLine: (median: string, q1: string, q3: string, min: string, max: string) => string;
  bin: string;
  count: string;
  outcomes: string;
  measure: string;
  target: string;
  medianCol: string;
  range: string;
  reachedTarget: string;
  endings: string;
  heatmap: string;
  heatmapNote: string;
  subject: string;
  overall: string;
  decisions: string;
  decisionsNote: string;
  decision: string;
  choices: string;
  onTime: string;
  late: string;
  missed: string;
  medianTime: string;
  lost: string;
  costly: string;
  costlyLine: (what: string, share: string) => string;
  feedback: string;
  divergence: string;
  divergenceLine: (decision: string, runs: number, share: string) => string;
  stayed: (runs: number) => string;
  progress: string;
  progressNone: string;
  attempts: string;
  firstLatest: string;
  comparison: string;
  against: (runsA: number, runsB: number) => string;
  compareNone: string;
  difference: (what: string, a: string, b: string, diff: string, beyond: boolean, p: string) => string;
  overallWhat: string;
  cohortA: string;
  cohortB: string;
  ratingName: Record<ProposedRating, string>;
  none: string;
  seconds: string;
  mode: (m: string) => string;
  notVerified: string;
  /** After a label, before its value. */
  colon: string;
}

const en: CohortStrings = {
  title: 'Cohort report',
  overview: 'Overview',
  runs: 'Runs analysed',
  excludedHead: 'Left out (did not verify)',
  excludedNone: 'Every transcript verified.',
  people: 'Participants',
  teams: 'Teams',
  dates: 'Dates',
  modes: 'Modes',
  version: 'Scenario version',
  scores: 'Score distribution',
  scoreLine: (m, q1, q3, min, max) => `Median ${m} (middle half ${q1}–${q3}; range ${min}–${max}).`,
  bin: 'Score',
  count: 'Runs',
  outcomes: 'Outcomes',
  measure: 'Measure',
  target: 'Target',
  medianCol: 'Median',
  range: 'Range',
  reachedTarget: 'Reached target',
  endings: 'Endings',
  heatmap: 'Capabilities',
  heatmapNote: 'One row per participant or team (their latest run); P/S/M/U as in the AAR.',
  subject: 'Participant / team',
  overall: 'Overall',
  decisions: 'Decisions, by credit lost',
  decisionsNote:
    'Shares are of the runs that decided; on time / late / missed are of the runs that reached the decision. Credit lost = the sum over runs of best minus credit earned.',
  decision: 'Decision',
  choices: 'Choices',
  onTime: 'On time',
  late: 'Late',
  missed: 'Missed',
  medianTime: 'Median time taken',
  lost: 'Credit lost',
  costly: 'Most common costly choice',
  costlyLine: (what, s) => `${what} (${s} of the runs that decided)`,
  feedback: 'Feedback',
  divergence: 'Where runs first left the best path',
  divergenceLine: (d, n, s) => `${d}: ${n} run${n === 1 ? '' : 's'} (${s})`,
  stayed: (n) => `${n} run${n === 1 ? '' : 's'} stayed on the best path throughout.`,
  progress: 'Progress between attempts',
  progressNone: 'Nobody made more than one attempt.',
  attempts: 'Attempts',
  firstLatest: 'first → latest',
  comparison: 'This cohort against the other',
  against: (a, b) => `Cohort A: ${a} runs; cohort B: ${b} runs (same scenario version).`,
  compareNone: 'The two cohorts played no scenario version in common: nothing to compare.',
  difference: (what, a, b, d, beyond, p) =>
    beyond
      ? `${what}: cohort B averaged ${b} against A's ${a} (${d}). A gap this large came up in only ${p} of random re-splits of the runs: more than seed variation explains.`
      : `${what}: cohort B averaged ${b} against A's ${a} (${d}). Random re-splits of the runs give a gap this large ${p} of the time: within what seed variation explains, so it does not show a real difference.`,
  overallWhat: 'Overall score',
  cohortA: 'A',
  cohortB: 'B',
  ratingName: { P: 'P', S: 'S', M: 'M', U: 'U', 'not-rated': '—' },
  none: '—',
  seconds: 's',
  mode: (m) =>
    m === 'unknown' ? 'not recorded' : m.startsWith('auto:') ? `automatic (${m.slice(5)} policy)` : m,
  notVerified: 'verification failed',
  colon: ': ',
};

// A Map, not an object: a mode read from a transcript is never looked up on a prototype.
const ZH_MODES = new Map([
  ['unknown', '未记录'],
  ['interactive', '交互'],
  ['answers', '答案文件'],
  ['pressure', '限时'],
  ['classroom', '课堂'],
  ['solo', '单人'],
]);

// The automatic players' policies (and the colleague levels) by what they do: a reader of the report is
// not the one who typed `--auto random`.
const ZH_POLICIES = new Map([
  ['random', '随机选择'],
  ['first', '总选第一项'],
  ['last', '总选最后一项'],
  ['longest', '总选最长的选项'],
  ['shortest', '总选最短的选项'],
  ['numbers', '总选数字最多的选项'],
  ['best', '最优'],
  ['worst', '最差'],
  ['competent', '称职'],
  ['average', '一般'],
  ['weak', '较弱'],
]);

const zh: CohortStrings = {
  title: '学员整体报告',
  overview: '概况',
  runs: '分析的演练记录',
  excludedHead: '未计入（校验未通过）',
  excludedNone: '全部记录均通过校验。',
  people: '参演人员',
  teams: '队伍',
  dates: '日期',
  modes: '模式',
  version: '情景版本',
  scores: '得分分布',
  scoreLine: (m, q1, q3, min, max) => `中位数 ${m}（中间一半 ${q1}–${q3}；范围 ${min}–${max}）。`,
  bin: '得分',
  count: '次数',
  outcomes: '结果指标',
  measure: '指标',
  target: '目标',
  medianCol: '中位数',
  range: '范围',
  reachedTarget: '达到目标',
  endings: '结局',
  heatmap: '能力评定',
  heatmapNote: '每名参演人员或每支队伍一行（取其最近一次演练）；P/S/M/U 与复盘报告一致。',
  subject: '参演人员 / 队伍',
  overall: '总分',
  decisions: '决策（按失分排序）',
  decisionsNote:
    '选项比例以作出该决策的记录为分母；按时/延迟/错过时限以到达该决策的记录为分母。失分 = 各记录（最优得分 − 实得分）之和。',
  decision: '决策',
  choices: '选择',
  onTime: '按时',
  late: '延迟',
  missed: '错过时限',
  medianTime: '用时中位数',
  lost: '失分',
  costly: '最常见的失分选择',
  costlyLine: (what, s) => `${what}（作出该决策者中占 ${s}）`,
  feedback: '反馈',
  divergence: '首次偏离最优路径之处',
  divergenceLine: (d, n, s) => `${d}：${n} 次（${s}）`,
  stayed: (n) => `${n} 次演练始终保持在最优路径上。`,
  progress: '多次演练的进步',
  progressNone: '没有人演练超过一次。',
  attempts: '次数',
  firstLatest: '首次 → 最近',
  comparison: '本批与另一批对比',
  against: (a, b) => `A 批：${a} 次演练；B 批：${b} 次演练（同一情景版本）。`,
  compareNone: '两批学员没有演练过同一情景版本，无法对比。',
  difference: (what, a, b, d, beyond, p) =>
    beyond
      ? `${what}：B 批平均 ${b}，A 批 ${a}（${d}）。随机重新分组只有 ${p} 的情况出现这么大的差距：超出了种子差异所能解释的范围。`
      : `${what}：B 批平均 ${b}，A 批 ${a}（${d}）。随机重新分组有 ${p} 的情况出现这么大的差距：在种子差异可解释的范围内，不能说明两批确有差别。`,
  overallWhat: '总分',
  cohortA: 'A',
  cohortB: 'B',
  ratingName: { P: 'P', S: 'S', M: 'M', U: 'U', 'not-rated': '—' },
  none: '—',
  seconds: '秒',
  mode: (m) =>
    ZH_MODES.get(m) ?? (m.startsWith('auto:') ? `自动（${ZH_POLICIES.get(m.slice(5)) ?? m.slice(5)}）` : m),
  notVerified: '校验未通过',
  colon: '：',
};

export function cohortStrings(lang: Lang): CohortStrings {
  switch (lang) {
    case 'en':
      return en;
    case 'zh-CN':
      return zh;
    default: {
      const never: never = lang;
      return never;
    }
  }
}
