import type { z } from 'zod';
import { didYouMean } from '../expr/check.ts';
import { NUMBER_BOUND, WEIGHT_BOUND } from './schema.ts';

/**
 * The schema library's problems in a trainer's words: what the field is, the range it takes and an
 * example to write, instead of "Too big: expected number to be <=1". Only wording lives here; the
 * compiler decides where each problem points.
 */

type Path = readonly (string | number)[];
export interface Words {
  message: string;
  hint?: string;
}

/** What a mapping at a path is, for "an inject has no key `x`". */
export function thingAt(path: Path): string {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys[keys.length - 1];
  const inList = typeof path[path.length - 1] === 'number';
  if (last === undefined) return 'the scenario';
  if (!inList) return THINGS.get(`.${last}`) ?? `\`${last}\``;
  return (
    THINGS.get(`${keys[keys.length - 2] ?? ''}.${last}[]`) ??
    THINGS.get(`${last}[]`) ??
    `an entry of \`${last}\``
  );
}

const THINGS = new Map([
  ['.clock', 'the clock'],
  ['.setting', 'the setting'],
  ['references[]', 'a reference'],
  ['capabilities[]', 'a capability'],
  ['objectives[]', 'an objective'],
  ['tasks[]', 'a critical task'],
  ['roles[]', 'a role'],
  ['variables[]', 'a variable'],
  ['levels[]', 'a level'],
  ['variations[]', 'a variation'],
  ['variations.outcomes[]', 'a variation outcome'],
  ['dynamics[]', 'a dynamic'],
  ['injects[]', 'an inject'],
  ['decisions[]', 'a decision'],
  ['options[]', 'an option'],
  ['then[]', 'a follow-up'],
  ['decisions.feedback[]', 'a feedback line'],
  ['endings[]', 'an ending'],
  ['outcomes[]', 'an outcome measure'],
  ['caps[]', 'an outcome cap'],
]);

export function unknownKeyWords(path: Path, key: string, known: readonly string[]): Words {
  const textKeys = known.length === 2 && known.includes('en') && known.includes('zh-CN');
  // For a text's languages, spelling distance misleads (`zh` is nearer `en` than `zh-CN`).
  const m = textKeys
    ? /^(zh|cn|ch)/i.test(key)
      ? 'zh-CN'
      : /^en/i.test(key)
        ? 'en'
        : undefined
    : didYouMean(key, known);
  return {
    message: textKeys
      ? `\`${key}\` is not a language: a text has \`en\` and \`zh-CN\``
      : `${thingAt(path)} has no key \`${key}\``,
    ...(m
      ? { hint: `did you mean \`${m}\`?` }
      : known.length
        ? { hint: `allowed here: ${known.join(', ')}` }
        : {}),
  };
}

export function missingKeyWords(path: Path, key: string, expected: string): Words {
  return { message: `${thingAt(path)} needs \`${key}\``, hint: `expected ${expected}` };
}

/** A field's range in words, with an example, for the numbers whose range has a meaning. */
const RANGES = new Map<string, Words>([
  [
    'score',
    {
      message: 'scores run from 0 to 1',
      hint: 'write 0.8 for a good choice, 1 for best practice, 0 for no credit (a harmful pick in a multi-choice may go down to -1)',
    },
  ],
  ['p', { message: 'probabilities run from 0 to 1', hint: 'write 0.25 for one chance in four' }],
  [
    'lateDecay',
    {
      message: 'the credit lost per hour late runs from 0 to 1',
      hint: 'write 0.25 to lose a quarter of the credit for each hour late',
    },
  ],
  [
    'overall',
    { message: 'the overall score runs from 0 to 100', hint: 'write 60 to cap the drill’s score at 60' },
  ],
  ['decimals', { message: 'a value shows 0 to 3 digits after the point', hint: 'write 1 to show 181.4' }],
  [
    'weight',
    { message: 'a weight is more than 0', hint: 'a weight compares items: 1 is ordinary, 2 counts double' },
  ],
  ['max', { message: 'the most options one may choose is a whole number, at least 1', hint: 'write 2' }],
]);

/** How many of what a list needs at least, by its key. */
const AT_LEAST = new Map([
  ['options', 'a decision needs at least 2 options: a real choice'],
  ['outcomes', 'a variation needs at least 2 outcomes'],
  ['roles', 'name at least one role, or [all]'],
  ['capabilities', 'an objective names at least one capability'],
  ['effects', 'a dynamic needs at least one effect'],
  ['languages', 'name at least one language: [en, zh-CN]'],
]);

/** Values of a closed set, by the key that takes them. */
const SETS = new Map([
  ['hazard', 'hazard'],
  ['channel', 'channel'],
  ['urgency', 'urgency'],
  ['kind', 'decision kind'],
  ['difficulty', 'difficulty'],
  ['type', 'variable type'],
  ['better', 'direction (higher or lower)'],
  ['order', 'option order'],
  ['rating', 'rating'],
  ['languages', 'language'],
  ['rubric', 'rubric'],
  ['format', 'format'],
]);

/** Keys whose value is a scenario time, for a number written where a time belongs. */
const TIME_KEYS = new Set(['at', 'from', 'until', 'opens', 'due', 'closes', 'start', 'end']);

/** Hints for the format's bounds on numbers (messages set in schema.ts). */
const BOUND_HINTS = new Map([
  [NUMBER_BOUND, 'use a smaller unit (thousands of people, millions of yuan)'],
  [WEIGHT_BOUND, 'a weight compares items: 1 is ordinary, 2 counts double'],
]);

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
};

/** The message and hint for one schema problem about a value that is there (`got`). */
export function issueWords(issue: z.core.$ZodIssue, got: unknown, path: Path): Words {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  const inList = typeof path[path.length - 1] === 'number';
  const shown = `\`${String(got)}\``;
  switch (issue.code) {
    case 'invalid_value': {
      const values = issue.values.map(String);
      const m = typeof got === 'string' ? didYouMean(got, values) : undefined;
      const what = SETS.get(key);
      const message =
        key === 'format' && values.length === 1
          ? `${shown} is not a format this version of drill reads`
          : what
            ? `${shown} is not a known ${what}`
            : `${shown} is not allowed here`;
      return { message, hint: m ? `did you mean \`${m}\`?` : `one of: ${values.join(', ')}` };
    }
    case 'invalid_union': {
      const expected = unionExpected(issue);
      // Only the text union (string | { en, zh-CN }) gets the text wording; others say what they take.
      if (expected.includes('string') && expected.includes('object'))
        return { message: 'expected a text, or a mapping of languages like { en: …, zh-CN: … }' };
      return { message: `expected ${describeUnion(expected)}, found ${describeValue(got)}` };
    }
    case 'invalid_type': {
      if (issue.expected === 'int' && typeof got === 'number')
        return {
          message: `${shown} is not a whole number`,
          hint: `write ${Math.floor(got)} or ${Math.floor(got) + 1}`,
        };
      if (TIME_KEYS.has(key) && !inList && typeof got === 'number')
        return {
          message: `${shown} is not a time`,
          hint:
            key === 'due' || key === 'closes'
              ? 'write a time with its unit: T-40h, or +2h for two hours after it opens'
              : 'write a time with its unit: T-48h, T+2h30m or T0',
        };
      const want = TYPE_NAMES[issue.expected] ?? issue.expected;
      return { message: `expected ${want}, found ${describeValue(got)}` };
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = Number(
        big ? (issue as { maximum: unknown }).maximum : (issue as { minimum: unknown }).minimum,
      );
      if (issue.origin === 'array') {
        const n = Array.isArray(got) ? got.length : 0;
        if (!big)
          return {
            message: AT_LEAST.get(key) ?? `this list needs at least ${limit} entries`,
            hint: `it has ${n}`,
          };
        return { message: `${issue.message} (this list has ${n})`, hint: 'merge or drop entries' };
      }
      if (issue.origin !== 'number' && issue.origin !== 'int') return { message: issue.message };
      // A bound set in schema.ts with its own message says it in words already.
      if (!/^Too (big|small)/.test(issue.message)) {
        const hint = BOUND_HINTS.get(issue.message);
        return {
          message: `${shown} is too ${big ? 'big' : 'small'}: ${issue.message}`,
          ...(hint ? { hint } : {}),
        };
      }
      const range = RANGES.get(key);
      if (range)
        return { message: `${range.message}: ${shown} is too ${big ? 'big' : 'small'}`, hint: range.hint! };
      const inclusive = issue.inclusive !== false;
      return {
        message: `${shown} is too ${big ? 'big' : 'small'}: ${
          big
            ? inclusive
              ? `the most allowed here is ${limit}`
              : `it must be less than ${limit}`
            : inclusive
              ? `the least allowed here is ${limit}`
              : `it must be more than ${limit}`
        }`,
      };
    }
    case 'invalid_format':
      return key === 'id' || (inList && /^ids /.test(issue.message))
        ? { message: `${shown} is not an id: ${issue.message}`, ...idHint(got) }
        : key === 't0'
          ? {
              message: `${shown} is not a date and time: ${issue.message}`,
              hint: 'e.g. t0: "2025-07-01T12:00"',
            }
          : { message: `${shown}: ${issue.message}` };
    default:
      return { message: issue.message.replace(/^Invalid input: /, '') };
  }
}

/** An id written in a trainer's words (`Move People`), as the id it was meant to be (`move_people`). */
function idHint(got: unknown): { hint?: string } {
  if (typeof got !== 'string') return {};
  const id = got
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  return id && id !== got ? { hint: `did you mean \`${id}\`?` } : {};
}

/** The types a union accepts, from its branches' own type errors (zod reports one list per branch). */
export function unionExpected(issue: z.core.$ZodIssue): string[] {
  const branches = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
  const out = new Set<string>();
  for (const b of branches)
    for (const e of b) if (e.code === 'invalid_type' && e.path.length === 0) out.add(e.expected);
  return out.size ? [...out] : ['a valid value'];
}

export function describeUnion(expected: string[]): string {
  return expected.includes('string') && expected.includes('object')
    ? 'a text, or { en: …, zh-CN: … }'
    : expected.map((e) => TYPE_NAMES[e] ?? e).join(', or ');
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text \`${v}\``;
  if (typeof v === 'number') return `the number \`${v}\``;
  return `\`${String(v)}\``;
}
