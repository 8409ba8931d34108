import {
  civilTimeAt,
  formatDuration,
  formatScenarioTime,
  localize,
  type Expr,
  type Lang,
  type LocalizedText,
  type Scenario,
} from '@drill/engine';
import { durationText, scenarioTimeText } from '@drill/report';
import { MSEL_COLUMNS, mselHeaders, moduleText, type MselField } from './msel-columns.ts';
import { conditionWords, kindWords } from './msel-words.ts';

export { mselHeaders } from './msel-columns.ts';

/** One row of the Master Scenario Events List. */
export interface MselRow {
  seq: number;
  /** Scenario time (`T-48h`), or how it is triggered when it has no fixed time. */
  time: string;
  /** Local wall-clock time, when the time is fixed. */
  clock: string;
  kind: 'inject' | 'decision' | 'module';
  id: string;
  /** An inject's title, a module's title; '' for a decision. */
  title: string;
  /** An inject's text, a decision's prompt (with its options), a module's summary and key issues. */
  text: string;
  source: string;
  channel: string;
  audience: string;
  expected: string;
  objective: string;
  /** The module it belongs to (its title), or '' without modules. */
  module: string;
  /** The facilitator's note: the MSEL is the exercise controllers' document, never a participant's. */
  notes: string;
  /** The module's id, for sections (not a column). */
  moduleId?: string;
}

const WORDS = {
  en: {
    inject: 'inject',
    decision: 'decision',
    module: 'module',
    discuss: 'Discuss',
    eachRole: 'each role answers',
    moduleStart: 'Module start',
    decide: 'Decide',
    due: 'due',
    when: 'when',
    after: 'after',
    unless: 'unless',
    followUp: 'follow-up of',
    control: 'Exercise control',
    all: 'All roles',
  },
  'zh-CN': {
    inject: '情况',
    decision: '决策',
    module: '模块',
    discuss: '研讨',
    eachRole: '各岗位分别作答',
    moduleStart: '模块开始',
    decide: '决策',
    due: '时限',
    when: '条件',
    after: '之后',
    unless: '除非',
    followUp: '后续：',
    control: '导调组',
    all: '全体角色',
  },
} as const;

const CHANNEL_WORDS: Record<string, { en: string; 'zh-CN': string }> = {
  phone: { en: 'phone', 'zh-CN': '电话' },
  document: { en: 'document', 'zh-CN': '文件' },
  media: { en: 'media', 'zh-CN': '媒体' },
  'social-media': { en: 'social media', 'zh-CN': '社交媒体' },
  'field-report': { en: 'field report', 'zh-CN': '现场报告' },
  'warning-system': { en: 'warning system', 'zh-CN': '预警系统' },
  radio: { en: 'radio', 'zh-CN': '无线电' },
  meeting: { en: 'meeting', 'zh-CN': '会议' },
  email: { en: 'email', 'zh-CN': '电子邮件' },
};

function civil(t0: string, minutes: number): string {
  const c = civilTimeAt(t0, minutes);
  if (!c) return '';
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${c.year}-${p(c.month)}-${p(c.day)} ${p(c.hour)}:${p(c.minute)}`;
}

/**
 * A scenario time as the MSEL writes it: `T-48h` in English (the notation of operations rooms), `T0前48小时`
 * in Chinese, so no Latin unit reaches a Chinese reader. `drill import msel` reads both back.
 */
export function mselTime(minutes: number, lang: Lang): string {
  return lang === 'zh-CN' ? scenarioTimeText(minutes, lang) : formatScenarioTime(minutes);
}

/** A length of time: `2h30m` in English, `2小时30分钟` in Chinese. */
function mselDuration(minutes: number, lang: Lang): string {
  return lang === 'zh-CN' ? durationText(minutes, lang) : formatDuration(minutes);
}

/**
 * The MSEL trainers know: every inject and decision point in time order, with who sends it, through
 * which channel, to whom, the expected action (the decisions it expects and opens) and the objective.
 * Items without a fixed time (follow-ups, condition-only) are placed after their trigger's time and say what triggers them.
 */
export function mselRows(s: Scenario, lang: Lang): MselRow[] {
  const w = WORDS[lang];
  const cond = (e: Expr): string => conditionWords(s, e, lang);
  const L = (t: LocalizedText | undefined): string => localize(t, lang).trim();
  const roleNames = (roles: readonly string[]): string =>
    roles.includes('all')
      ? w.all
      : roles.map((r) => L(s.roles.find((x) => x.id === r)?.name) || r).join(', ');
  const objective = (id: string | undefined): string =>
    id ? `${id}: ${L(s.objectives.find((o) => o.id === id)?.text)}` : '';
  const zh = lang === 'zh-CN';
  const timeText = (m: number): string => mselTime(m, lang);
  const decisionLine = (id: string): string => {
    const d = s.decisions.find((x) => x.id === id);
    if (!d) return id;
    return zh ? `${w.decide}（${id}）：${L(d.prompt)}` : `${w.decide} \`${id}\`: ${L(d.prompt)}`;
  };
  // A condition or a follow-up beside a time, in brackets of the reader's script.
  const aside = (x: string): string => (zh ? `（${x}）` : ` (${x})`);
  /** What a follow-up-only item follows: ids and `+1h` in English; the decision and option in words in Chinese. */
  const followUp = (ts: { from: string; after: number }[]): string =>
    zh
      ? `${w.followUp}${ts
          .map((t) => {
            const [d = '', o = ''] = t.from.split('.');
            const chose: Expr = {
              kind: 'call',
              fn: 'chose',
              args: [
                { kind: 'str', value: d, pos: 0 },
                { kind: 'str', value: o, pos: 0 },
              ],
              pos: 0,
            };
            return `${cond(chose)}${t.after ? `，之后${mselDuration(t.after, lang)}` : ''}`;
          })
          .join('；')}`
      : `${w.followUp} ${ts.map((t) => `${t.from}${t.after ? ` +${formatDuration(t.after)}` : ''}`).join(' / ')}`;

  // When does a follow-up-only item happen at the earliest? After the earliest trigger it has.
  const triggers = (
    kind: 'inject' | 'decision',
    id: string,
  ): { from: string; after: number; at?: number }[] =>
    s.decisions.flatMap((d) =>
      d.options.flatMap((o) =>
        o.then
          .filter((f) => f[kind] === id)
          .map((f) => ({
            from: `${d.id}.${o.id}`,
            after: f.after,
            ...(d.opens !== undefined ? { at: d.opens + f.after } : {}),
          })),
      ),
    );

  const moduleCells = (
    id: string | undefined,
    note: LocalizedText | undefined,
  ): Pick<MselRow, 'module' | 'notes' | 'moduleId'> => ({
    module: L(s.modules.find((m) => m.id === id)?.title),
    notes: L(note),
    ...(id !== undefined ? { moduleId: id } : {}),
  });

  type Pending = { key: number; order: number; row: Omit<MselRow, 'seq'> };
  const rows: Pending[] = [];
  const end = s.clock.end + 1;

  s.injects.forEach((i, n) => {
    let time: string;
    let key: number;
    let clock = '';
    if (i.at !== undefined) {
      time =
        timeText(i.at) +
        (i.when ? aside(`${w.when} ${cond(i.when.ast)}`) : '') +
        (i.unless ? aside(`${w.unless} ${cond(i.unless.ast)}`) : '');
      key = i.at;
      clock = civil(s.clock.t0, i.at);
    } else if (i.when) {
      time =
        `${w.when} ${cond(i.when.ast)}` +
        (i.from !== undefined ? (zh ? `（${timeText(i.from)}起）` : ` (≥ ${timeText(i.from)})`) : '');
      key = i.from ?? end;
    } else {
      const ts = triggers('inject', i.id);
      time = ts.length ? followUp(ts) : '—';
      key = Math.min(end, ...ts.map((t) => t.at ?? end));
    }
    const opened = s.decisions
      .filter((d) => d.opens !== undefined && i.at !== undefined && d.opens === i.at)
      .map((d) => d.id);
    const expected = [...new Set([...i.expects, ...opened])].map(decisionLine).join('; ');
    rows.push({
      key,
      order: n,
      row: {
        time,
        clock,
        kind: 'inject',
        id: i.id,
        title: L(i.title),
        text: L(i.text),
        source: L(i.source),
        channel: CHANNEL_WORDS[i.channel]?.[lang] ?? i.channel,
        audience: roleNames(i.roles),
        expected,
        objective: objective(i.objective),
        ...moduleCells(i.module, i.note),
      },
    });
  });

  s.decisions.forEach((d, n) => {
    let time: string;
    let key: number;
    let clock = '';
    const due =
      'abs' in d.due
        ? timeText(d.due.abs)
        : zh
          ? `开始后${mselDuration(d.due.rel, lang)}`
          : `+${formatDuration(d.due.rel)}`;
    if (d.opens !== undefined) {
      time = timeText(d.opens);
      key = d.opens;
      clock = civil(s.clock.t0, d.opens);
    } else if (d.opensWhen) {
      time = `${w.when} ${cond(d.opensWhen.ast)}`;
      key = end;
    } else {
      const ts = triggers('decision', d.id);
      time = ts.length ? followUp(ts) : '—';
      key = Math.min(end, ...ts.map((t) => t.at ?? end));
    }
    const options = d.options.map((o) => L(o.label)).join(' | ');
    const discussion = d.kind === 'discuss';
    rows.push({
      key,
      order: 1000 + n,
      row: {
        time,
        clock,
        kind: 'decision',
        id: d.id,
        title: '',
        text: discussion ? L(d.prompt) : `${L(d.prompt)} [${options}]`,
        source: w.control,
        channel: '',
        audience: roleNames(d.roles),
        // `drill import msel` reads the kind, `each` and the deadline back from this cell (decisions.ts).
        expected: discussion
          ? `${w.discuss}${d.each === 'role' ? aside(w.eachRole) : ''}${zh ? '，' : ', '}${w.due}${zh ? '：' : ' '}${due}`
          : `${w.decide}${aside(kindWords(d.kind, lang))}${zh ? '，' : ', '}${w.due}${zh ? '：' : ' '}${due}`,
        objective: objective(d.objective),
        ...moduleCells(d.module, d.note),
      },
    });
  });

  // Each module's start is a row of its own: where the drill waits, with its summary and the facilitator's note.
  s.modules.forEach((m, n) =>
    rows.push({
      key: m.at,
      order: -1000 + n,
      row: {
        time: timeText(m.at),
        clock: civil(s.clock.t0, m.at),
        kind: 'module',
        id: m.id,
        title: L(m.title),
        text: moduleText(
          L(m.summary),
          m.keyIssues.map((k) => L(k)),
        ),
        source: w.control,
        channel: '',
        audience: w.all,
        expected: '',
        objective: '',
        module: L(m.title),
        notes: L(m.note),
        moduleId: m.id,
      },
    }),
  );

  return rows.sort((a, b) => a.key - b.key || a.order - b.order).map((p, i) => ({ seq: i + 1, ...p.row }));
}

/** One cell of a row, as every format writes it (the workbook keeps `seq` a number). */
export function mselCell(r: MselRow, field: MselField, lang: Lang): string {
  switch (field) {
    case 'seq':
      return String(r.seq);
    case 'kind':
      return WORDS[lang][r.kind];
    case 'time':
    case 'clock':
    case 'id':
    case 'title':
    case 'text':
    case 'source':
    case 'channel':
    case 'audience':
    case 'expected':
    case 'objective':
    case 'module':
    case 'notes':
      return r[field];
    default: {
      const never: never = field;
      return never;
    }
  }
}

/** A row's cells in column order. */
export function mselCells(r: MselRow, lang: Lang): string[] {
  return MSEL_COLUMNS.map((c) => mselCell(r, c.field, lang));
}

/** One CSV field per RFC 4180: quoted when it holds a comma, quote, line break or edge space; quotes doubled. */
export function csvField(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV with a UTF-8 byte-order mark and CRLF lines, so spreadsheet programs open Chinese text correctly. */
export function mselCsv(s: Scenario, lang: Lang): string {
  const lines = [mselHeaders(lang), ...mselRows(s, lang).map((r) => mselCells(r, lang))].map((row) =>
    row.map(csvField).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function mdCell(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function mselMarkdown(s: Scenario, lang: Lang): string {
  const h = mselHeaders(lang);
  const title =
    lang === 'zh-CN'
      ? `# 演练事件清单 — ${localize(s.title, lang)}（${s.id} ${s.version}）\n\n`
      : `# MSEL — ${localize(s.title, lang)} (${s.id} ${s.version})\n\n`;
  const tableOf = (rows: MselRow[]): string[] => [
    `| ${h.join(' | ')} |`,
    `|${h.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${mselCells(r, lang).map(mdCell).join(' | ')} |`),
  ];
  const rows = mselRows(s, lang);
  if (s.modules.length === 0) return `${title}${tableOf(rows).join('\n')}\n`;
  // Sectioned by module: rows outside any module first, then one section per module.
  const sections = [
    { heading: '', rows: rows.filter((r) => r.moduleId === undefined) },
    ...s.modules.map((m) => ({
      heading: `## ${localize(m.title, lang)}`,
      rows: rows.filter((r) => r.moduleId === m.id),
    })),
  ].filter((x) => x.rows.length > 0);
  return `${title}${sections.map((x) => [...(x.heading ? [x.heading, ''] : []), ...tableOf(x.rows)].join('\n')).join('\n\n')}\n`;
}
