import { compileScenario, formatScenarioTime, type Lang } from '@drill/engine';
import { Document, isMap, isScalar, isSeq } from 'yaml';
import { fieldOf, headerKey, wordsFor, type MselField } from './headers.ts';
import { RoleBook } from './roles.ts';
import { cellRef, columnName, type CellValue, type Sheet, type Table } from './table.ts';
import { formatT0, parseClockCell, parseTimeCell } from './times.ts';

/** One problem with the spreadsheet, at the cell a trainer can fix. */
export interface MselDiagnostic {
  severity: 'error' | 'warning';
  /** `msel.xlsx:Sheet1!C7` */
  where: string;
  message: string;
}

export function formatMselDiagnostic(d: MselDiagnostic): string {
  return `${d.where}: ${d.severity}: ${d.message}`;
}

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
  /** Where the row is, for messages. */
  where: string;
}

export interface MselImport {
  /** The scenario skeleton (YAML), or undefined when there are errors. */
  yaml?: string;
  diagnostics: MselDiagnostic[];
  injects: ImportedInject[];
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

const KIND_DECISION = new Set(['decision', 'decisionpoint', 'question', '决策', '决策点', '问题']);
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
  const err = (where: string, message: string): void => void ds.push({ severity: 'error', where, message });
  const warn = (where: string, message: string): void =>
    void ds.push({ severity: 'warning', where, message });

  const rolesSheet = t.sheets.find((s) => sheetIs(s, ['roles', 'role', '角色', '角色表']));
  const aboutSheet = t.sheets.find((s) => sheetIs(s, ['scenario', 'about', '想定', '想定信息', '概况']));
  let sheet: Sheet | undefined;
  let header: HeaderRow | undefined;
  if (o.sheet !== undefined) {
    sheet = t.sheets.find((s) => s.name === o.sheet);
    if (!sheet) {
      err(
        t.file,
        `no sheet named "${o.sheet}": the sheets are ${t.sheets.map((s) => `"${s.name}"`).join(', ')}`,
      );
      return { diagnostics: ds, injects: [], lang: o.lang ?? 'en' };
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
    );
    return { diagnostics: ds, injects: [], lang: o.lang ?? 'en' };
  }
  const first = sheet.rows[0]!;
  const found = (h: HeaderRow | undefined): string =>
    h
      ? `the headers found are ${h.headers.map((x) => `"${x.text}"`).join(', ')} (row ${h.row})`
      : `row ${first.row} holds ${
          first.cells
            .map(str)
            .filter(Boolean)
            .map((x) => `"${x}"`)
            .join(', ') || 'nothing'
        }`;
  if (!header || header.cols.time === undefined || (header.cols.text ?? header.cols.title) === undefined) {
    const at = cellRef(t, sheet.name, header?.row ?? first.row);
    if (!header || header.cols.time === undefined)
      err(at, `no time column: ${found(header)}; name the scenario-time column ${wordsFor('time')}`);
    if (!header || (header.cols.text ?? header.cols.title) === undefined)
      err(at, `no inject-text column: ${found(header)}; name it ${wordsFor('text')}`);
    return { diagnostics: ds, injects: [], lang: o.lang ?? 'en' };
  }
  for (const h of header.headers)
    if (!h.field)
      warn(
        cellRef(t, sheet.name, header.row, h.col),
        `column ${columnName(h.col)} "${h.text}" is not an MSEL column drill knows, so it is left out (known: time, module, from, to, channel, title, inject, expected action, objective, notes, id, type)`,
      );
    else if (header.cols[h.field] !== h.col)
      warn(
        cellRef(t, sheet.name, header.row, h.col),
        `column ${columnName(h.col)} "${h.text}" repeats the ${h.field} column ${columnName(header.cols[h.field]!)}: only the first is read`,
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
  const comments = new Map<string, string[]>();
  const decisionNotes: string[] = [];
  const ids = new Map<string, string>();
  const t0s: { t0: number; where: string }[] = [];
  let module = '';
  let lastModule = '';

  for (const r of body) {
    const where = (f?: MselField): string => cellRef(t, sheet.name, r.row, f ? cols[f] : undefined);
    const kindText = str(cell(r.cells, 'kind'));
    const title = str(cell(r.cells, 'title'));
    const textCell = str(cell(r.cells, 'text'));
    const text = cols.text === undefined ? title : textCell;
    const timeRaw = cell(r.cells, 'time');
    const moduleCell = str(cell(r.cells, 'module'));
    if (moduleCell) module = moduleCell;
    // A row naming only a module is a section heading.
    if (!text && !title && str(timeRaw) === '' && moduleCell) continue;

    const kind = headerKey(kindText);
    if (KIND_DECISION.has(kind)) {
      const time = str(timeRaw);
      decisionNotes.push(
        `${str(cell(r.cells, 'id')) || '(no id)'} at ${time || '?'} for ${str(cell(r.cells, 'audience')) || '?'}: ${oneLine(text || title)} (${where()})`,
      );
      continue;
    }
    if (kindText && !KIND_INJECT.has(kind))
      warn(
        where('kind'),
        `type "${kindText}" is neither an inject nor a decision: the row is read as an inject`,
      );

    if (!text) {
      err(where(cols.text === undefined ? 'title' : 'text'), 'the row has no inject text');
      continue;
    }

    // The id: as written (lower-cased if need be), or made from the row number.
    const idRaw = str(cell(r.cells, 'id'));
    let id = idRaw;
    if (id && !ID.test(id)) {
      const fixed = id
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '_')
        .replace(/^[^a-z]+/, '');
      id = fixed ? fixed : `inject_${id.replace(/[^0-9]+/g, '') || r.row}`;
      if (!ID.test(id)) id = `inject_${r.row}`;
      warn(where('id'), `id "${idRaw}" is written as \`${id}\` (ids are lower-case letters, digits, _ or -)`);
    }
    if (!id) id = `inject_${String(injects.length + 1).padStart(2, '0')}`;
    const dup = ids.get(id);
    if (dup) {
      err(where('id'), `id \`${id}\` is already used by ${dup}: every inject needs its own id`);
      continue;
    }
    ids.set(id, where());

    const time = parseTimeCell(timeRaw);
    const notes: string[] = [`from ${where()}`];
    if (time.kind === 'error') err(where('time'), time.message);
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
    if (note) notes.push(`facilitator note: ${oneLine(note)}`);
    if (module && module !== lastModule) {
      notes.unshift(`── module: ${oneLine(module)} ──`);
      lastModule = module;
    }
    comments.set(id, notes);
    injects.push({
      id,
      ...(at !== undefined ? { at } : {}),
      roles,
      ...(sourceText ? { source: sourceText } : {}),
      channel,
      ...(title && cols.text !== undefined ? { title } : {}),
      text,
      where: where(),
    });
  }

  if (body.length === 0)
    err(cellRef(t, sheet.name, header.row), 'no rows below the header: nothing to import');
  else if (injects.length === 0 && !ds.some((d) => d.severity === 'error'))
    err(cellRef(t, sheet.name, header.row), 'no inject rows (every row is a decision): nothing to import');

  let t0: string | undefined = about.get('t0');
  if (t0s.length) {
    const firstT0 = t0s[0]!;
    t0 = formatT0(firstT0.t0);
    for (const x of t0s)
      if (x.t0 !== firstT0.t0) {
        warn(
          x.where,
          `the local time does not match the scenario time as the rows above do (T0 = ${t0}): the local times are only shown, T0 is taken from the first row`,
        );
        break;
      }
  }

  if (ds.some((d) => d.severity === 'error')) return { diagnostics: ds, injects, lang };

  const yaml = skeleton({
    id: o.id ?? 'imported',
    lang,
    about,
    t0,
    roles: book,
    injects,
    comments,
    decisionNotes,
    file: t.file,
  });
  // The skeleton must load: a failure here is the importer's fault, reported at the row it came from.
  const compiled = compileScenario({ path: o.out ?? 'drill.yaml', text: yaml });
  if (!compiled.ok)
    for (const d of compiled.diagnostics.filter((x) => x.severity === 'error')) {
      const inj = injects.find(
        (i) => d.path.includes(`injects`) && yaml.split('\n')[d.line - 1]?.includes(i.id),
      );
      err(inj?.where ?? t.file, `the skeleton does not load: ${d.message}${d.path ? ` (at ${d.path})` : ''}`);
    }
  return ds.some((d) => d.severity === 'error')
    ? { diagnostics: ds, injects, lang }
    : { yaml, diagnostics: ds, injects, lang };
}

/** Roles sheet: an id column and one name column per language (`Name (en)`, `名称（zh-CN）`…). */
function readRoles(
  t: Table,
  s: Sheet,
  book: RoleBook,
  lang: Lang,
  err: (where: string, message: string) => void,
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
      `the roles sheet has no "id" column: found ${head.cells
        .map(str)
        .filter(Boolean)
        .map((x) => `"${x}"`)
        .join(', ')}`,
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
      );
      continue;
    }
    const names: Partial<Record<Lang, string>> = {};
    for (const c of nameCols) {
      const n = str(r.cells[c.col]);
      if (n) names[c.lang] = n;
    }
    if (!book.addListed(id, names))
      err(cellRef(t, s.name, r.row, idCol + 1), `role id \`${id}\` is listed twice`);
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

interface SkeletonInput {
  id: string;
  lang: Lang;
  about: Map<string, string>;
  t0: string | undefined;
  roles: RoleBook;
  injects: ImportedInject[];
  comments: Map<string, string[]>;
  decisionNotes: string[];
  file: string;
}

const HAZARDS = ['typhoon', 'flood', 'rainstorm', 'earthquake', 'other'];

/** The scenario skeleton as YAML, built with the `yaml` Document API so quoting is always right. */
function skeleton(x: SkeletonInput): string {
  const L = x.lang;
  const todo = (en: string, zh: string): Record<string, string> => ({
    [L]: L === 'zh-CN' ? `TODO：${zh}` : `TODO: ${en}`,
  });
  const ats = x.injects.flatMap((i) => (i.at === undefined ? [] : [i.at]));
  const parsedStart = x.about.get('start');
  const parsedEnd = x.about.get('end');
  const fromAbout = (v: string | undefined): number | undefined => {
    const c = v === undefined ? undefined : parseTimeCell(v);
    return c?.kind === 'at' ? c.minutes : undefined;
  };
  const start = Math.min(fromAbout(parsedStart) ?? Infinity, ...ats, ats.length ? Infinity : -60);
  const endRaw = Math.max(fromAbout(parsedEnd) ?? -Infinity, ...ats, ats.length ? -Infinity : 0);
  const end = endRaw > start ? endRaw : start + 60;
  const title = x.about.get('title');
  const hazard = x.about.get('hazard');
  const hazardOk = hazard !== undefined && HAZARDS.includes(hazard);
  const id = x.about.get('id') && ID.test(x.about.get('id')!) ? x.about.get('id')! : x.id;
  const t0Ok = x.t0 !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(x.t0);

  const text = (s: string): Record<string, string> => ({ [L]: s });
  // `{res_level}` in a text shows a live value (FORMAT.md §7): the variable must exist for the file to load.
  const liveNames = [
    ...new Set(
      x.injects.flatMap((i) =>
        [i.title ?? '', i.text].flatMap((s) => [...s.matchAll(/\{([a-z][a-z0-9_]*)\}/g)].map((m) => m[1]!)),
      ),
    ),
  ];
  const value = {
    format: 'drill/1',
    id,
    version: x.about.get('version') ?? '0.1.0',
    title: title ? text(title) : todo('the drill’s title', '推演标题'),
    hazard: hazardOk ? hazard : 'other',
    setting: { place: todo('the (fictional) place', '（虚构）地点') },
    languages: ['en', 'zh-CN'],
    clock: {
      anchor: x.about.get('anchor')
        ? text(x.about.get('anchor')!)
        : todo('what T0 is (landfall, the main shock…)', 'T0 是什么时刻（登陆、主震……）'),
      t0: t0Ok ? x.t0 : '2025-01-01T00:00',
      start: formatScenarioTime(start),
      end: formatScenarioTime(end),
    },
    briefing: todo('what participants read before the drill starts', '推演开始前参演人员阅读的背景介绍'),
    roles: x.roles.roles.map((r) => ({ id: r.id, name: r.name })),
    ...(liveNames.length
      ? {
          variables: liveNames.map((v) => ({
            id: v,
            name: todo(`what \`${v}\` is`, `\`${v}\` 是什么`),
            initial: 0,
          })),
        }
      : {}),
    injects: x.injects.map((i) => ({
      id: i.id,
      ...(i.at !== undefined ? { at: formatScenarioTime(i.at) } : {}),
      roles: i.roles,
      source: i.source !== undefined ? text(i.source) : todo('who sends it', '谁发出'),
      channel: i.channel,
      ...(i.title !== undefined ? { title: text(i.title) } : {}),
      text: text(i.text),
    })),
    decisions: [],
    endings: [
      {
        id: 'end',
        title: todo('the ending’s title', '结局标题'),
        text: todo('how the drill ends', '推演如何结束'),
      },
    ],
  };
  const doc = new Document(value);
  doc.commentBefore = [
    ` Imported from ${x.file} by \`drill import msel\`.`,
    ' Everything marked TODO is what a spreadsheet cannot say: fill it in, then run',
    ' `drill validate` and `drill lint` on this file. Texts are in one language',
    ` (${L}); \`drill texts export\` makes a sheet for the translator.`,
  ].join('\n');
  const comment = (path: (string | number)[], lines: string[]): void => {
    const text = lines.map((l) => ` ${l}`).join('\n');
    const last = path[path.length - 1];
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    // On a map entry the comment goes above its key (`# …` then `hazard: other`), not inside the value.
    if (typeof last === 'string' && isMap(parent)) {
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
      if (!pair) return;
      const key = isScalar(pair.key) ? pair.key : doc.createNode(pair.key);
      key.commentBefore = text;
      pair.key = key;
      return;
    }
    const n = doc.getIn(path, true) as { commentBefore?: string | null } | undefined;
    if (n) n.commentBefore = text;
  };
  // Texts on one line read best as `{ en: … }`; longer ones stay as blocks.
  const flowTexts = (n: unknown): void => {
    if (isMap(n)) {
      const vals = n.items.map((p) => (p.value as { value?: unknown } | null)?.value);
      const isText = n.items.every((p) =>
        ['en', 'zh-CN'].includes(String((p.key as { value?: unknown }).value)),
      );
      if (isText && vals.every((v) => typeof v === 'string' && !v.includes('\n'))) n.flow = true;
      else for (const p of n.items) flowTexts(p.value);
    } else if (isSeq(n)) {
      if (n.items.every((v) => !isMap(v) && !isSeq(v))) n.flow = true;
      for (const v of n.items) flowTexts(v);
    }
  };
  flowTexts(doc.contents);
  if (!hazardOk) comment(['hazard'], ['TODO: typhoon, flood, rainstorm, earthquake or other']);
  if (!t0Ok)
    comment(['clock', 't0'], ['TODO: the local date and time of T0 (the MSEL gives no local times)']);
  comment(
    ['clock', 'start'],
    ['start and end: the first and last inject; widen them to play before and after'],
  );
  comment(
    ['roles'],
    [
      'TODO objectives: what the drill trains, each with its capabilities (scenarios/FORMAT.md §3).',
      'A spreadsheet cannot say which capabilities a decision shows, so none are written here.',
    ],
  );
  x.injects.forEach((i, n) => {
    const lines = x.comments.get(i.id) ?? [];
    if (lines.length) comment(['injects', n], lines);
  });
  comment(
    ['decisions'],
    [
      'TODO decisions: a decision point needs options with scores and feedback, which an MSEL does not give.',
      ...(x.decisionNotes.length
        ? ['The MSEL lists these decision points:', ...x.decisionNotes.map((d) => `  - ${d}`)]
        : []),
    ],
  );
  if (liveNames.length)
    comment(
      ['variables'],
      [
        'TODO variables: the texts show these live values (`{name}`); give each its name, unit, bounds',
        'and real initial value (0 is a placeholder), and the effects that change it.',
      ],
    );
  comment(['endings'], ['TODO: the endings, the last one without `when` (the fallback)']);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
