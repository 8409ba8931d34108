import { textWidth, wrap } from '../tui/layout.ts';

/** Pads to `width` display columns (Chinese characters take two). */
export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - textWidth(stripAnsi(s))));
}

const ANSI = /\u001b\[[0-9;]*m/g;
export const stripAnsi = (s: string): string => s.replace(ANSI, '');

/**
 * A plain-text table that fits `maxWidth` columns: columns keep their natural width when they can, the
 * widest shrink (their cells wrap) when they cannot. Cells may carry ANSI colour only if they are short
 * (wrapping is done on the plain text of cells wider than their column).
 */
export function textTable(
  head: string[],
  rows: string[][],
  maxWidth = 100,
  style: { head?: (s: string) => string } = {},
): string {
  const n = head.length;
  const natural = head.map((h, i) =>
    Math.max(
      textWidth(stripAnsi(h)),
      ...rows.map((r) => Math.max(...(r[i] ?? '').split('\n').map((l) => textWidth(stripAnsi(l))))),
    ),
  );
  const gap = 2;
  const widths = [...natural];
  const budget = Math.max(n * 6, maxWidth - gap * (n - 1));
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const i = widths.indexOf(Math.max(...widths));
    if (widths[i]! <= 8) break;
    widths[i] = widths[i]! - 1;
  }
  const cellLines = (cell: string, w: number): string[] =>
    cell.split('\n').flatMap((l) => (textWidth(stripAnsi(l)) <= w ? [l] : wrap(stripAnsi(l), w)));
  const renderRow = (cells: string[]): string[] => {
    const cols = cells.map((c, i) => cellLines(c ?? '', widths[i]!));
    const height = Math.max(...cols.map((c) => c.length));
    return Array.from({ length: height }, (_, k) =>
      cols
        .map((c, i) => (i === n - 1 ? (c[k] ?? '') : padEnd(c[k] ?? '', widths[i]!)))
        .join(' '.repeat(gap))
        .trimEnd(),
    );
  };
  const h = renderRow(head).map((l) => (style.head ? style.head(l) : l));
  const rule = widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap));
  return [...h, rule, ...rows.flatMap(renderRow)].join('\n');
}
