import { compileScenario, type Lang, type Scenario } from '@drill/engine';
import { fieldOf, headerKey, wordsFor, type MselField } from './headers.ts';
import { RoleBook } from './roles.ts';
import { cellRef, columnName, type CellValue, type Sheet, type Table } from './table.ts';
import { skeleton } from './skeleton.ts';
import { readExpected, splitPrompt, type ImportedDecision } from './decisions.ts';
import { formatT0, parseClockCell, parseTimeCell } from './times.ts';
import { splitModuleText } from '../views/msel-columns.ts';

/** One problem with the spreadsheet, at the cell a trainer can fix. */
export interface MselDiagnostic {
  severity: 'error' | 'warning';
  /** `msel.xlsx:Sheet1!C7` */
  where: string;
  message: string;
  /** The same in Chinese (`drill import msel` in Chinese mode). */
  zh: string;
}

export function formatMselDiagnostic(d: MselDiagnostic, lang: Lang = 'en'): string {
  return lang === 'zh-CN'
    ? `${d.where}：${d.severity === 'error' ? '错误' : '警告'}：${d.zh}`
    : `${d.where}: ${d.severity}: ${d.message}`;
}

/** Quoted items joined as each language lists them. */
const quoted = (xs: readonly string[], lang: Lang): string =>
  lang === 'zh-CN' ? xs.map((x) => `“${x}”`).join('、') : xs.map((x) => `"${x}"`).join(', ');

/** An inject as read from one row: what the skeleton gets, and what a round trip compares. */
export interface ImportedInject {
  id: string;
  /** Scenario minutes; undefined when the row gives no fixed time (a follow-up, a condition). */
  at?: number;
  roles: string[];
  source?: string;
  channel: string;
  title?: string;
  text: string;
  /** The facilitator's note (the notes column). */
  note?: string;
  /** The module it is listed under, when its time alone would not place it there. */
  module?: string;
  /** The decision points its expected action names (`Decide \`warn\`: …`), when they were imported. */
  expects?: string[];
  /** The expected-action cell, to link it to the decisions once every row is read. */
  expected?: string;
  /** Where the row is, for messages. */
  where: string;
}

/** A module as read from its start row (or from the first row naming it in the module column). */
export interface ImportedModule {
  id: string;
  /** Scenario minutes: the start row's time, else the first timed inject listed under it. */
  at: number;
  title: string;
  summary?: string;
  keyIssues: string[];
  note?: string;
  where: string;
}

export interface MselImport {
  /** The scenario skeleton (YAML), or undefined when there are errors. */
  yaml?: string;
  /** The skeleton compiled (the check that it loads), with `yaml`: what loading the written file gives. */
  scenario?: Scenario;
  diagnostics: MselDiagnostic[];
  modules: ImportedModule[];
  injects: ImportedInject[];
  decisions: ImportedDecision[];
  lang: Lang;
}

export interface MselImportOptions {
  /** The scenario id; default from the file name. */
  id?: string;
  /** The language the texts are in; default: Chinese when any text has Chinese characters. */
  lang?: Lang;
  /** Which sheet holds the MSEL; default the first one with recognisable headers. */
  sheet?: string;
  /** The file the skeleton will be written to (for the compile check's messages). */
  out?: string;
}

const CHANNEL_WORDS: Record<string, readonly string[]> = {
  phone: ['phone', 'telephone', 'phone call', 'call', '电话', '电话通知'],
  document: ['document', 'doc', 'notice', 'memo', 'letter', 'fax', 'written', '文件', '通知', '传真', '书面'],
  media: ['media', 'news', 'tv', 'television', 'press', 'newspaper', '媒体', '新闻', '电视', '报纸'],
  'social-media': [
    'social media',
    'social-media',
    'weibo',
    'wechat',
    'twitter',
    '社交媒体',
    '微博',
    '微信',
    '网络',
  ],
  'field-report': ['field report', 'field-report', 'report', 'site report', '现场报告', '报告', '现场'],
  'warning-system': [
    'warning system',
    'warning-system',
    'warning',
    'alert',
    'siren',
    '预警系统',
    '预警',
    '警报',
  ],
  radio: ['radio', 'walkie-talkie', '无线电', '对讲机', '广播'],
  meeting: ['meeting', 'briefing', 'conference', '会议', '会商'],
  email: ['email', 'e-mail', 'mail', '电子邮件', '邮件'],
};
const CHANNEL_BY_WORD = new Map<string, string>();
for (const [id, words] of Object.entries(CHANNEL_WORDS))
  for (const w of words) CHANNEL_BY_WORD.set(headerKey(w), id);

const KIND_DECISION = new Set([
  'decision',
  'decisionpoint',
  'question',
  'discussion',
  '决策',
  '决策点',
  '问题',
  '研讨',
  '讨论',
]);
/** A module's start row (`drill msel` writes one per module): a section heading, not an inject. */
const KIND_MODULE = new Set(['module', 'modulestart', '模块', '模块开始']);
const KIND_INJECT = new Set(['inject', 'event', 'message', '情况', '注入', '事件', '情景']);
const ID = /^[a-z][a-z0-9_-]*$/;
const CJK = /[\u3400-\u9fff]/;

function str(v: CellValue | undefined): string {
  if (v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 16).replace('T', ' ');
  return String(v).trim();
}

/** One line for a YAML comment: line breaks become " / ". */
function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, ' / ');
}

interface HeaderRow {
  row: number;
  cols: Partial<Record<MselField, number>>;
  headers: { col: number; text: string; field?: MselField }[];
}

/** The header row: among the first rows, the one naming the most MSEL columns (title rows above it are skipped). */
function findHeader(sheet: Sheet): HeaderRow | undefined {
  let best: HeaderRow | undefined;
  let bestCount = 0;
  for (const r of sheet.rows.slice(0, 12)) {
    const headers = r.cells.flatMap((c, i) => {
      const text = str(c);
      return text ? [{ col: i + 1, text, field: fieldOf(text) }] : [];
    });
    const count = new Set(headers.flatMap((h) => (h.field ? [h.field] : []))).size;
    if (count > bestCount) {
      const cols: HeaderRow['cols'] = {};
      for (const h of headers) if (h.field && cols[h.field] === undefined) cols[h.field] = h.col;
      best = { row: r.row, cols, headers };
      bestCount = count;
    }
  }
  return bestCount >= 2 ? best : undefined;
}

const sheetIs = (s: Sheet, names: string[]): boolean => names.includes(headerKey(s.name));

/**
 * Reads an MSEL spreadsheet into a scenario skeleton: roles, and one inject per row with its time, audience,
 * source, channel, title and text. What a spreadsheet cannot say (capabilities, decisions with scored
 * options, conditions over variables) is left as TODO comments, never invented. Every problem is listed
 * with its cell; with any error there is no skeleton.
 */
export function importMsel(t: Table, o: MselImportOptions = {}): MselImport {
  const ds: MselDiagnostic[] = [];
  const err = (where: string, message: string, zh: string): void =>
    void ds.push({ severity: 'error', where, message, zh });
  const warn = (where: string, message: string, zh: string): void =>
    void ds.push({ severity: 'warning', where, message, zh });

  const rolesSheet = t.sheets.find((s) => sheetIs(s, ['roles', 'role', '角色', '角色表']));
  const aboutSheet = t.sheets.find((s) => sheetIs(s, ['scenario', 'about', '想定', '想定信息', '概况']));
  let sheet: Sheet | undefined;
  let header: HeaderRow | undefined;
  if (o.sheet !== undefined) {
    sheet = t.sheets.find((s) => s.name === o.sheet);
    if (!sheet) {
      err(
        t.file,
        `no sheet named "${o.sheet}": the sheets are ${quoted(
          t.sheets.map((s) => s.name),
          'en',
        )}`,
        `没有名为“${o.sheet}”的工作表：现有 ${quoted(
          t.sheets.map((s) => s.name),
          'zh-CN',
        )}`,
      );
      return { diagnostics: ds, modules: [], injects: [], decisions: [], lang: o.lang ?? 'en' };
    }
    header = findHeader(sheet);
  } else
    for (const s of t.sheets) {
      if (s === rolesSheet || s === aboutSheet) continue;
      const h = findHeader(s);
      if (h && h.cols.time !== undefined) {
        sheet = s;
        header = h;
        break;
      }
      sheet ??= s;
      header ??= h;
    }
  if (!sheet || sheet.rows.length === 0) {
    err(
      t.file,
      'the spreadsheet is empty: it needs a header row (time, from, to, inject, …) and one row per inject',
      '表格是空的：需要一行表头（时间、发送方、接收方、注入内容……），每条注入一行',
    );
    return { diagnostics: ds, modules: [], injects: [], decisions: [], lang: o.lang ?? 'en' };
  }
  const first = sheet.rows[0]!;
  const found = (h: HeaderRow | undefined, lang: Lang): string => {
    const zh = lang === 'zh-CN';
    if (h) {
      const list = quoted(
        h.headers.map((x) => x.text),
        lang,
      );
      return zh ? `找到的表头是 ${list}（第 ${h.row} 行）` : `the headers found are ${list} (row ${h.row})`;
    }
    const cells = first.cells.map(str).filter(Boolean);
    const list = cells.length ? quoted(cells, lang) : zh ? '空白' : 'nothing';
    return zh ? `第 ${first.row} 行是 ${list}` : `row ${first.row} holds ${list}`;
  };
  if (!header || header.cols.time === undefined || (header.cols.text ?? header.cols.title) === undefined) {
    const at = cellRef(t, sheet.name, header?.row ?? first.row);
    if (!header || header.cols.time === undefined)
      err(
        at,
        `no time column: ${found(header, 'en')}; name the scenario-time column ${wordsFor('time')}`,
        `没有时间列：${found(header, 'zh-CN')}；请把想定时间列命名为 ${wordsFor('time', 'zh-CN')}`,
      );
    if (!header || (header.cols.text ?? header.cols.title) === undefined)
      err(
        at,
        `no inject-text column: ${found(header, 'en')}; name it ${wordsFor('text')}`,
        `没有注入内容列：${found(header, 'zh-CN')}；请把它命名为 ${wordsFor('text', 'zh-CN')}`,
      );
    return { diagnostics: ds, modules: [], injects: [], decisions: [], lang: o.lang ?? 'en' };
  }
  for (const h of header.headers)
    if (!h.field)
      warn(
        cellRef(t, sheet.name, header.row, h.col),
        `column ${columnName(h.col)} "${h.text}" is not an MSEL column drill knows, so it is left out (known: time, module, from, to, channel, title, inject, expected action, objective, notes, id, type)`,
        `第 ${columnName(h.col)} 列“${h.text}”不是 drill 认识的 MSEL 列，已略去（认识的列：时间、阶段、发送方、接收方、渠道、标题、注入内容、预期行动、目标、备注、编号、类型）`,
      );
    else if (header.cols[h.field] !== h.col)
      warn(
        cellRef(t, sheet.name, header.row, h.col),
        `column ${columnName(h.col)} "${h.text}" repeats the ${h.field} column ${columnName(header.cols[h.field]!)}: only the first is read`,
        `第 ${columnName(h.col)} 列“${h.text}”与第 ${columnName(header.cols[h.field]!)} 列重复：只读取前一列`,
      );

  const cols = header.cols;
  const cell = (cells: (CellValue | undefined)[], f: MselField): CellValue | undefined =>
    cols[f] === undefined ? undefined : cells[cols[f] - 1];
  const body = sheet.rows.filter((r) => r.row > header.row && r.cells.some((c) => str(c) !== ''));

  // The texts' language: Chinese when most rows are written in it (an English text may quote a 《title》).
  const chinese = body.filter((r) =>
    CJK.test(str(cell(r.cells, 'text')) + str(cell(r.cells, 'title'))),
  ).length;
  const lang: Lang = o.lang ?? (chinese * 2 > body.length ? 'zh-CN' : 'en');

  const book = new RoleBook(lang);
  if (rolesSheet) readRoles(t, rolesSheet, book, lang, err);
  const about = aboutSheet ? readAbout(aboutSheet) : new Map<string, string>();

  const injects: ImportedInject[] = [];
  const decisions: ImportedDecision[] = [];
  const comments = new Map<string, string[]>();
  const decisionComments = new Map<string, string[]>();
  const decisionIds = new Map<string, string>();
  const decisionNotes: string[] = [];
  const ids = new Map<string, string>();
  const t0s: { t0: number; where: string }[] = [];
  // Modules in the order the sheet lists them; each inject row is listed under the one above it.
  const sections: Section[] = [];
  let section: Section | undefined;
  const sectionFor = (title: string, where: string): Section => {
    const found = sections.find((x) => x.title === title);
    if (found) return found;
    const x: Section = { title, keyIssues: [], where, injects: [] };
    sections.push(x);
    return x;
  };
  const readModuleRow = (x: Section, cells: (CellValue | undefined)[]): void => {
    const id = str(cell(cells, 'id'));
    if (id && ID.test(id) && !sections.some((y) => y !== x && y.id === id)) x.id = id;
    const time = parseTimeCell(cell(cells, 'time'));
    if (time.kind === 'at') x.at = time.minutes;
    const textCell = str(cell(cells, 'text'));
    const body = splitModuleText(textCell === x.title ? '' : textCell);
    if (body.summary) x.summary = body.summary;
    x.keyIssues = body.keyIssues;
    const note = str(cell(cells, 'notes'));
    if (note) x.note = note;
  };

  /** The id as written (lower-cased if need be), or made from the row number. */
  const cleanId = (idRaw: string, prefix: string, row: number, fallback: string, at: string): string => {
    if (!idRaw) return fallback;
    if (ID.test(idRaw)) return idRaw;
    const fixed = idRaw
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '_')
      .replace(/^[^a-z]+/, '');
    let id = fixed ? fixed : `${prefix}_${idRaw.replace(/[^0-9]+/g, '') || row}`;
    if (!ID.test(id)) id = `${prefix}_${row}`;
    warn(
      at,
      `id "${idRaw}" is written as \`${id}\` (ids are lower-case letters, digits, _ or -)`,
      `编号“${idRaw}”写作 \`${id}\`（编号只能用小写字母、数字、_ 或 -）`,
    );
    return id;
  };

  /**
   * A decision row: a real `decisions:` entry when the row says enough — the question, its options (for
   * a scored one), who decides, when it opens and its deadline — with TODOs only for what an MSEL cannot
   * hold (scores, feedback, the capability). An allocation (a budget and a score expression) stays a TODO.
   */
  const readDecisionRow = (
    cells: (CellValue | undefined)[],
    row: number,
    where: (f?: MselField) => string,
  ): ImportedDecision | undefined => {
    const title = str(cell(cells, 'title'));
    const text = (cols.text === undefined ? title : str(cell(cells, 'text'))) || title;
    const timeRaw = cell(cells, 'time');
    const audience = str(cell(cells, 'audience'));
    const expected = readExpected(str(cell(cells, 'expected')));
    const { prompt, options } = splitPrompt(text);
    const kind = expected.kind ?? (options.length ? 'single' : 'discuss');
    const idRaw = str(cell(cells, 'id'));
    const listed = (why: string): undefined => {
      decisionNotes.push(
        `${idRaw || '(no id)'} at ${str(timeRaw) || '?'} for ${audience || '?'}: ${oneLine(text)} (${where()}): ${why}`,
      );
      return undefined;
    };
    if (!prompt) return listed('no question in the row');
    if (kind === 'allocate')
      return listed('an allocation needs a budget and a score, which an MSEL does not give');
    if (kind !== 'discuss' && options.length < 2)
      return listed('a scored decision needs its options, written after the question as [option | option]');

    const id = cleanId(
      idRaw,
      'decision',
      row,
      `decision_${String(decisions.length + 1).padStart(2, '0')}`,
      where('id'),
    );
    const dup = decisionIds.get(id);
    if (dup) {
      err(
        where('id'),
        `decision id \`${id}\` is already used by ${dup}: every decision needs its own id`,
        `决策编号 \`${id}\` 已被 ${dup} 使用：每个决策都要有自己的编号`,
      );
      return undefined;
    }
    decisionIds.set(id, where());

    const notes: string[] = [`from ${where()}`];
    const time = parseTimeCell(timeRaw);
    if (time.kind === 'error') err(where('time'), time.message, time.zh);
    else if (time.kind === 'none')
      notes.push(
        time.trigger
          ? `TODO: no fixed time in the MSEL ("${oneLine(time.trigger)}"): give it \`opens:\`, an \`opensWhen:\` condition, or open it from an option's \`then\``
          : "TODO: no time in the MSEL: give it `opens:`, or open it from an option's `then`",
      );
    else if (time.trigger)
      notes.push(`TODO: the MSEL adds a condition ("${oneLine(time.trigger)}"): write it as \`opensWhen:\``);
    let roles = audience ? book.resolve(audience) : [];
    if (roles.length === 0) {
      roles = ['all'];
      notes.push('TODO: the MSEL names no one to decide: `roles: [all]` until you name them');
    }
    if (expected.badDue !== undefined)
      warn(
        where('expected'),
        `deadline "${expected.badDue}" is not a time: write it as T-2h (a time) or +1h (after the decision opens)`,
        `时限“${expected.badDue}”不是时间：写成 T-2h（时刻）或 +1h（决策开启后多久）`,
      );
    if (!expected.due && kind !== 'discuss')
      notes.push('TODO: the MSEL gives no deadline: `due: +1h` until you set one');
    const objective = str(cell(cells, 'objective'));
    if (objective)
      notes.push(
        `TODO objective (declare it with its capabilities, then set \`objective\`): ${oneLine(objective)}`,
      );
    if (kind !== 'discuss')
      notes.push(
        'TODO: the scores, feedback, default and capability: an MSEL lists the options, not how good each one is',
      );
    const note = str(cell(cells, 'notes'));
    const d: ImportedDecision = {
      id,
      kind,
      each: expected.each && kind === 'discuss' && !roles.includes('all'),
      ...(time.kind === 'at' ? { at: time.minutes } : {}),
      roles,
      prompt,
      options: kind === 'discuss' ? [] : options,
      ...(expected.due ? { due: expected.due } : {}),
      ...(note ? { note } : {}),
      where: where(),
    };
    decisionComments.set(id, notes);
    decisions.push(d);
    return d;
  };

  for (const r of body) {
    const where = (f?: MselField): string => cellRef(t, sheet.name, r.row, f ? cols[f] : undefined);
    const kindText = str(cell(r.cells, 'kind'));
    const title = str(cell(r.cells, 'title'));
    const textCell = str(cell(r.cells, 'text'));
    const text = cols.text === undefined ? title : textCell;
    const timeRaw = cell(r.cells, 'time');
    const moduleCell = str(cell(r.cells, 'module'));
    const kind = headerKey(kindText);
    // A module's start row (`drill msel` writes one): its id, time, title, summary and key issues, note.
    if (KIND_MODULE.has(kind)) {
      const name = title || moduleCell;
      if (!name) {
        warn(
          where(cols.title === undefined ? 'module' : 'title'),
          'a module row without a title: left out',
          '阶段行没有标题：已略去',
        );
        continue;
      }
      section = sectionFor(name, where());
      readModuleRow(section, r.cells);
      continue;
    }
    if (moduleCell && moduleCell !== section?.title) section = sectionFor(moduleCell, where('module'));
    // A row naming only a module is a section heading.
    if (!text && !title && str(timeRaw) === '' && moduleCell) continue;

    if (KIND_DECISION.has(kind)) {
      const d = readDecisionRow(r.cells, r.row, where);
      if (d) section?.injects.push(d);
      continue;
    }
    if (kindText && !KIND_INJECT.has(kind))
      warn(
        where('kind'),
        `type "${kindText}" is neither an inject nor a decision: the row is read as an inject`,
        `类型“${kindText}”既不是注入也不是决策：这一行按注入读取`,
      );

    if (!text) {
      err(
        where(cols.text === undefined ? 'title' : 'text'),
        'the row has no inject text',
        '这一行没有注入内容',
      );
      continue;
    }

    const id = cleanId(
      str(cell(r.cells, 'id')),
      'inject',
      r.row,
      `inject_${String(injects.length + 1).padStart(2, '0')}`,
      where('id'),
    );
    const dup = ids.get(id);
    if (dup) {
      err(
        where('id'),
        `id \`${id}\` is already used by ${dup}: every inject needs its own id`,
        `编号 \`${id}\` 已被 ${dup} 使用：每条注入都要有自己的编号`,
      );
      continue;
    }
    ids.set(id, where());

    const time = parseTimeCell(timeRaw);
    const notes: string[] = [`from ${where()}`];
    if (time.kind === 'error') err(where('time'), time.message, time.zh);
    else if (time.kind === 'none')
      notes.push(
        time.trigger
          ? `TODO: no fixed time in the MSEL ("${oneLine(time.trigger)}"): give it \`at:\`, a \`when:\` condition, or deliver it from an option's \`then\``
          : "TODO: no time in the MSEL: give it `at:`, or deliver it from an option's `then`",
      );
    else if (time.trigger)
      notes.push(
        `TODO: the MSEL adds a condition ("${oneLine(time.trigger)}"): write it as \`when:\` or \`unless:\``,
      );
    const at = time.kind === 'at' ? time.minutes : undefined;

    const clock = parseClockCell(cell(r.cells, 'clock'));
    if (clock !== undefined && at !== undefined) t0s.push({ t0: clock - at, where: where('clock') });

    const audience = str(cell(r.cells, 'audience'));
    let roles = audience ? book.resolve(audience) : [];
    if (roles.length === 0) {
      roles = ['all'];
      notes.push('TODO: the MSEL names no recipient: `roles: [all]` until you name them');
      warn(
        where(cols.audience === undefined ? undefined : 'audience'),
        'no recipient ("to"): the inject goes to all roles',
        '没有接收方（“接收方”列）：这条注入发给全部角色',
      );
    }

    const sourceText = str(cell(r.cells, 'source'));
    if (!sourceText) notes.push('TODO: who sends it? (the MSEL has no "from")');

    const channelText = str(cell(r.cells, 'channel'));
    let channel = channelText ? CHANNEL_BY_WORD.get(headerKey(channelText)) : undefined;
    if (!channel) {
      if (channelText)
        warn(
          where('channel'),
          `channel "${channelText}" is not one drill knows: written as \`document\` (use ${Object.keys(CHANNEL_WORDS).join(', ')})`,
          `渠道“${channelText}”不是 drill 认识的渠道：记为 \`document\`（可用 ${Object.keys(CHANNEL_WORDS).join('、')}）`,
        );
      notes.push(
        `TODO: channel${channelText ? ` "${channelText}"` : ''}: ${Object.keys(CHANNEL_WORDS).join(', ')}`,
      );
      channel = 'document';
    }

    const expected = str(cell(r.cells, 'expected'));
    if (expected)
      notes.push(
        `TODO expected action (write the decision point, then list it under \`expects\`): ${oneLine(expected)}`,
      );
    const objective = str(cell(r.cells, 'objective'));
    if (objective)
      notes.push(
        `TODO objective (declare it with its capabilities, then set \`objective\`): ${oneLine(objective)}`,
      );
    const note = str(cell(r.cells, 'notes'));
    comments.set(id, notes);
    const inject: ImportedInject = {
      id,
      ...(at !== undefined ? { at } : {}),
      roles,
      ...(sourceText ? { source: sourceText } : {}),
      channel,
      ...(title && cols.text !== undefined ? { title } : {}),
      text,
      ...(note ? { note } : {}),
      ...(expected ? { expected } : {}),
      where: where(),
    };
    injects.push(inject);
    section?.injects.push(inject);
  }

  const modules = placeModules(sections, warn);
  linkExpected(injects, new Set(decisionIds.keys()), comments);

  if (body.length === 0)
    err(
      cellRef(t, sheet.name, header.row),
      'no rows below the header: nothing to import',
      '表头下面没有内容：没有可导入的',
    );
  else if (injects.length === 0 && decisions.length === 0 && !ds.some((d) => d.severity === 'error'))
    err(
      cellRef(t, sheet.name, header.row),
      'no inject rows (every row is a decision): nothing to import',
      '没有注入行（每一行都是决策）：没有可导入的',
    );

  let t0: string | undefined = about.get('t0');
  if (t0s.length) {
    const firstT0 = t0s[0]!;
    t0 = formatT0(firstT0.t0);
    for (const x of t0s)
      if (x.t0 !== firstT0.t0) {
        warn(
          x.where,
          `the local time does not match the scenario time as the rows above do (T0 = ${t0}): the local times are only shown, T0 is taken from the first row`,
          `当地时间与想定时间的对应和上面各行不一致（T0 = ${t0}）：当地时间只作显示，T0 取自第一行`,
        );
        break;
      }
  }

  if (ds.some((d) => d.severity === 'error')) return { diagnostics: ds, modules, injects, decisions, lang };

  const yaml = skeleton({
    id: o.id ?? 'imported',
    lang,
    about,
    t0,
    roles: book,
    modules,
    injects,
    comments,
    decisions,
    decisionComments,
    decisionNotes,
    file: t.file,
  });
  // The skeleton must load: a failure here is the importer's fault, reported at the row it came from.
  const compiled = compileScenario({ path: o.out ?? 'drill.yaml', text: yaml });
  if (!compiled.ok)
    for (const d of compiled.diagnostics.filter((x) => x.severity === 'error')) {
      const n = /^(injects|modules|decisions)\[(\d+)\]/.exec(d.path);
      const list = { injects, modules, decisions } as const;
      const row = n ? list[n[1] as keyof typeof list][Number(n[2])] : undefined;
      err(
        row?.where ?? t.file,
        `the skeleton does not load: ${d.message}${d.path ? ` (at ${d.path})` : ''}`,
        `生成的想定骨架无法加载：${d.message}${d.path ? `（位于 ${d.path}）` : ''}`,
      );
    }
  return ds.some((d) => d.severity === 'error')
    ? { diagnostics: ds, modules, injects, decisions, lang }
    : {
        yaml,
        ...(compiled.ok ? { scenario: compiled.scenario } : {}),
        diagnostics: ds,
        modules,
        injects,
        decisions,
        lang,
      };
}

/** `Decide \`warn\`: …` / `决策（warn）：…`: how `drill msel` names a decision in an expected-action cell. */
const EXPECTED_DECISION =
  /(?:Decide\s*`([a-z][a-z0-9_-]*)`\s*:|决策\s*[（(]([a-z][a-z0-9_-]*)[)）]\s*[：:])/g;

/**
 * An inject's expected action names the decision points it calls for: those the MSEL also lists as
 * decision rows become its `expects`. When the cell names nothing else, its TODO comment goes.
 */
function linkExpected(
  injects: ImportedInject[],
  decisions: ReadonlySet<string>,
  comments: Map<string, string[]>,
): void {
  for (const i of injects) {
    if (!i.expected) continue;
    const named = [...i.expected.matchAll(EXPECTED_DECISION)].map((m) => m[1] ?? m[2]!);
    const known = [...new Set(named.filter((id) => decisions.has(id)))];
    if (known.length === 0) continue;
    i.expects = known;
    const parts = i.expected.split(/;\s*(?=Decide\s*`|决策\s*[（(])/);
    if (known.length === named.length && parts.length === named.length)
      comments.set(
        i.id,
        (comments.get(i.id) ?? []).filter((l) => !l.startsWith('TODO expected action')),
      );
  }
}

/** A module as the sheet lists it, before its start time is settled. */
interface Section {
  title: string;
  id?: string;
  at?: number;
  summary?: string;
  keyIssues: string[];
  note?: string;
  where: string;
  /** The injects and decisions listed under it. */
  injects: (ImportedInject | ImportedDecision)[];
}

/**
 * The modules the skeleton declares: each starts at its start row's time, else at its first timed inject;
 * a module with no time, or not after the one before, cannot be one (the drill pauses at each start in
 * time order) and is left out with a warning, its injects staying where their times put them. An inject
 * is given `module:` only where its time would place it in another module (or in none).
 */
function placeModules(
  sections: Section[],
  warn: (where: string, message: string, zh: string) => void,
): ImportedModule[] {
  const modules: (ImportedModule & { section: Section })[] = [];
  const used = new Set(sections.flatMap((x) => (x.id ? [x.id] : [])));
  let n = 0;
  for (const x of sections) {
    const at = x.at ?? x.injects.find((i) => i.at !== undefined)?.at;
    const before = modules.at(-1);
    if (at === undefined) {
      warn(
        x.where,
        `module "${oneLine(x.title)}" has no time (no start row with a time, no timed inject): left out`,
        `阶段“${oneLine(x.title)}”没有时间（没有带时间的开始行，也没有定时的注入）：已略去`,
      );
      continue;
    }
    if (before && at <= before.at) {
      warn(
        x.where,
        `module "${oneLine(x.title)}" starts at or before module "${oneLine(before.title)}": modules start one after another, so it is left out`,
        `阶段“${oneLine(x.title)}”不晚于阶段“${oneLine(before.title)}”开始：各阶段须依次开始，因此已略去`,
      );
      continue;
    }
    let id = x.id;
    while (id === undefined || (id !== x.id && used.has(id))) id = `m${++n}`;
    used.add(id);
    modules.push({
      id,
      at,
      title: x.title,
      ...(x.summary ? { summary: x.summary } : {}),
      keyIssues: x.keyIssues,
      ...(x.note ? { note: x.note } : {}),
      where: x.where,
      section: x,
    });
  }
  for (const m of modules)
    for (const i of m.section.injects) {
      const byTime = i.at === undefined ? undefined : modules.filter((y) => y.at <= i.at!).at(-1);
      if (byTime !== m) i.module = m.id;
    }
  return modules.map(({ section: _s, ...m }) => m);
}

/** Roles sheet: an id column and one name column per language (`Name (en)`, `名称（zh-CN）`…). */
function readRoles(
  t: Table,
  s: Sheet,
  book: RoleBook,
  lang: Lang,
  err: (where: string, message: string, zh: string) => void,
): void {
  const [head, ...rows] = s.rows;
  if (!head) return;
  let idCol: number | undefined;
  const nameCols: { col: number; lang: Lang }[] = [];
  head.cells.forEach((c, i) => {
    const h = str(c);
    if (!h) return;
    const k = headerKey(h);
    if (idCol === undefined && (k === 'id' || k === '编号' || k === 'roleid' || k === '角色编号')) idCol = i;
    else if (/zh|中文|汉|chinese/i.test(h)) nameCols.push({ col: i, lang: 'zh-CN' });
    else if (/\ben\b|english|英文/i.test(h)) nameCols.push({ col: i, lang: 'en' });
    else nameCols.push({ col: i, lang });
  });
  if (idCol === undefined) {
    err(
      cellRef(t, s.name, head.row),
      `the roles sheet has no "id" column: found ${quoted(head.cells.map(str).filter(Boolean), 'en')}`,
      `角色表没有“编号”（id）列：找到的是 ${quoted(head.cells.map(str).filter(Boolean), 'zh-CN')}`,
    );
    return;
  }
  for (const r of rows) {
    const id = str(r.cells[idCol]);
    if (!id) continue;
    if (!ID.test(id)) {
      err(
        cellRef(t, s.name, r.row, idCol + 1),
        `role id "${id}" is not an id: lower-case letters, digits, _ or -, starting with a letter`,
        `角色编号“${id}”不是合法编号：只能用小写字母、数字、_ 或 -，并以字母开头`,
      );
      continue;
    }
    const names: Partial<Record<Lang, string>> = {};
    for (const c of nameCols) {
      const n = str(r.cells[c.col]);
      if (n) names[c.lang] = n;
    }
    if (!book.addListed(id, names))
      err(
        cellRef(t, s.name, r.row, idCol + 1),
        `role id \`${id}\` is listed twice`,
        `角色编号 \`${id}\` 列了两次`,
      );
  }
}

/** Scenario sheet: one `field | value` pair per row (id, version, title, hazard, t0, start, end). */
function readAbout(s: Sheet): Map<string, string> {
  const keys: Record<string, string> = {
    id: 'id',
    编号: 'id',
    version: 'version',
    版本: 'version',
    title: 'title',
    标题: 'title',
    hazard: 'hazard',
    灾种: 'hazard',
    t0: 't0',
    start: 'start',
    开始: 'start',
    end: 'end',
    结束: 'end',
    anchor: 'anchor',
    t0是: 'anchor',
  };
  const m = new Map<string, string>();
  for (const r of s.rows) {
    const k = keys[headerKey(str(r.cells[0]))];
    const v = str(r.cells[1]);
    if (k && v) m.set(k, v);
  }
  return m;
}
