import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { loadScenario, SHIPPED_IDS } from '@drill/scenarios';
import { localize, type Scenario } from '@drill/engine';
import { mselCsv, mselMarkdown } from './msel.ts';
import { mselXlsx } from './msel-xlsx.ts';

/** Every Chinese text the scenario itself holds: its data, which may quote a road (`X105`) or a `{value}`. */
function zhTexts(x: unknown, out: string[] = []): string[] {
  if (Array.isArray(x)) for (const y of x) zhTexts(y, out);
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) {
      if (k === 'zh-CN' && typeof v === 'string') out.push(v);
      else zhTexts(v, out);
    }
  return out;
}

const WORD = /[A-Za-z][A-Za-z_0-9-]*/g;

/**
 * The Latin words a Chinese MSEL may show: the scenario's own ids (the id and objective columns, the
 * decisions an inject expects), words inside its own Chinese texts (data), its id, and `T` of `T0`.
 */
function allowed(s: Scenario): Set<string> {
  return new Set([
    'T0',
    s.id,
    ...s.injects.map((x) => x.id),
    ...s.decisions.flatMap((d) => [d.id, ...d.options.map((o) => o.id)]),
    ...s.objectives.flatMap((o) => [o.id, ...o.tasks.map((t) => t.id)]),
    ...s.variables.map((v) => v.id),
    ...s.roles.map((r) => r.id),
    ...s.modules.map((m) => m.id),
    ...zhTexts(s).flatMap((t) => [...t.matchAll(WORD)].map((m) => m[0])),
  ]);
}

/** Latin words in `text` that are neither ids nor the scenario's own data. */
function foreign(s: Scenario, text: string): string[] {
  const ok = allowed(s);
  return [...new Set([...text.matchAll(WORD)].map((m) => m[0]).filter((w) => !ok.has(w)))];
}

/**
 * Every cell of every sheet of a workbook, as text, but the roles sheet's English names: that column
 * carries the roles' English names (data) so that an import gets both languages back; it is returned apart.
 */
async function workbookText(bytes: Uint8Array): Promise<{ text: string; englishNames: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [wb.title];
  const englishNames: string[] = [];
  wb.eachSheet((ws) => {
    cells.push(ws.name);
    const english = ws.getRow(1).values as unknown[];
    const col = english.findIndex((v) => v === '名称（英文）');
    ws.eachRow((row, r) =>
      row.eachCell((c, n) => {
        if (n === col && r > 1) englishNames.push(String(c.value));
        else cells.push(String(c.value));
      }),
    );
  });
  return { text: cells.join('\n'), englishNames };
}

describe('the Chinese MSEL', () => {
  it.each(SHIPPED_IDS)(
    'of %s (markdown, CSV, workbook) has no Latin word but ids and the scenario’s own data, and cuts nothing with “…”',
    async (id) => {
      const s = loadScenario(id);
      const ellipses = zhTexts(s).join('').split('…').length - 1;
      const workbook = await workbookText(await mselXlsx(s, 'zh-CN'));
      expect(workbook.englishNames).toEqual(s.roles.map((r) => localize(r.name, 'en')));
      const formats = {
        // `<br>` is how a Markdown table cell breaks a line: markup a reader never sees, like `|`.
        md: mselMarkdown(s, 'zh-CN').replace(/<br>/g, '\n'),
        csv: mselCsv(s, 'zh-CN'),
        xlsx: workbook.text,
      };
      for (const [format, text] of Object.entries(formats)) {
        expect(foreign(s, text), format).toEqual([]);
        // A "…" may only be one the scenario's own texts hold (each may appear in several cells).
        if (ellipses === 0) expect(text.includes('…'), format).toBe(false);
      }
      // The time column is in words: `T0前48小时`, never `T-48h`.
      expect(formats.csv).not.toMatch(/T[+-]\d+[dhm]/);
      expect(formats.csv).toMatch(/T0前\d+(天|小时)/);
    },
    60_000,
  );

  it('the test above can fail: an English MSEL is full of words that are not ids', () => {
    const s = loadScenario('typhoon');
    expect(foreign(s, mselCsv(s, 'en')).length).toBeGreaterThan(20);
  });
});
