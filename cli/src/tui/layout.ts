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
/** Closing punctuation that Chinese typesetting never puts at the start of a line. */
export const NO_LINE_START = '，。、；：？！」』）》〉】〕”’…,.;:?!)';
/** Opening punctuation that never ends a line (it belongs to what follows). */
export const NO_LINE_END = '（「『《〈【〔“‘(';

const isSpace = (g: string): boolean => /^\s+$/u.test(g);
const opensNoLine = (g: string | undefined): boolean => g !== undefined && NO_LINE_START.includes(g[0]!);
const closesNoLine = (g: string | undefined): boolean => g !== undefined && NO_LINE_END.includes(g.at(-1)!);

/**
 * Whether a line may break before grapheme `i` of `gs`: at a space, or beside a wide character (Chinese
 * breaks between any two characters, emoji too) — but never so that the next line opens with closing
 * punctuation or the line ends with opening punctuation.
 */
function breakBefore(gs: readonly string[], i: number): boolean {
  let next = i;
  while (next < gs.length && isSpace(gs[next]!)) next++;
  let last = i - 1;
  while (last >= 0 && isSpace(gs[last]!)) last--;
  if (last < 0 || next >= gs.length) return false;
  if (opensNoLine(gs[next]) || closesNoLine(gs[last])) return false;
  const a = gs[i - 1]!;
  const b = gs[i]!;
  return isSpace(a) || isSpace(b) || stringWidth(a) > 1 || stringWidth(b) > 1;
}

/**
 * Wraps text to `width` columns: at spaces for Latin text, between any two characters for Chinese, never
 * inside a character (an emoji with its modifiers or a letter with its accents stays whole). Newlines in
 * the text start new lines. Kinsoku: closing punctuation (`，。、；：？！」』）`…) never starts a line and
 * opening punctuation never ends one. The break moves back instead, carrying the character before the
 * punctuation onto the next line with it, so a line may end a column short; every line stays within
 * `width` (ink would re-wrap a longer one itself). A word longer than the line is cut, the cut also kept
 * off closing punctuation.
 */
export function wrap(text: string, width: number): string[] {
  const w0 = Math.max(4, width);
  return paragraphs(text).flatMap((para) => wrapParagraph(graphemes(para), w0));
}

function wrapParagraph(gs: readonly string[], w0: number): string[] {
  const out: string[] = [];
  let s = skipSpaces(gs, 0);
  while (s < gs.length) {
    let w = 0;
    let i = s;
    let lastBreak = -1;
    for (; i < gs.length; i++) {
      if (i > s && breakBefore(gs, i)) lastBreak = i;
      const cw = stringWidth(gs[i]!);
      // Spaces may run past the edge: they are trimmed off the line's end.
      if (w + cw > w0 && !isSpace(gs[i]!)) break;
      w += cw;
    }
    if (i >= gs.length) {
      out.push(gs.slice(s).join('').trimEnd());
      break;
    }
    const b = lastBreak > s ? lastBreak : forcedBreak(gs, s, i);
    out.push(gs.slice(s, b).join('').trimEnd());
    s = skipSpaces(gs, b);
  }
  return out.length ? out : [''];
}

function skipSpaces(gs: readonly string[], i: number): number {
  while (i < gs.length && isSpace(gs[i]!)) i++;
  return i;
}

/**
 * No break point fits (a long word, or punctuation packed tight): cut at the edge, moved back so that no
 * closing mark starts the next line and no opening mark ends this one, when the line leaves room to.
 */
function forcedBreak(gs: readonly string[], s: number, edge: number): number {
  let b = Math.max(edge, s + 1);
  while (b > s + 1 && (opensNoLine(gs[skipSpaces(gs, b)]) || closesNoLine(gs[b - 1]))) b--;
  return b;
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
