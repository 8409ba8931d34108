import { localize, type Lang, type LocalizedText } from '@drill/engine';
import type { Aar } from './aar.ts';
import { capabilityName, roleNames } from './describe.ts';
import { stringsFor } from './strings.ts';
import { numberWithUnit, pct } from './words.ts';

/**
 * How one format writes text into a cell: `text` escapes a plain phrase, `L` writes a scenario text on
 * one line, escaped. The HTML and Markdown reports pass their own, so a table's columns, their order
 * and how each value is worded live here once and the two formats cannot drift apart.
 */
export interface CellWriter {
  text: (s: string) => string;
  L: (t: LocalizedText | undefined) => string;
}

/** A table before markup: its header cells and rows of cells, already escaped for the format. */
export interface TableCells {
  head: string[];
  rows: string[][];
}

/** The outcomes table: each measure against its target and worst case, with the credit it earned. */
export function outcomeTable(aar: Aar, lang: Lang, { text, L }: CellWriter): TableCells {
  const S = stringsFor(lang);
  return {
    head: [S.col.measure, S.col.value, S.col.target, S.col.worst, S.col.credit].map(text),
    rows: aar.outcomes.map((o) => {
      const u = o.unit ? localize(o.unit, lang) : '';
      return [
        L(o.label),
        text(numberWithUnit(o.value, u, lang)),
        text(numberWithUnit(o.target, u, lang)),
        text(numberWithUnit(o.worst, u, lang)),
        pct(o.credit),
      ];
    }),
  };
}

/** The improvement plan: numbered issues with their corrective action, capability, owners and due date. */
export function planTable(aar: Aar, lang: Lang, { text, L }: CellWriter): TableCells {
  const S = stringsFor(lang);
  return {
    // '#' is markup in neither the header of an HTML table nor of a Markdown one: written as it is.
    head: ['#', ...[S.col.issue, S.col.action, S.col.capability, S.col.responsible, S.col.due].map(text)],
    rows: aar.improvementPlan.map((p, i) => [
      String(i + 1),
      L(p.issue),
      L(p.action),
      text(capabilityName(aar, p.capability, lang)),
      text(roleNames(aar, p.roles, lang)) || '—',
      L(p.due),
    ]),
  };
}
