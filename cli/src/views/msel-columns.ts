import type { Lang } from '@drill/engine';

/** The columns an MSEL has: what `drill msel` writes (CSV, Markdown, workbook) and `drill import msel` reads. */
export type MselField =
  | 'seq'
  | 'time'
  | 'clock'
  | 'kind'
  | 'id'
  | 'title'
  | 'text'
  | 'source'
  | 'channel'
  | 'audience'
  | 'expected'
  | 'objective'
  | 'module'
  | 'notes';

export interface MselColumn {
  field: MselField;
  /** The header `drill msel` writes, per language (the importer knows it, and more words: headers.ts). */
  header: Readonly<Record<Lang, string>>;
  /** The workbook's column width, in characters. */
  width: number;
}

/**
 * The MSEL's columns, in order: one list for every writer (CSV, Markdown, Excel) and the importer, so a
 * column added here is written everywhere and read back by `drill import msel`.
 */
export const MSEL_COLUMNS: readonly MselColumn[] = [
  { field: 'seq', header: { en: '#', 'zh-CN': '序号' }, width: 5 },
  { field: 'time', header: { en: 'Scenario time', 'zh-CN': '想定时间' }, width: 16 },
  { field: 'clock', header: { en: 'Local time', 'zh-CN': '当地时间' }, width: 17 },
  { field: 'kind', header: { en: 'Type', 'zh-CN': '类型' }, width: 9 },
  { field: 'id', header: { en: 'ID', 'zh-CN': '编号' }, width: 18 },
  { field: 'title', header: { en: 'Title', 'zh-CN': '标题' }, width: 28 },
  { field: 'text', header: { en: 'Inject / decision', 'zh-CN': '情况/决策' }, width: 70 },
  { field: 'source', header: { en: 'Source', 'zh-CN': '来源' }, width: 26 },
  { field: 'channel', header: { en: 'Channel', 'zh-CN': '渠道' }, width: 14 },
  { field: 'audience', header: { en: 'Audience', 'zh-CN': '对象' }, width: 30 },
  { field: 'expected', header: { en: 'Expected action', 'zh-CN': '预期行动' }, width: 50 },
  { field: 'objective', header: { en: 'Objective', 'zh-CN': '目标' }, width: 36 },
  { field: 'module', header: { en: 'Module', 'zh-CN': '模块' }, width: 28 },
  { field: 'notes', header: { en: 'Facilitator notes', 'zh-CN': '导调备注' }, width: 50 },
];

/** The header row in one language. */
export function mselHeaders(lang: Lang): string[] {
  return MSEL_COLUMNS.map((c) => c.header[lang]);
}

/**
 * A module row's text cell: its summary, then one `• ` line per key issue — the importer splits it the
 * same way (`splitModuleText`).
 */
export function moduleText(summary: string, keyIssues: readonly string[]): string {
  return [summary, ...keyIssues.map((k) => `${KEY_ISSUE}${k}`)].filter(Boolean).join('\n');
}

const KEY_ISSUE = '• ';

/** The summary and key issues of a module row's text cell, as `moduleText` wrote them. */
export function splitModuleText(text: string): { summary: string; keyIssues: string[] } {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trimStart().startsWith(KEY_ISSUE));
  const body = first < 0 ? lines : lines.slice(0, first);
  const issues = first < 0 ? [] : lines.slice(first);
  const keyIssues: string[] = [];
  // A key issue may run over several lines: the lines after a `• ` line belong to it.
  for (const l of issues)
    if (l.trimStart().startsWith(KEY_ISSUE)) keyIssues.push(l.trimStart().slice(KEY_ISSUE.length).trim());
    else if (keyIssues.length) keyIssues[keyIssues.length - 1] += `\n${l}`;
  return { summary: body.join('\n').trim(), keyIssues };
}
