import { EMPTY_ANSWER, OBSERVATION_NEEDS_NOTE, OBSERVED_OUTSIDE_CLOCK } from '../discussion.ts';
import type { Rejection } from '../step.ts';
import { HAS_DIRECTION_MARKS } from './commands.ts';
import type { Lang } from '../text.ts';

/** Why the table refused a command: a stable code plus a sentence in the sender's language. */
export type TableRefusalCode =
  | 'malformed'
  | 'unknown-team'
  | 'not-your-team'
  | 'not-your-seat'
  | 'trainer-only'
  | 'stale'
  /** The drill was closed (after its debrief): it is final and takes no input of any kind. */
  | 'closed'
  | 'engine';

const WORDS: Record<Exclude<TableRefusalCode, 'engine'>, Record<Lang, string>> = {
  malformed: { en: 'this request is not well-formed', 'zh-CN': '请求格式不正确' },
  'unknown-team': { en: 'there is no such team in this drill', 'zh-CN': '本次演练没有这个小组' },
  'not-your-team': { en: 'you can act only for your own team', 'zh-CN': '只能为本组操作' },
  'not-your-seat': {
    en: 'this decision belongs to a seat you do not hold',
    'zh-CN': '这项决策属于你未担任的岗位',
  },
  'trainer-only': { en: 'only the trainer can do this', 'zh-CN': '只有导调人员可以进行此操作' },
  stale: {
    en: 'the drill moved on since you looked: check the screen and try again',
    'zh-CN': '演练进程已更新，请查看最新画面后再试',
  },
  closed: {
    en: 'this drill is closed: its record is final and nothing more can be added or changed',
    'zh-CN': '本次演练已结束归档，记录不可再增加或更改',
  },
};

/** Every code the table refuses with in its own words (the engine's refusals have their own table). */
export const TABLE_REFUSAL_CODES = Object.keys(WORDS) as Exclude<TableRefusalCode, 'engine'>[];

export function refusalWords(code: Exclude<TableRefusalCode, 'engine'>, lang: Lang): string {
  return WORDS[code][lang];
}

const ENGINE_ZH: Record<Rejection['code'], string> = {
  malformed: '输入格式不正确',
  'wrong-phase': '演练当前阶段不能进行此操作',
  'unknown-participant': '没有这个参演人员',
  'unknown-decision': '没有这项决策',
  'decision-not-open': '这项决策尚未开始',
  'decision-closed': '这项决策已经关闭',
  'role-not-allowed': '这项决策不属于该岗位',
  'option-not-offered': '所选选项当前不可选',
  'bad-choice': '选择不符合这项决策的要求（数量或分配额度）',
  'unknown-role': '没有这个岗位',
  'unknown-capability': '没有这项能力',
  'duplicate-id': '编号重复',
  'bad-correction': '无法更正：没有可替换的决策记录，或更正后的选择不被接受',
  'unknown-task': '本想定没有这个关键任务',
  'not-saved': '未能保存，操作没有生效',
};

/** Every engine rejection code (the record above is exhaustive over them; a test checks the words). */
export const ENGINE_REFUSAL_CODES = Object.keys(ENGINE_ZH) as Rejection['code'][];

/** `bad-choice` refusals that are not about a choice's count or allocation, in Chinese by their reason. */
const BAD_CHOICE_ZH: Record<string, string> = {
  [EMPTY_ANSWER]: '回答内容为空，请填写后再提交',
  [OBSERVATION_NEEDS_NOTE]: '观察记录需要填写说明',
  [OBSERVED_OUTSIDE_CLOCK]: '观察时刻不在想定时间范围内',
};

/** The engine's refusal for a person: its reason in English (written for people), a plain sentence in Chinese. */
export function engineRefusalWords(r: Rejection, lang: Lang): string {
  if (lang !== 'zh-CN') return r.reason;
  if (r.code === 'bad-choice' && Object.hasOwn(BAD_CHOICE_ZH, r.reason)) return BAD_CHOICE_ZH[r.reason]!;
  return ENGINE_ZH[r.code];
}

/** A command's fields by name in Chinese (a refusal names the field without English words). */
const FIELD_ZH: Record<string, string> = {
  type: '操作类型',
  team: '小组',
  decision: '决策',
  options: '选项',
  allocation: '分配',
  rationale: '理由',
  elapsedMs: '用时',
  minutes: '分钟数',
  roles: '岗位',
  role: '岗位',
  text: '内容',
  title: '标题',
  channel: '渠道',
  urgency: '紧急程度',
  capability: '能力',
  subject: '评价对象',
  rating: '评级',
  note: '说明',
  task: '关键任务',
  at: '时刻',
};

/** What a schema check found wrong, as much as a refusal tells the sender. */
export interface MalformedIssue {
  code: string;
  path: readonly PropertyKey[];
  origin?: string;
  message?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
}

/**
 * The malformed refusal naming the field at fault and, when it broke a limit, the limit (a rationale
 * over 2,000 characters says so rather than "not well-formed").
 */
export function malformedWords(issue: MalformedIssue | undefined, lang: Lang): string {
  const base = WORDS.malformed[lang];
  const top = issue?.path.find((p): p is string => typeof p === 'string');
  if (!issue || top === undefined) return base;
  const en = `"${issue.path.map(String).join('.')}"`;
  const zh = Object.hasOwn(FIELD_ZH, top) ? FIELD_ZH[top]! : '其中一项';
  if (issue.code === 'custom' && issue.message === HAS_DIRECTION_MARKS)
    return lang === 'zh-CN'
      ? `${base}：${zh}含有改变文字显示方向的控制字符（U+202A–U+202E、U+2066–U+2069），请删除后再提交`
      : `${base}: ${en} contains direction-override characters (U+202A–U+202E, U+2066–U+2069) that change how it reads`;
  const limit =
    issue.code === 'too_big' ? issue.maximum : issue.code === 'too_small' ? issue.minimum : undefined;
  if (limit === undefined) return lang === 'zh-CN' ? `${base}：${zh}无效` : `${base}: ${en} is not valid`;
  const n = String(limit);
  const big = issue.code === 'too_big';
  switch (issue.origin) {
    case 'string':
      return lang === 'zh-CN'
        ? `${base}：${zh}${big ? `过长，最多${n}个字符` : `过短，至少${n}个字符`}`
        : `${base}: ${en} is too ${big ? 'long' : 'short'} (${big ? 'at most' : 'at least'} ${n} characters)`;
    case 'array':
      return lang === 'zh-CN'
        ? `${base}：${zh}${big ? `过多，最多${n}项` : `过少，至少${n}项`}`
        : `${base}: ${en} has too ${big ? 'many' : 'few'} entries (${big ? 'at most' : 'at least'} ${n})`;
    default:
      return lang === 'zh-CN'
        ? `${base}：${zh}${big ? `过大，最大为${n}` : `过小，最小为${n}`}`
        : `${base}: ${en} is too ${big ? 'large' : 'small'} (${big ? 'at most' : 'at least'} ${n})`;
  }
}
