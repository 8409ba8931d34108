import { LANGUAGES } from '@drill/engine';
import { MSEL_COLUMNS, type MselField } from '../views/msel-columns.ts';

export type { MselField } from '../views/msel-columns.ts';

/**
 * Header words per field, in English and Chinese, as trainers write them (HSEEP MSEL templates, Chinese
 * 演练脚本/情景清单 tables) and as `drill msel` writes them. Compared after `headerKey` (case, spaces and
 * punctuation ignored).
 */
export const HEADER_WORDS: Record<MselField, readonly string[]> = {
  seq: ['#', 'no', 'nr', 'number', 'seq', 'sequence', 'serial', '序号', '编码顺序'],
  time: [
    'time',
    'scenario time',
    'exercise time',
    'event time',
    'inject time',
    'T',
    'T time',
    'hour',
    'day',
    'timing',
    '时间',
    '想定时间',
    '推演时间',
    '演练时间',
    '情景时间',
    '时间节点',
    '时间点',
  ],
  clock: [
    'local time',
    'clock',
    'clock time',
    'date',
    'date time',
    'real time',
    'actual time',
    '当地时间',
    '实际时间',
    '日期',
    '时刻',
  ],
  kind: ['type', 'kind', 'item type', '类型', '类别'],
  id: ['id', 'inject id', 'inject #', 'inject no', 'inject number', 'ref', '编号', '情况编号', '注入编号'],
  module: ['module', 'phase', 'stage', 'part', 'section', '模块', '阶段', '环节', '场景'],
  title: ['title', 'headline', 'subject', 'event', '标题', '事件', '题目'],
  text: [
    'inject',
    'inject text',
    'inject description',
    'inject decision',
    'description',
    'content',
    'message',
    'scenario',
    'situation',
    'details',
    'event description',
    'event synopsis',
    'synopsis',
    '情景',
    '内容',
    '情况',
    '情景内容',
    '情况描述',
    '情况决策',
    '注入内容',
    '事件描述',
    '情景描述',
  ],
  source: [
    'from',
    'source',
    'sender',
    'sent by',
    'originator',
    '发送方',
    '来源',
    '发送',
    '发出方',
    '发布单位',
    '信息来源',
  ],
  channel: [
    'channel',
    'method',
    'mode',
    'delivery',
    'delivery method',
    'means',
    '渠道',
    '方式',
    '传递方式',
    '发送方式',
  ],
  audience: [
    'to',
    'audience',
    'recipient',
    'recipients',
    'receiver',
    'player',
    'intended player',
    'intended players',
    'players',
    'responder',
    'role',
    'roles',
    '接收方',
    '对象',
    '接收对象',
    '接收',
    '角色',
    '响应方',
  ],
  expected: [
    'expected action',
    'expected actions',
    'expected response',
    'expected player action',
    'expected outcome',
    'response',
    '预期行动',
    '预期响应',
    '预期处置',
    '预期动作',
    '期望行动',
  ],
  objective: ['objective', 'objectives', 'capability', 'core capability', '目标', '演练目标'],
  notes: [
    'notes',
    'note',
    'remarks',
    'comments',
    'controller notes',
    'facilitator notes',
    '备注',
    '说明',
    '导调说明',
    '导调备注',
    '注释',
  ],
};

/**
 * How a header is compared: Unicode-normalised (full-width letters become ASCII), lower case, without
 * spaces, punctuation or a parenthesised remark — `Expected Action`, `expected_action`, `预期行动（参考）`
 * and `Inject / decision` all reduce to one key.
 */
export function headerKey(h: string): string {
  const s = h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '');
  const key = s.replace(/[\s_\-/\\.:;,'"!?·、，：；＊*]+/g, '');
  return key || s.replace(/\s+/g, '');
}

const BY_KEY = new Map<string, MselField>();
// What `drill msel` writes is always read back, whatever words are listed above.
for (const c of MSEL_COLUMNS) for (const l of LANGUAGES) BY_KEY.set(headerKey(c.header[l]), c.field);
for (const [field, words] of Object.entries(HEADER_WORDS) as [MselField, readonly string[]][])
  for (const w of words) if (!BY_KEY.has(headerKey(w))) BY_KEY.set(headerKey(w), field);

/**
 * The field a header names, or undefined for a header the importer does not know. A header giving
 * alternatives (`发送方/来源`, `To / Audience`) names the field of its first known part.
 */
export function fieldOf(header: string): MselField | undefined {
  const whole = BY_KEY.get(headerKey(header));
  if (whole) return whole;
  for (const part of header.split(/[/／|｜]/)) {
    const f = part.trim() ? BY_KEY.get(headerKey(part)) : undefined;
    if (f) return f;
  }
  return undefined;
}

/** `time`, `scenario time`, `时间` …: the words a trainer can use for a field, for messages. */
export function wordsFor(field: MselField, lang: 'en' | 'zh-CN' = 'en'): string {
  const cjk = /[\u4e00-\u9fff]/;
  return lang === 'zh-CN'
    ? HEADER_WORDS[field]
        .filter((w) => cjk.test(w))
        .slice(0, 6)
        .map((w) => `“${w}”`)
        .join('、')
    : HEADER_WORDS[field]
        .slice(0, 6)
        .map((w) => `"${w}"`)
        .join(', ');
}
