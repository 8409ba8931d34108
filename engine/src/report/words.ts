import type { Lang, LocalizedText } from '../text.ts';
import { localize } from '../text.ts';
import { civilTimeAt, formatDuration, formatScenarioTime } from '../time.ts';

/** “quoted” in the language's quotation marks. */
export function quote(s: string, lang: Lang): string {
  return lang === 'zh-CN' ? `“${s}”` : `“${s}”`; // the same marks; kept per language for when they differ
}

/** a, b and c / a、b和c. */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  if (lang === 'zh-CN') return `${items.slice(0, -1).join('、')}和${items.at(-1)!}`;
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** `: ` or the full-width `：` of Chinese text. */
export const colon = (lang: Lang): string => (lang === 'zh-CN' ? '：' : ': ');

/** `08-26 22:00`: the civil time at a scenario minute, or '' when T0 is not a date. */
export function civilLabel(t0: string, at: number): string {
  const c = civilTimeAt(t0, at);
  if (!c) return '';
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(c.month)}-${two(c.day)} ${two(c.hour)}:${two(c.minute)}`;
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** `T-40h (08-26 22:00)`: scenario time, and the civil time when T0 is known. */
export function timeLabel(t0: string, at: number): string {
  const c = civilTimeAt(t0, at);
  const st = formatScenarioTime(at);
  if (!c) return st;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${st} (${two(c.month)}-${two(c.day)} ${two(c.hour)}:${two(c.minute)})`;
}

export { formatDuration, formatScenarioTime };

/** Localizes, then makes one line of it (scenario texts may hold newlines). */
export function oneLine(t: LocalizedText | undefined, lang: Lang): string {
  return localize(t, lang)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** Both languages of a generated sentence from one builder. */
export function both(f: (lang: Lang) => string): { en: string; 'zh-CN': string } {
  return { en: f('en'), 'zh-CN': f('zh-CN') };
}

/**
 * A short form of a decision prompt for lists: the whole text when short, else its first sentence (the
 * situation) and its last (the question), else its first `max` characters.
 */
export function brief(s: string, max = 160): string {
  if (s.length <= max) return s;
  // Sentences end at a mark, so only the text up to the last mark can hold one; past it the pattern
  // would be retried at every character (quadratic: 10 s on 100k characters without punctuation).
  let end = s.length;
  while (end > 0 && !'.?!。？！'.includes(s[end - 1]!)) end--;
  const sentences = (s.slice(0, end).match(/[^.?!。？！]+[.?!。？！]+/gu) ?? [s]).map((x) => x.trim());
  const first = sentences[0]!;
  const last = sentences.at(-1)!;
  if (sentences.length > 1 && first.length + last.length + 3 <= max + 40) return `${first} … ${last}`;
  return `${s.slice(0, max - 1).trimEnd()}…`;
}
