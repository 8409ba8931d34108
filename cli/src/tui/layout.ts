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

/** Display columns of one code point: East Asian wide and fullwidth characters take two. */
export function charWidth(cp: number): number {
  if (cp < 0x1100) return 1;
  if (
    cp <= 0x115f ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

export function lineWidth(l: Line): number {
  return l.reduce((a, s) => a + textWidth(s.t), 0);
}

/** Cuts a string to `width` columns, ending in … when it was cut. */
export function truncate(s: string, width: number): string {
  if (textWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
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

/**
 * Wraps text to `width` columns: at spaces for Latin text, between any two characters for Chinese.
 * Newlines in the text start new lines.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  const w0 = Math.max(4, width);
  for (const para of paragraphs(text)) {
    const tokens =
      para.match(
        /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|\s+/gu,
      ) ?? [];
    let line = '';
    let w = 0;
    for (const tok of tokens) {
      const tw = textWidth(tok);
      if (/^\s+$/.test(tok)) {
        if (w === 0) continue;
        if (w + tw <= w0) {
          line += tok;
          w += tw;
        } else {
          out.push(line.trimEnd());
          line = '';
          w = 0;
        }
        continue;
      }
      if (w > 0 && w + tw > w0) {
        // CJK punctuation stays with the character before it rather than starting a line.
        out.push(line.trimEnd());
        line = '';
        w = 0;
      }
      if (tw > w0) {
        for (const ch of tok) {
          const cw = charWidth(ch.codePointAt(0)!);
          if (w + cw > w0) {
            out.push(line);
            line = '';
            w = 0;
          }
          line += ch;
          w += cw;
        }
        continue;
      }
      line += tok;
      w += tw;
    }
    out.push(line.trimEnd());
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
