import { LANGUAGES } from '@drill/engine';
import { kindWords } from '../views/msel-words.ts';
import { parseDueText, type DueCell } from './times.ts';

/** The decision kinds an MSEL row can hold whole; an allocation needs a budget and a score expression. */
export type ImportedKind = 'single' | 'multi' | 'discuss';

/** A decision point as read from one MSEL row: what the skeleton writes as a `decisions:` entry. */
export interface ImportedDecision {
  id: string;
  kind: ImportedKind;
  /** `each: role`: one answer per role (a discussion the MSEL marks "each role answers"). */
  each: boolean;
  /** Scenario minutes it opens at; undefined when the row gives no fixed time. */
  at?: number;
  roles: string[];
  prompt: string;
  /** The options' labels (scored kinds). */
  options: string[];
  due?: DueCell;
  note?: string;
  /** The module it is listed under, when its time alone would not place it there. */
  module?: string;
  where: string;
}

type Kind = ImportedKind | 'allocate';

/** Words compared without case, spaces or punctuation (brackets' contents kept: `Decide (one option)`). */
const key = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, '');

/**
 * The words of the expected-action cell that name a kind, in both languages: `drill msel` writes
 * `Decide (one option), due +1h` / `决策（单选），时限：开始后1小时`; a trainer may write the format's keyword.
 */
const KIND_WORDS: [string, Kind][] = (
  [
    ...LANGUAGES.flatMap((l) =>
      (['single', 'multi', 'allocate', 'discuss'] as const).map((k): [string, Kind] => [kindWords(k, l), k]),
    ),
    ['single choice', 'single'],
    ['multiple choice', 'multi'],
    ['discuss', 'discuss'],
    ['研讨', 'discuss'],
    ['讨论', 'discuss'],
    ['open question', 'discuss'],
    ['开放问题', 'discuss'],
  ] satisfies [string, Kind][]
)
  .map(([w, k]): [string, Kind] => [key(w), k])
  // Longest first: "several options" before "options".
  .sort((a, b) => b[0].length - a[0].length);

const EACH_WORDS = ['each role answers', 'each role', '各岗位分别作答', '分别作答', '逐一作答'].map(key);

/** What the expected-action cell of a decision row says: its kind, `each: role`, its deadline. */
export function readExpected(cell: string): {
  kind?: Kind;
  each: boolean;
  due?: DueCell;
  /** The deadline as written, when it could not be read. */
  badDue?: string;
} {
  const k = key(cell);
  const kind = KIND_WORDS.find(([w]) => k.includes(w))?.[1];
  const each = EACH_WORDS.some((w) => k.includes(w));
  const m = /(\bdue\b|时限|期限|截止)\s*[:：]?\s*([^,，;；]+)/i.exec(cell);
  const dueText = m?.[2]?.trim();
  if (dueText === undefined) return { ...(kind ? { kind } : {}), each };
  const due = parseDueText(dueText);
  if (due) return { ...(kind ? { kind } : {}), each, due };
  // "due to the flooding" is prose, not a deadline: after "due" only what looks like a time is worth a
  // warning; after 时限 anything is meant as one.
  const timeLike =
    m?.[1]?.toLowerCase() !== 'due' || /^(?:T\s*[0+\-−－]|\+|开始|打开|\d|[HD][+-])/i.test(dueText);
  return { ...(kind ? { kind } : {}), each, ...(timeLike ? { badDue: dueText } : {}) };
}

/**
 * A decision row's text cell: the prompt, then its options in brackets as `drill msel` writes them —
 * `Who do you send? [The boats | The helicopter]` — or a prompt alone (an open question).
 */
export function splitPrompt(text: string): { prompt: string; options: string[] } {
  const m = /^([\s\S]*?)\s*\[([^[\]]*)\]\s*$/.exec(text);
  const options = m ? m[2]!.split(/\s*\|\s*/).map((o) => o.trim()) : [];
  if (!m || options.length < 2 || options.some((o) => o === '')) return { prompt: text.trim(), options: [] };
  return { prompt: m[1]!.trim(), options };
}
