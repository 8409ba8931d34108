import stringWidth from 'string-width';

/**
 * Text layout for the terminal UI. Every screen is built as a list of pre-wrapped lines, so each
 * component knows its exact height: the whole frame stays below the terminal height, which keeps ink
 * from clearing the screen on every render (the cause of flicker).
 */
export interface Seg {
  t: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}
export type Line = Seg[];

/** Display columns of one character (a grapheme): wide CJK and emoji take two, combining marks none. */
export function charWidth(ch: string): number {
  return stringWidth(ch);
}

/** Display columns of a string, as the terminal draws it (string-width, the measure ink itself uses). */
export function textWidth(s: string): number {
  return stringWidth(s);
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** The characters as the eye sees them: an emoji with its modifiers or a letter with its accents is one. */
export function graphemes(s: string): string[] {
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

export function lineWidth(l: Line): number {
  return l.reduce((a, s) => a + textWidth(s.t), 0);
}

/** Cuts a string to `width` columns, ending in … when it was cut. */
export function truncate(s: string, width: number): string {
  if (textWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of graphemes(s)) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Cuts a styled line to `width` columns. */
export function truncateLine(l: Line, width: number): Line {
  if (lineWidth(l) <= width) return l;
  const out: Line = [];
  let left = width;
  for (const s of l) {
    const w = textWidth(s.t);
    if (w < left) {
      out.push(s);
      left -= w;
      continue;
    }
    out.push({ ...s, t: truncate(s.t, left) });
    break;
  }
  return out;
}

const WIDE = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const TOKEN =
  /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|\s+/gu;
/** Closing punctuation that Chinese typesetting never puts at the start of a line. */
export const NO_LINE_START = '，。、；：？！」』）》〉】〕”’…,.;:?!)';

/**
 * Wraps text to `width` columns: at spaces for Latin text, between any two characters for Chinese.
 * Newlines in the text start new lines. Closing punctuation (`，。、；：？！」』）`…) never starts a line:
 * it carries the character before it onto the next line with it (kinsoku), so a line may end one
 * column short rather than open with a comma.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  const w0 = Math.max(4, width);
  for (const para of paragraphs(text)) {
    const lines: string[][] = [[]];
    let w = 0;
    const cur = (): string[] => lines.at(-1)!;
    const newLine = (): void => {
      lines.push([]);
      w = 0;
    };
    for (const tok of para.match(TOKEN) ?? []) {
      const tw = textWidth(tok);
      if (/^\s+$/.test(tok)) {
        if (w === 0) continue;
        if (w + tw <= w0) {
          cur().push(tok);
          w += tw;
        } else newLine();
        continue;
      }
      if (w > 0 && w + tw > w0) {
        const prev = cur();
        // Kinsoku: carry the last characters of the full line along, so the punctuation follows one.
        const moved: string[] = [];
        if (NO_LINE_START.includes(tok[0]!))
          while (prev.length > 1 && moved.length < 3 && !/^\s+$/.test(prev.at(-1)!)) {
            moved.unshift(prev.pop()!);
            if (!NO_LINE_START.includes(moved[0]![0]!)) break;
          }
        newLine();
        for (const m of moved) {
          cur().push(m);
          w += textWidth(m);
        }
      }
      if (tw > w0) {
        for (const ch of graphemes(tok)) {
          const cw = charWidth(ch);
          if (w + cw > w0) newLine();
          cur().push(ch);
          w += cw;
        }
        continue;
      }
      cur().push(tok);
      w += tw;
    }
    for (const l of lines) out.push(l.join('').trimEnd());
  }
  return out;
}

export const isWide = (s: string): boolean => WIDE.test(s);

/**
 * Scenario texts are YAML block scalars broken at the author's line length: a blank line separates
 * paragraphs; a single line break is a space (or nothing between Chinese characters); a line that starts
 * like a list item keeps its own line.
 */
export function paragraphs(text: string): string[] {
  const out: string[] = [];
  for (const block of text.replace(/\s+$/, '').split(/\n[ \t]*\n/)) {
    let para = '';
    for (const raw of block.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (para && /^([-*•·]|\d+[.)、])\s*/u.test(line)) {
        out.push(para);
        para = line;
        continue;
      }
      const join = para && !(isWide(para.at(-1)!) && isWide(line[0]!)) ? ' ' : '';
      para += join + line;
    }
    out.push(para);
  }
  return out;
}

/** Plain text of a line (for tests and for width checks). */
export function plain(l: Line): string {
  return l.map((s) => s.t).join('');
}

/** A line of one segment. */
export const L = (t: string, style: Omit<Seg, 't'> = {}): Line => [{ t, ...style }];

/** Packs short segments into lines of at most `width` columns, separated by `sep`. */
export function pack(items: Line[], width: number, sep = ' · '): Line[] {
  const out: Line[] = [];
  let cur: Line = [];
  let w = 0;
  for (const it of items) {
    const iw = lineWidth(it);
    if (w > 0 && w + textWidth(sep) + iw > width) {
      out.push(cur);
      cur = [];
      w = 0;
    }
    if (w > 0) {
      cur.push({ t: sep, dim: true });
      w += textWidth(sep);
    }
    cur.push(...it);
    w += iw;
  }
  if (cur.length) out.push(cur);
  return out.map((l) => truncateLine(l, width));
}
