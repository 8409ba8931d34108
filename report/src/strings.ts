import type { Lang, ProposedRating } from '@drill/engine';

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
  hazard: Record<'typhoon' | 'flood' | 'rainstorm' | 'earthquake' | 'other', string>;
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
  lateBy: (minutes: string) => string;
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
  ratingLong: {
    P: 'Performed without challenges',
    S: 'Performed with some challenges',
    M: 'Performed with major challenges',
    U: 'Unable to be performed',
    'not-rated': 'Not rated (no evidence)',
  },
  timeliness: {
    'on-time': 'on time',
    late: 'late',
    missed: 'missed (default taken)',
    'not-reached': 'not reached',
  },
  hazard: {
    typhoon: 'Typhoon',
    flood: 'Flood',
    rainstorm: 'Rainstorm',
    earthquake: 'Earthquake',
    other: 'Other',
  },
  difficulty: { introductory: 'introductory', intermediate: 'intermediate', advanced: 'advanced' },
  subjectKind: { overall: 'Overall', team: 'Team', role: 'Role', participant: 'Participant' },
  overall: 'Overall',
  decisionsPart: 'Decisions',
  outcomesPart: 'Outcomes',
  strengths: 'Strengths',
  improvements: 'Areas for improvement',
  noStrengths: 'No capability was rated P or S.',
  noImprovements: 'No decision fell short.',
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
  lateBy: (m) => `${m} late`,
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
  ratingLong: {
    P: '顺利完成（无明显问题）',
    S: '基本完成（存在一些问题）',
    M: '勉强完成（存在较大问题）',
    U: '未能完成',
    'not-rated': '未评定（无依据）',
  },
  timeliness: { 'on-time': '按时', late: '延迟', missed: '超时（采用默认选项）', 'not-reached': '未触发' },
  hazard: { typhoon: '台风', flood: '洪水', rainstorm: '暴雨', earthquake: '地震', other: '其他' },
  difficulty: { introductory: '入门', intermediate: '中级', advanced: '高级' },
  subjectKind: { overall: '总体', team: '队伍', role: '角色', participant: '参演人员' },
  overall: '总体',
  decisionsPart: '决策',
  outcomesPart: '结果',
  strengths: '做得好的方面',
  improvements: '需要改进的方面',
  noStrengths: '没有能力被评为P或S。',
  noImprovements: '没有明显失分的决策。',
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
  lateBy: (m) => `延迟${m}`,
  yes: '是',
  no: '否',
  partly: '部分',
  tasks: '关键任务',
  ratingsChart: '能力评定',
  scoreChart: '得分随想定时间变化',
  scoreSoFar: '当前得分',
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
  },
  verified: '已校验：已重放演练记录，哈希链完整，所有记录的得分经重新计算完全一致。',
  notVerified: (r) => `未通过校验：${r}`,
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
};

export const STRINGS: Record<Lang, ReportStrings> = { en, 'zh-CN': zh };

export function stringsFor(lang: Lang): ReportStrings {
  return STRINGS[lang];
}
