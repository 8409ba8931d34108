import type { Lang, ProposedRating } from '@drill/engine';
import { RATING_NAMES, TERMS, TIMELINESS, type Term } from './glossary.ts';

/**
 * Every word of the report that does not come from the scenario, in both languages. One record per
 * language with the same keys (the type makes a missing translation a compile error).
 */
export interface ReportStrings {
  reportTitle: string;
  subtitle: string;
  /** The report title with its subtitle, as one heading. */
  fullTitle: string;
  contents: string;
  sections: {
    overview: string;
    summary: string;
    score: string;
    objectives: string;
    capabilities: string;
    subjects: string;
    timeline: string;
    outcomes: string;
    plan: string;
    hotWash: string;
    method: string;
    verification: string;
  };
  field: {
    exercise: string;
    date: string;
    scenario: string;
    hazard: string;
    place: string;
    difficulty: string;
    seed: string;
    scenarioTime: string;
    ending: string;
    participants: string;
    teams: string;
    roles: string;
    objectives: string;
    capabilities: string;
    mode: string;
  };
  col: {
    name: string;
    team: string;
    roles: string;
    members: string;
    capability: string;
    objective: string;
    proposed: string;
    final: string;
    credit: string;
    evidence: string;
    time: string;
    event: string;
    details: string;
    measure: string;
    value: string;
    target: string;
    worst: string;
    met: string;
    issue: string;
    action: string;
    responsible: string;
    due: string;
    subject: string;
    score: string;
    decision: string;
    chosen: string;
    timeliness: string;
    part: string;
    weight: string;
  };
  ratingName: Record<ProposedRating, string>;
  ratingLong: Record<ProposedRating, string>;
  timeliness: { 'on-time': string; late: string; missed: string; 'not-reached': string };
  difficulty: Record<'introductory' | 'intermediate' | 'advanced', string>;
  subjectKind: Record<'overall' | 'team' | 'role' | 'participant', string>;
  overall: string;
  decisionsPart: string;
  outcomesPart: string;
  strengths: string;
  improvements: string;
  noStrengths: string;
  noImprovements: string;
  noEvidence: string;
  chose: string;
  allocated: string;
  defaultTaken: string;
  rationale: string;
  feedback: string;
  doctrine: string;
  override: string;
  overriddenBy: string;
  decidedBy: string;
  dueAt: string;
  yes: string;
  no: string;
  partly: string;
  tasks: string;
  ratingsChart: string;
  scoreChart: string;
  scoreSoFar: string;
  creditEarned: string;
  chartAlt: { ratings: string; score: string };
  event: {
    inject: string;
    adhoc: string;
    decision: string;
    variation: string;
    override: string;
    pause: string;
    resume: string;
    start: string;
    end: string;
    module: string;
    notice: string;
  };
  /** Discussion questions, modules and evaluators' observations (discussion-based exercises). */
  discussion: {
    /** The section's title (a section only an exercise with discussions or modules has). */
    title: string;
    intro: string;
    module: string;
    keyIssues: string;
    noModule: string;
    table: string;
    tags: string;
    status: Record<'answered' | 'partly' | 'unanswered' | 'not-reached', string>;
    noAnswer: string;
    observed: string;
    proposed: string;
    noObservation: string;
  };
  verified: string;
  notVerified: (reason: string) => string;
  incomplete: string;
  entries: string;
  finalStateHash: string;
  transcriptHash: string;
  engine: string;
  method: string;
  generatedFrom: string;
  noRationale: string;
  notRated: string;
  none: string;
  of: string;
  page: string;
  /** Banners at the top of every format. */
  banner: {
    notVerified: (reason: string) => string;
    unfinished: (replayed: number, recorded: number) => string;
  };
  simulated: string;
  simulatedNote: string;
  pressure: (seconds: number) => string;
  took: (seconds: string) => string;
  overLimit: (seconds: number) => string;
  cappedBy: string;
  cappedOverall: (before: string) => string;
  seeEvidence: string;
  debrief: {
    title: string;
    score: string;
    ratings: string;
    strengths: string;
    improve: string;
    timeline: string;
    noStrengths: string;
    noImprovements: string;
    rolePlayed: string;
    colleagues: string;
    seeStrength: (n: number) => string;
    seeImprovement: (n: number) => string;
  };
}

const en: ReportStrings = {
  reportTitle: 'After-Action Report',
  subtitle: 'and Improvement Plan',
  fullTitle: 'After-Action Report and Improvement Plan',
  contents: 'Contents',
  sections: {
    overview: 'Exercise overview',
    summary: 'Summary',
    score: 'Overall score',
    objectives: 'Analysis of objectives',
    capabilities: 'Analysis of capabilities',
    subjects: 'Ratings by team, role and participant',
    timeline: 'Timeline of key injects and decisions',
    outcomes: 'Outcomes',
    plan: 'Improvement Plan',
    hotWash: 'Hot-wash questions',
    method: 'How the scoring works',
    verification: 'Verification',
  },
  field: {
    exercise: 'Exercise',
    date: 'Date',
    scenario: 'Scenario',
    hazard: 'Hazard',
    place: 'Setting',
    difficulty: 'Difficulty',
    seed: 'Seed',
    scenarioTime: 'Scenario time',
    ending: 'Ending',
    participants: 'Participants',
    teams: 'Teams',
    roles: 'Roles',
    objectives: 'Objectives',
    capabilities: 'Capabilities',
    mode: 'Mode',
  },
  col: {
    name: 'Name',
    team: 'Team',
    roles: 'Roles',
    members: 'Members',
    capability: 'Capability',
    objective: 'Objective',
    proposed: 'Proposed',
    final: 'Final',
    credit: 'Credit',
    evidence: 'Evidence',
    time: 'Time',
    event: 'Event',
    details: 'Details',
    measure: 'Measure',
    value: 'Value',
    target: 'Target',
    worst: 'Worst',
    met: 'Met',
    issue: 'Issue',
    action: 'Corrective action',
    responsible: 'Responsible',
    due: 'Due',
    subject: 'Subject',
    score: 'Score',
    decision: 'Decision',
    chosen: 'Chosen',
    timeliness: 'Timeliness',
    part: 'Part',
    weight: 'Weight',
  },
  ratingName: { P: 'P', S: 'S', M: 'M', U: 'U', 'not-rated': 'not rated' },
  ratingLong: inLang(RATING_NAMES, 'en'),
  timeliness: {
    'on-time': TIMELINESS['on-time'].en,
    late: TIMELINESS.late.en,
    missed: `${TIMELINESS.missed.en} (${TERMS.defaultTaken.en})`,
    'not-reached': TIMELINESS['not-reached'].en,
  },
  difficulty: { introductory: 'introductory', intermediate: 'intermediate', advanced: 'advanced' },
  subjectKind: { overall: 'Overall', team: 'Team', role: 'Role', participant: 'Participant' },
  overall: 'Overall',
  decisionsPart: 'Decisions',
  outcomesPart: 'Outcomes',
  strengths: 'Strengths',
  improvements: 'Areas for improvement',
  noStrengths: 'No capability was rated P or S.',
  noImprovements: 'Every decision earned full credit and every capability was rated P.',
  noEvidence: 'No decision scoring this capability was reached.',
  chose: 'Chose',
  allocated: 'Allocated',
  defaultTaken: 'No decision in time; the default was taken',
  rationale: 'Rationale',
  feedback: 'Feedback',
  doctrine: 'Reference',
  override: 'Evaluator override',
  overriddenBy: 'by',
  decidedBy: 'by',
  dueAt: 'due',
  yes: 'yes',
  no: 'no',
  partly: 'partly',
  tasks: 'Critical tasks',
  ratingsChart: 'Capability ratings',
  scoreChart: 'Score over scenario time',
  scoreSoFar: 'Score so far',
  creditEarned: 'Decision credit earned (of all decisions)',
  chartAlt: {
    ratings: 'Bar chart of the credit of each capability, with the P/S/M/U thresholds',
    score: 'Line chart of the score over scenario time',
  },
  event: {
    inject: 'Inject',
    adhoc: 'Ad-hoc inject',
    decision: 'Decision',
    variation: 'Development',
    override: 'Override',
    pause: 'Paused',
    resume: 'Resumed',
    start: 'Drill started',
    end: 'Drill ended',
    module: 'Module',
    notice: 'Notice',
  },
  discussion: {
    title: 'Discussion',
    intro:
      'Open questions have no right answer and are never scored: the answers are recorded as given, for the debrief.',
    module: 'Module',
    keyIssues: 'Key issues',
    noModule: 'Outside any module',
    table: 'The table',
    tags: 'Capabilities discussed',
    status: {
      answered: 'discussed',
      partly: 'partly answered',
      unanswered: 'no answer recorded',
      'not-reached': 'not reached',
    },
    noAnswer: 'no answer',
    observed: 'Evaluator observations',
    proposed: 'proposed from the decisions',
    noObservation: 'no observation recorded',
  },
  verified:
    'Verified: the transcript was replayed, its hash chain holds and every recorded score was recomputed and found equal.',
  notVerified: (r) => `NOT VERIFIED: ${r}`,
  incomplete: 'The drill is unfinished: the transcript holds no result yet.',
  entries: 'Entries replayed',
  finalStateHash: 'Final state hash',
  transcriptHash: 'Last entry hash',
  engine: 'Engine',
  method:
    'Each decision earns credit from 0 to 1 for the quality of what was chosen (the scenario scores every option), reduced when it was late by the decay the scenario sets per hour, and 0 when the deadline was missed. A capability’s credit is the weighted mean credit of the decisions that are its evidence, rated P at 85% or more, S at 60%, M at 35% and U below; with no evidence it is not rated. An objective is rated by its weakest rated capability. The overall score (0–100) is 75% decisions and 25% outcomes, where each outcome is scored between its worst value and its target. An evaluator may override any rating with a note; both the proposed and the final rating are shown.',
  generatedFrom: 'Generated by drill from the transcript of this exercise.',
  noRationale: 'no rationale given',
  notRated: 'not rated',
  none: 'none',
  of: 'of',
  page: 'Page',
  banner: {
    notVerified: (r) =>
      `${TERMS.notVerified.en}: ${r}. This report shows only what the transcript records up to that point; nothing in it is a checked result.`,
    unfinished: (n, m) =>
      n < m
        ? `Unfinished: ${n} of ${m} entries could be replayed. The score below is the score so far, not the drill's result.`
        : "Unfinished: the drill did not run to its end. The score below is the score so far, not the drill's result.",
  },
  simulated: TERMS.simulatedColleague.en,
  simulatedNote: `decided by a ${TERMS.simulatedColleague.en}: shown, not charged to the player`,
  pressure: (s) => `Pressure mode: ${s} s per decision`,
  took: (s) => `took ${s}`,
  overLimit: (s) => `over the ${s} s limit`,
  cappedBy: 'Capped by outcome',
  cappedOverall: (b) => `capped by outcomes (${b} before the cap)`,
  seeEvidence: 'evidence under',
  debrief: {
    title: 'Participant debrief',
    score: 'Your score',
    ratings: 'Capability ratings',
    strengths: 'Three strengths',
    improve: 'Three things to improve',
    timeline: 'Key moments',
    noStrengths: 'No decision earned full credit on time.',
    noImprovements: 'Every decision earned full credit and every capability was rated P.',
    rolePlayed: 'Seat played',
    colleagues: 'Other seats',
    seeStrength: (n) => `see strength ${n} below`,
    seeImprovement: (n) => `see improvement ${n} below`,
  },
};

const zh: ReportStrings = {
  reportTitle: '演练评估报告',
  subtitle: '及改进计划',
  fullTitle: '演练评估报告及改进计划',
  contents: '目录',
  sections: {
    overview: '演练概况',
    summary: '总体评价',
    score: '总分',
    objectives: '演练目标分析',
    capabilities: '能力分析',
    subjects: '按队伍、角色和参演人员的评定',
    timeline: '关键情景注入与决策时间线',
    outcomes: '处置结果',
    plan: '改进计划',
    hotWash: '即时讲评讨论题',
    method: '评分方法说明',
    verification: '校验',
  },
  field: {
    exercise: '演练',
    date: '日期',
    scenario: '想定',
    hazard: '灾种',
    place: '背景',
    difficulty: '难度',
    seed: '随机种子',
    scenarioTime: '想定时间',
    ending: '结局',
    participants: '参演人员',
    teams: '队伍',
    roles: '角色',
    objectives: '演练目标',
    capabilities: '能力',
    mode: '方式',
  },
  col: {
    name: '姓名',
    team: '队伍',
    roles: '角色',
    members: '成员',
    capability: '能力',
    objective: '目标',
    proposed: '建议评定',
    final: '最终评定',
    credit: '得分率',
    evidence: '依据',
    time: '时间',
    event: '事件',
    details: '详情',
    measure: '指标',
    value: '结果',
    target: '目标值',
    worst: '最差值',
    met: '达成',
    issue: '问题',
    action: '改进措施',
    responsible: '责任角色',
    due: '完成时限',
    subject: '对象',
    score: '得分',
    decision: '决策',
    chosen: '选择',
    timeliness: '时效',
    part: '组成',
    weight: '权重',
  },
  ratingName: { P: 'P', S: 'S', M: 'M', U: 'U', 'not-rated': '未评定' },
  ratingLong: inLang(RATING_NAMES, 'zh-CN'),
  timeliness: {
    'on-time': TIMELINESS['on-time']['zh-CN'],
    late: TIMELINESS.late['zh-CN'],
    missed: `${TIMELINESS.missed['zh-CN']}（${TERMS.defaultTaken['zh-CN']}）`,
    'not-reached': TIMELINESS['not-reached']['zh-CN'],
  },
  difficulty: { introductory: '入门', intermediate: '中级', advanced: '高级' },
  subjectKind: { overall: '总体', team: '队伍', role: '角色', participant: '参演人员' },
  overall: '总体',
  decisionsPart: '决策',
  outcomesPart: '结果',
  strengths: '做得好的方面',
  improvements: '需要改进的方面',
  noStrengths: '没有能力被评为P或S。',
  noImprovements: '所有决策均获满分，所有能力均评为P。',
  noEvidence: '没有触发评估该能力的决策。',
  chose: '选择',
  allocated: '分配',
  defaultTaken: '未在时限内决策，按默认选项处理',
  rationale: '理由',
  feedback: '点评',
  doctrine: '依据文件',
  override: '评估员调整',
  overriddenBy: '调整人',
  decidedBy: '决策人',
  dueAt: '时限',
  yes: '是',
  no: '否',
  partly: '部分',
  tasks: '关键任务',
  ratingsChart: '能力评定',
  scoreChart: '得分随想定时间变化',
  scoreSoFar: '截至目前得分',
  creditEarned: '已获决策得分（占全部决策）',
  chartAlt: {
    ratings: '各能力得分率条形图，标出P/S/M/U分界线',
    score: '得分随想定时间变化折线图',
  },
  event: {
    inject: '情景注入',
    adhoc: '临时注入',
    decision: '决策',
    variation: '态势变化',
    override: '评估员调整',
    pause: '暂停',
    resume: '继续',
    start: '演练开始',
    end: '演练结束',
    module: '模块',
    notice: '通报',
  },
  discussion: {
    title: '研讨情况',
    intro: '研讨问题没有标准答案，不计分：按各方发言如实记录，供复盘讨论。',
    module: '模块',
    keyIssues: '重点问题',
    noModule: '不属于任何模块',
    table: '全体',
    tags: '涉及能力',
    status: {
      answered: '已研讨',
      partly: '部分作答',
      unanswered: '未记录发言',
      'not-reached': '未进行到',
    },
    noAnswer: '未作答',
    observed: '评估员观察记录',
    proposed: '依据决策给出的建议评级',
    noObservation: '无观察记录',
  },
  verified: '已校验：已重放演练记录，哈希链完整，所有记录的得分经重新计算完全一致。',
  notVerified: () => '未通过校验：演练记录与重放结果不符。',
  incomplete: '演练尚未结束：记录中还没有结果。',
  entries: '重放条目数',
  finalStateHash: '最终状态哈希',
  transcriptHash: '最后条目哈希',
  engine: '引擎',
  method:
    '每项决策按所选方案的质量得0至1分（想定为每个选项设定分值）；延迟决策按想定规定的每小时衰减扣分，超过时限未决策得0分。某项能力的得分率为其依据决策得分的加权平均：85%及以上评为P，60%及以上为S，35%及以上为M，低于35%为U；没有依据则不评定。每个演练目标取其所含已评定能力中的最低评定。总分（0–100）中决策占75%、结果指标占25%，每项结果指标在最差值与目标值之间计分。评估员可以附说明调整任何评定，报告同时列出建议评定和最终评定。',
  generatedFrom: '本报告由drill根据本次演练记录生成。',
  noRationale: '未说明理由',
  notRated: '未评定',
  none: '无',
  of: '/',
  page: '页',
  banner: {
    // The engine's reason is English: a Chinese reader gets what it means for the report instead.
    notVerified: () =>
      `${TERMS.notVerified['zh-CN']}：演练记录未通过校验。本报告只列出记录到出错处为止所载的内容，其中没有经过核实的结果。`,
    unfinished: (n, m) =>
      n < m
        ? `演练未完成：${m}条记录中只能重放${n}条。下面的分数是截至目前的得分，不是演练结果。`
        : '演练未完成：演练没有进行到结束。下面的分数是截至目前的得分，不是演练结果。',
  },
  simulated: TERMS.simulatedColleague['zh-CN'],
  simulatedNote: `${TERMS.simulatedDecision['zh-CN']}：仅供参考，不计入参演人员得分`,
  pressure: (s) => `${TERMS.pressureMode['zh-CN']}：每项决策限时${s}秒`,
  took: (s) => `用时${s}`,
  overLimit: (s) => `超过${s}秒限时`,
  cappedBy: '受结果指标限制',
  cappedOverall: (b) => `受结果指标限制（限制前${b}分）`,
  seeEvidence: '依据见',
  debrief: {
    title: '参演人员讲评',
    score: '得分',
    ratings: '能力评定',
    strengths: '三个做得好的方面',
    improve: '三项需要改进的地方',
    timeline: '关键时刻',
    noStrengths: '没有按时获得满分的决策。',
    noImprovements: '所有决策均获满分，所有能力均评为P。',
    rolePlayed: '所任席位',
    colleagues: '其他席位',
    seeStrength: (n) => `见下文做得好的方面第${n}条`,
    seeImprovement: (n) => `见下文需要改进的第${n}条`,
  },
};

function inLang<K extends string>(terms: Record<K, Term>, lang: Lang): Record<K, string> {
  return Object.fromEntries(Object.entries<Term>(terms).map(([k, t]) => [k, t[lang]])) as Record<K, string>;
}

export const STRINGS: Record<Lang, ReportStrings> = { en, 'zh-CN': zh };

export function stringsFor(lang: Lang): ReportStrings {
  return STRINGS[lang];
}
