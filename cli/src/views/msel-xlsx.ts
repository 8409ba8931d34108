import { formatScenarioTime, localize, type Lang, type LocalizedText, type Scenario } from '@drill/engine';
import { mselRows } from './msel.ts';

const WORDS = {
  en: {
    headers: [
      '#',
      'Scenario time',
      'Local time',
      'Type',
      'ID',
      'Title',
      'Inject / decision',
      'Source',
      'Channel',
      'Audience',
      'Expected action',
      'Objective',
    ],
    inject: 'inject',
    decision: 'decision',
    module: 'module',
    sheet: 'MSEL',
    roles: 'Roles',
    roleHeaders: ['ID', 'Name (en)', 'Name (zh-CN)'],
    about: 'Scenario',
    aboutRows: ['ID', 'Version', 'Title', 'Hazard', 'T0', 'Start', 'End', 'Anchor'],
  },
  'zh-CN': {
    headers: [
      '序号',
      '想定时间',
      '当地时间',
      '类型',
      '编号',
      '标题',
      '情况/决策',
      '来源',
      '渠道',
      '对象',
      '预期行动',
      '目标',
    ],
    inject: '情况',
    decision: '决策',
    module: '模块',
    sheet: 'MSEL',
    roles: '角色',
    roleHeaders: ['编号', '名称（en）', '名称（zh-CN）'],
    about: '想定',
    aboutRows: ['编号', '版本', '标题', '灾种', 'T0', '开始', '结束', 'T0 是'],
  },
} as const;

/** Column widths (characters) for #, time, local time, type, id, title, text, source, channel, audience, expected, objective. */
const WIDTHS = [5, 16, 17, 9, 18, 28, 70, 26, 14, 30, 50, 36];

/**
 * The MSEL as an Excel workbook: the events sheet (frozen header row, filters, widths, wrapped text,
 * the title in its own column), a roles sheet (ids and names in both languages) and a scenario sheet,
 * so that `drill import msel` reads it back to the same injects: ids, times, roles, sources, channels,
 * titles and texts. The exceljs library is loaded only when a workbook is asked for.
 */
export async function mselXlsx(s: Scenario, lang: Lang): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const w = WORDS[lang];
  const L = (t: LocalizedText | undefined): string => localize(t, lang).trim();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'drill';
  wb.title = `MSEL — ${L(s.title)}`;

  const ws = wb.addWorksheet(w.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  // The MSEL's columns with the title in its own: the text column then holds the inject text alone.
  // Its own header list, so a column added to the text MSEL never shifts this one's cells.
  const headers = w.headers;
  ws.columns = headers.map((header, i) => ({ header, width: WIDTHS[i] ?? 20 }));
  for (const r of mselRows(s, lang)) {
    const inject = r.kind === 'inject' ? s.injects.find((i) => i.id === r.id) : undefined;
    ws.addRow([
      r.seq,
      r.time,
      r.clock,
      w[r.kind],
      r.id,
      inject ? L(inject.title) : '',
      inject ? L(inject.text) : r.event,
      r.source,
      r.channel,
      r.audience,
      r.expected,
      r.objective,
      r.module,
      r.notes,
    ]);
  }
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  for (let c = 6; c <= headers.length; c++) ws.getColumn(c).alignment = { wrapText: true, vertical: 'top' };

  const roles = wb.addWorksheet(w.roles, { views: [{ state: 'frozen', ySplit: 1 }] });
  roles.columns = w.roleHeaders.map((header, i) => ({ header, width: i === 0 ? 24 : 44 }));
  for (const r of s.roles) roles.addRow([r.id, localize(r.name, 'en'), localize(r.name, 'zh-CN')]);
  roles.getRow(1).font = { bold: true };

  const about = wb.addWorksheet(w.about);
  about.columns = [{ width: 14 }, { width: 60 }];
  const values = [
    s.id,
    s.version,
    L(s.title),
    s.hazard,
    s.clock.t0,
    formatScenarioTime(s.clock.start),
    formatScenarioTime(s.clock.end),
    L(s.clock.anchor),
  ];
  w.aboutRows.forEach((k, i) => about.addRow([k, values[i]]));
  about.getColumn(1).font = { bold: true };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
