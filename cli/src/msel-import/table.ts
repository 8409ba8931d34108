import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fsReason, UserError } from '../io.ts';
import { say } from '../say.ts';

/** One cell's content as the importer sees it: text, a number, or a date (Excel's date cells). */
export type CellValue = string | number | Date;

/** One sheet of a spreadsheet: rows of cells, with the spreadsheet's own row numbers (1-based). */
export interface Sheet {
  name: string;
  rows: { row: number; cells: (CellValue | undefined)[] }[];
}

/** A spreadsheet read from disk: its file name (as the user typed it) and its sheets, in order. */
export interface Table {
  file: string;
  /** CSV has no sheet names: positions are then `file:C7` instead of `file:Sheet1!C7`. */
  csv: boolean;
  sheets: Sheet[];
}

/** `C` for column 3, `AA` for 27: as a spreadsheet program names columns. */
export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Where a cell is, in the form a trainer finds it: `msel.xlsx:Sheet1!C7` (or `msel.csv:C7`). */
export function cellRef(t: Table, sheet: string, row: number, col?: number): string {
  const cell = `${col === undefined ? 'A' : columnName(col)}${row}`;
  return t.csv ? `${t.file}:${cell}` : `${t.file}:${sheet}!${cell}`;
}

const MAX_BYTES = 20e6;

/** Reads an .xlsx or .csv file; anything else, or a file the library cannot open, is a UserError. */
export async function readTable(path: string, shown: string): Promise<Table> {
  const ext = extname(path).toLowerCase();
  const csv = ext === '.csv' || ext === '.txt';
  if (!csv && ext !== '.xlsx' && ext !== '.xlsm')
    throw new UserError(
      ext === '.xls'
        ? say(
            `${shown}: the old Excel format (.xls) is not read: save it as .xlsx (Excel Workbook) or .csv and import that`,
            `${shown}：不能读取旧的 Excel 格式（.xls）：请另存为 .xlsx（Excel 工作簿）或 .csv 再导入`,
          )
        : say(
            `${shown}: give an .xlsx or .csv file (this one ends in \`${ext || basename(path)}\`)`,
            `${shown}：请给出 .xlsx 或 .csv 文件（这个文件的结尾是“${ext || basename(path)}”）`,
          ),
    );
  let bytes: Buffer;
  try {
    // An MSEL is a few hundred rows: a file far larger is not one (and a zip could unpack to gigabytes).
    if (statSync(path).size > MAX_BYTES)
      throw new UserError(
        say(
          `${shown} is larger than ${MAX_BYTES / 1e6} MB: an MSEL is a few hundred rows; is it the right file?`,
          `${shown} 超过 ${MAX_BYTES / 1e6} MB：MSEL 通常只有几百行，是不是选错了文件？`,
        ),
      );
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(say(`cannot read ${shown}: ${fsReason(e)}`, `无法读取 ${shown}：${fsReason(e)}`));
  }
  return csv
    ? { file: shown, csv: true, sheets: [await readCsv(bytes)] }
    : { file: shown, csv: false, sheets: await readXlsx(bytes, shown) };
}

async function readCsv(bytes: Buffer): Promise<Sheet> {
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(bytes, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (e) {
    // csv-parse names the line: "Invalid Closing Quote: … at line 7"
    throw new UserError(
      say(`the CSV cannot be read: ${(e as Error).message}`, `无法读取该 CSV：${(e as Error).message}`),
    );
  }
  // A spreadsheet program shows one row per record (a quoted line break stays inside its cell).
  return { name: 'CSV', rows: records.map((cells, i) => ({ row: i + 1, cells })) };
}

async function readXlsx(bytes: Buffer, shown: string): Promise<Sheet[]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new UserError(
      say(
        `${shown} is not a readable .xlsx workbook (${(e as Error).message.split('\n')[0]}): save it again from the spreadsheet program as "Excel Workbook (.xlsx)"`,
        `${shown} 不是可读取的 .xlsx 工作簿：请在表格软件中重新另存为“Excel 工作簿（.xlsx）”`,
      ),
    );
  }
  return wb.worksheets.map((ws) => {
    const rows: Sheet['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      const cells: (CellValue | undefined)[] = [];
      r.eachCell({ includeEmpty: false }, (c, col) => {
        cells[col - 1] = cellValue(c.value);
      });
      rows.push({ row: rowNumber, cells });
    });
    return { name: ws.name, rows };
  });
}

/** The value a reader sees in a cell, whatever exceljs stored: rich text, formula results, links. */
function cellValue(v: unknown): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    const o = v as {
      richText?: { text: string }[];
      result?: unknown;
      formula?: string;
      text?: unknown;
      error?: string;
    };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('result' in o || 'formula' in o) return cellValue(o.result);
    if (typeof o.text === 'string') return o.text; // a hyperlink cell
    if (typeof o.error === 'string') return o.error;
  }
  return undefined;
}
