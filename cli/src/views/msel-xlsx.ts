import { HAZARD_NAMES, localize, type Lang, type LocalizedText, type Scenario } from '@drill/engine';
import { MSEL_COLUMNS } from './msel-columns.ts';
import { mselCell, mselRows, mselTime } from './msel.ts';

const WORDS = {
  en: {
    sheet: 'MSEL',
    title: 'MSEL',
    roles: 'Roles',
    roleHeaders: ['ID', 'Name (en)', 'Name (zh-CN)'],
    about: 'Scenario',
    aboutRows: ['ID', 'Version', 'Title', 'Hazard', 'T0', 'Start', 'End', 'Anchor'],
  },
  'zh-CN': {
    sheet: '演练事件清单',
    title: '演练事件清单',
    roles: '角色',
    roleHeaders: ['编号', '名称（英文）', '名称（中文）'],
    about: '想定',
    aboutRows: ['编号', '版本', '标题', '灾种', 'T0', '开始', '结束', 'T0 是'],
  },
} as const;

/**
 * The MSEL as an Excel workbook: the events sheet (the MSEL's columns, MSEL_COLUMNS; frozen header row,
 * filters, widths, wrapped text), a roles sheet (ids and names in both languages) and a scenario sheet,
 * so that `drill import msel` reads it back to the same modules and injects: ids, times, roles, sources,
 * channels, titles, texts and facilitator notes. The exceljs library is loaded only when a workbook is asked for.
 */
export async function mselXlsx(s: Scenario, lang: Lang): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const w = WORDS[lang];
  const L = (t: LocalizedText | undefined): string => localize(t, lang).trim();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'drill';
  wb.title = `${w.title} — ${L(s.title)}`;

  const ws = wb.addWorksheet(w.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = MSEL_COLUMNS.map((c) => ({ header: c.header[lang], width: c.width }));
  for (const r of mselRows(s, lang))
    ws.addRow(MSEL_COLUMNS.map((c) => (c.field === 'seq' ? r.seq : mselCell(r, c.field, lang))));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: MSEL_COLUMNS.length } };
  // Long texts wrap: from the title column on.
  const wrapFrom = MSEL_COLUMNS.findIndex((c) => c.field === 'title') + 1;
  for (let c = wrapFrom; c <= MSEL_COLUMNS.length; c++)
    ws.getColumn(c).alignment = { wrapText: true, vertical: 'top' };

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
    // The hazard by its name in the reader's language (the importer knows both names and the code).
    HAZARD_NAMES[s.hazard][lang],
    // `2025-08-14 14:00`: the ISO `T` is code to a reader (the importer takes either).
    s.clock.t0.replace('T', ' '),
    mselTime(s.clock.start, lang),
    mselTime(s.clock.end, lang),
    L(s.clock.anchor),
  ];
  w.aboutRows.forEach((k, i) => about.addRow([k, values[i]]));
  about.getColumn(1).font = { bold: true };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
