import { localize, civilTimeAt, type Lang, type LocalizedText } from '@drill/engine';
import { scenarioTimeText } from './glossary.ts';

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
export function timeLabel(t0: string, at: number, lang: Lang = 'en'): string {
  const c = civilTimeAt(t0, at);
  const st = scenarioTimeText(at, lang);
  if (!c) return st;
  const two = (n: number): string => String(n).padStart(2, '0');
  const civil = `${two(c.month)}-${two(c.day)} ${two(c.hour)}:${two(c.minute)}`;
  return lang === 'zh-CN' ? `${st}（${civil}）` : `${st} (${civil})`;
}

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

const STOPS = new Set(['.', '?', '!', '。', '？', '！']);
const LATIN_STOPS = new Set(['.', '?', '!']);

/**
 * The sentences of a text with their closing punctuation, in one pass: the regex it replaces
 * (`[^.?!]+[.?!]+`, global) rescanned the rest of the text from every position of a long text without a
 * stop, which is quadratic. Text after the last stop is not a sentence; no sentence at all gives [s].
 */
export function sentencesOf(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (!STOPS.has(s[i]!) || STOPS.has(s[i + 1] ?? '')) continue;
    // A Latin stop ends a sentence only before a space, a closing mark or the end: not inside a number
    // ("212.5 m", a live value with decimals) or a word.
    if (LATIN_STOPS.has(s[i]!) && i + 1 < s.length && !/[\s"'”’)\]]/u.test(s[i + 1]!)) continue;
    const x = s.slice(start, i + 1).trim();
    if ([...x].some((c) => !STOPS.has(c))) out.push(x);
    start = i + 1;
  }
  return out.length ? out : [s];
}

/**
 * A short form of a decision prompt for lists: the whole text when short, else its first sentence (the
 * situation) and its last (the question), else its first `max` characters.
 */
export function brief(s: string, max = 160): string {
  if (s.length <= max) return s;
  const sentences = sentencesOf(s);
  const first = sentences[0]!;
  const last = sentences.at(-1)!;
  if (sentences.length > 1 && first.length + last.length + 3 <= max + 40) return `${first} … ${last}`;
  return `${s.slice(0, max - 1).trimEnd()}…`;
}

/** `16 people` / `16人`: a number with its unit, spaced as the language writes it. */
export function numberWithUnit(n: number, unit: string, lang: Lang): string {
  const v = Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
  if (!unit) return v;
  return lang === 'zh-CN' || unit === '%' ? `${v}${unit}` : `${v} ${unit}`;
}

/** ` — ` between a statement and its detail; `——` in Chinese. */
export const dash = (lang: Lang): string => (lang === 'zh-CN' ? '——' : ' — ');

/** `, ` or the Chinese `，`. */
export const comma = (lang: Lang): string => (lang === 'zh-CN' ? '，' : ', ');

/** `(x)` or the full-width `（x）` of Chinese text. */
export const paren = (s: string, lang: Lang): string => (lang === 'zh-CN' ? `（${s}）` : ` (${s})`);

/**
 * Scenario feedback on the best option often opens with a verdict ("Right." / "正确。"): inside an
 * action it reads as noise, so it is dropped there.
 */
export function withoutVerdict(s: string): string {
  return s.replace(/^\s*(?:Right|Correct|Good|Yes)[.:!,]\s*|^\s*(?:正确|对|很好)[。：！，]\s*/u, '');
}
