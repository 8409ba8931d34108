import { localize, type Lang, type LocalizedText, type ProposedRating, type Timeliness } from '@drill/engine';

/**
 * The domain words every front end shows — reports, the web review, the terminal — in one place and both
 * languages, so a word means one thing everywhere: 延迟 is a decision taken after its deadline (late),
 * 错过时限 one never taken (missed, the default applied); 超时 is not used, because cadres read it as
 * either. Durations are words, never `30m`, in both languages.
 */
export interface Term {
  en: string;
  'zh-CN': string;
}

/** Timeliness of a decision, plus `not-reached` for one the drill never opened. */
export type TimelinessTerm = Timeliness | 'not-reached';

export const TIMELINESS: Record<TimelinessTerm, Term> = {
  'on-time': { en: 'on time', 'zh-CN': '按时' },
  late: { en: 'late', 'zh-CN': '延迟' },
  missed: { en: 'missed', 'zh-CN': '错过时限' },
  'not-reached': { en: 'not reached', 'zh-CN': '未触发' },
};

/** HSEEP ratings: the letter stays P/S/M/U in both languages; the name says what it means. */
export const RATING_NAMES: Record<ProposedRating, Term> = {
  P: { en: 'Performed without challenges', 'zh-CN': '顺利完成（无明显问题）' },
  S: { en: 'Performed with some challenges', 'zh-CN': '基本完成（存在一些问题）' },
  M: { en: 'Performed with major challenges', 'zh-CN': '勉强完成（存在较大问题）' },
  U: { en: 'Unable to be performed', 'zh-CN': '未能完成' },
  'not-rated': { en: 'Not rated (no evidence)', 'zh-CN': '未评定（无依据）' },
};

/** Response levels I (highest) to IV, as the flood-control and relief plans number them. */
export const RESPONSE_LEVELS: Record<1 | 2 | 3 | 4, Term> = {
  1: { en: 'Level I response', 'zh-CN': 'Ⅰ级应急响应' },
  2: { en: 'Level II response', 'zh-CN': 'Ⅱ级应急响应' },
  3: { en: 'Level III response', 'zh-CN': 'Ⅲ级应急响应' },
  4: { en: 'Level IV response', 'zh-CN': 'Ⅳ级应急响应' },
};

/** Warning signals, blue (lowest) to red (highest). */
export const WARNING_LEVELS: Record<'blue' | 'yellow' | 'orange' | 'red', Term> = {
  blue: { en: 'blue warning', 'zh-CN': '蓝色预警' },
  yellow: { en: 'yellow warning', 'zh-CN': '黄色预警' },
  orange: { en: 'orange warning', 'zh-CN': '橙色预警' },
  red: { en: 'red warning', 'zh-CN': '红色预警' },
};

/** Everything else a trainer reads in more than one place. */
export const TERMS = {
  onTime: TIMELINESS['on-time'],
  late: TIMELINESS.late,
  missed: TIMELINESS.missed,
  notReached: TIMELINESS['not-reached'],
  defaultTaken: { en: 'the default was taken', 'zh-CN': '按默认选项处理' },
  simulatedColleague: { en: 'simulated colleague', 'zh-CN': '模拟同事' },
  simulatedDecision: { en: 'decided by a simulated colleague', 'zh-CN': '由模拟同事决策' },
  pressureMode: { en: 'pressure mode', 'zh-CN': '限时模式' },
  notVerified: { en: 'NOT VERIFIED', 'zh-CN': '未经校验' },
  unfinished: { en: 'unfinished', 'zh-CN': '未完成' },
} as const satisfies Record<string, Term>;

export type TermKey = keyof typeof TERMS;

/**
 * The names the engine gives when nobody typed one (`soloParticipant()`: the participant `Player` on
 * the team `solo`; `Auto player` for the engine's automatic players), recorded as data in every
 * headless or unnamed drill. They are words, not names, so a Chinese reader gets them in Chinese;
 * any other name is shown as recorded.
 */
const DEFAULT_NAMES = new Map<string, Term>([
  ['Player', { en: 'Player', 'zh-CN': '参演者' }],
  ['solo', { en: 'solo', 'zh-CN': '单人' }],
  ['Auto player', { en: 'Auto player', 'zh-CN': '自动参演者' }],
]);

/** A participant's or team's name as recorded, or the default name in the reader's language. */
export function nameShown(name: string, lang: Lang): string {
  return DEFAULT_NAMES.get(name)?.[lang] ?? name;
}

/** A term in one language. */
export function term(key: TermKey, lang: Lang): string {
  return TERMS[key][lang];
}

export function timelinessTerm(t: TimelinessTerm, lang: Lang): string {
  return TIMELINESS[t][lang];
}

export function ratingName(r: ProposedRating, lang: Lang): string {
  return RATING_NAMES[r][lang];
}

/**
 * From a week on, a time is counted in days and hours (`T+8d2h`, `T0后8天2小时`); below that in hours,
 * as operations rooms count them (`T-72h`, `T-120h`: typhoon and flood warnings are issued and read in
 * hours up to five days out); `T+1946h` tells a reader nothing about a season-long drill.
 */
const DAYS_FROM = 7 * 24 * 60;

/** Days, hours and minutes of a length of time (days only from a week on). */
function parts(minutes: number): { d: number; h: number; m: number } {
  const total = Math.round(Math.abs(minutes));
  const d = total >= DAYS_FROM ? Math.floor(total / 1440) : 0;
  return { d, h: Math.floor((total - d * 1440) / 60), m: total % 60 };
}

/** `2 h 30 min`, `45 min`, `3 d 2 h` / `2小时30分钟`, `45分钟`, `3天2小时`; days from two days on. */
export function durationText(minutes: number, lang: Lang): string {
  const { d, h, m } = parts(minutes);
  if (lang === 'zh-CN')
    return `${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${m || (!h && !d) ? `${m}分钟` : ''}`;
  return [d ? `${d} d` : '', h ? `${h} h` : '', m || (!h && !d) ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** `30 min left` / `还有30分钟`. */
export function timeLeftText(minutes: number, lang: Lang): string {
  const d = durationText(minutes, lang);
  return lang === 'zh-CN' ? `还有${d}` : `${d} left`;
}

/** `2 h late` / `延迟2小时`. */
export function lateByText(minutes: number, lang: Lang): string {
  const d = durationText(minutes, lang);
  return lang === 'zh-CN' ? `延迟${d}` : `${d} late`;
}

/** Seconds, for pressure mode: `95 s` / `95秒`. */
export function secondsText(ms: number, lang: Lang): string {
  const s = Math.round(ms / 1000);
  return lang === 'zh-CN' ? `${s}秒` : `${s} s`;
}

/**
 * Scenario time: `T-40h`, `T+2h30m`, `T0`, `T-30d` in English (the notation of operations rooms, and of
 * the scenario format); in Chinese `T0前40小时`, `T0后2小时30分钟`, `T0`, `T0前30天`, so no Latin unit
 * reaches a Chinese reader. Days from two days on.
 */
export function scenarioTimeText(at: number, lang: Lang): string {
  if (at === 0) return 'T0';
  if (lang === 'zh-CN') return `T0${at < 0 ? '前' : '后'}${durationText(at, lang)}`;
  const { d, h, m } = parts(at);
  return `T${at < 0 ? '-' : '+'}${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m || (!h && !d) ? `${m}m` : ''}`;
}

const LATIN = /[A-Za-z]/;

/**
 * A doctrine reference's title in the reader's language. A scenario gives a title per language
 * (`{ en: …, zh-CN: … }`) when its English citation carries English words, and each reader gets theirs.
 * A title written once is cited as the document is, `《…》 号 (English gloss)`: Chinese readers get it
 * without the glosses that hold Latin letters (an own scenario's title in English only stays English:
 * `lint` warns about it); English readers get it whole.
 */
export function referenceTitle(title: LocalizedText, lang: Lang): string {
  if (typeof title !== 'string') {
    const own = title[lang];
    if (own !== undefined) return own;
  }
  const once = localize(title, lang);
  if (lang !== 'zh-CN') return once;
  const stripped = once
    .replace(/\s*[(（][^()（）]*[A-Za-z][^()（）]*[)）]/g, '')
    .replace(/\s*\(([^()]*)\)/g, '（$1）')
    .trim();
  if (!LATIN.test(stripped)) return stripped;
  const named = /《[^》]+》/.exec(stripped);
  return named ? named[0] : stripped;
}

/** Punctuation that closes a phrase: a Chinese line must not start with it. */
export const CLOSING_PUNCTUATION = '，。、；：？！」』）》”’';

/**
 * The expression language of conditions (engine/src/expr) in words, for documents people read: the MSEL
 * words every condition with these, so no `floor(…)` or `&&` reaches a trainer. `$1`, `$2`, `$3` stand
 * for the operands, already in words; `$*` for all of a function's arguments as a list. Word order
 * differs between the languages, hence templates rather than single words.
 */
export const EXPRESSION_WORDS = {
  binary: {
    '+': { en: '$1 plus $2', 'zh-CN': '$1加$2' },
    '-': { en: '$1 minus $2', 'zh-CN': '$1减$2' },
    '*': { en: '$1 times $2', 'zh-CN': '$1乘以$2' },
    '/': { en: '$1 divided by $2', 'zh-CN': '$1除以$2' },
    '%': { en: 'the remainder of $1 divided by $2', 'zh-CN': '$1除以$2的余数' },
    '<': { en: '$1 below $2', 'zh-CN': '$1低于$2' },
    '<=': { en: '$1 at most $2', 'zh-CN': '$1不高于$2' },
    '>': { en: '$1 above $2', 'zh-CN': '$1高于$2' },
    '>=': { en: '$1 at least $2', 'zh-CN': '$1不低于$2' },
    '==': { en: '$1 is $2', 'zh-CN': '$1为$2' },
    '!=': { en: '$1 is not $2', 'zh-CN': '$1不为$2' },
    '&&': { en: '$1 and $2', 'zh-CN': '$1且$2' },
    '||': { en: '$1 or $2', 'zh-CN': '$1或$2' },
  },
  /** Comparisons of the scenario time `t` with a time: earlier and later, not lower and higher. */
  time: {
    '<': { en: '$1 before $2', 'zh-CN': '$1早于$2' },
    '<=': { en: '$1 no later than $2', 'zh-CN': '$1不晚于$2' },
    '>': { en: '$1 after $2', 'zh-CN': '$1晚于$2' },
    '>=': { en: '$1 no earlier than $2', 'zh-CN': '$1不早于$2' },
    '==': { en: '$1 is $2', 'zh-CN': '$1为$2' },
    '!=': { en: '$1 is not $2', 'zh-CN': '$1不为$2' },
  },
  unary: {
    '!': { en: 'not $1', 'zh-CN': '并非$1' },
    '-': { en: 'minus $1', 'zh-CN': '负$1' },
  },
  cond: { en: 'if $1 then $2, else $3', 'zh-CN': '若$1则$2，否则$3' },
  fn: {
    min: { en: 'the lowest of $*', 'zh-CN': '$*中的最小值' },
    max: { en: 'the highest of $*', 'zh-CN': '$*中的最大值' },
    abs: { en: 'the absolute value of $1', 'zh-CN': '$1的绝对值' },
    round: { en: '$1 rounded', 'zh-CN': '$1四舍五入取整' },
    floor: { en: '$1 rounded down', 'zh-CN': '$1向下取整' },
    ceil: { en: '$1 rounded up', 'zh-CN': '$1向上取整' },
    clamp: { en: '$1 kept between $2 and $3', 'zh-CN': '$1（限定在$2至$3之间）' },
    chose: { en: '“$2” was chosen in $1', 'zh-CN': '$1选择了“$2”' },
    decided: { en: '$1 was taken', 'zh-CN': '$1已作出' },
    opened: { en: '$1 was opened', 'zh-CN': '$1已开始' },
    fired: { en: '“$1” was delivered', 'zh-CN': '已发出“$1”' },
    variation: { en: '$1', 'zh-CN': '$1' },
    rand: { en: 'a random number from $1 to $2', 'zh-CN': '$1至$2之间的随机数' },
  },
  /** The built-in `t`. */
  scenarioTime: { en: 'the scenario time', 'zh-CN': '想定时间' },
  /** A decision named in a condition, by the first sentence of its prompt. */
  decision: { en: 'decision “$1”', 'zh-CN': '决策“$1”' },
  yes: { en: 'yes', 'zh-CN': '是' },
  no: { en: 'no', 'zh-CN': '否' },
  /** How a list of operands is joined: `A, B and C` / `A、B、C`. */
  listSeparator: { en: ', ', 'zh-CN': '、' },
  listLast: { en: ' and ', 'zh-CN': '、' },
  open: { en: '(', 'zh-CN': '（' },
  close: { en: ')', 'zh-CN': '）' },
} as const;

/** Fills a template of EXPRESSION_WORDS: `$1`… with the operands, `$*` with all of them as a list. */
export function fillWords(template: string, args: readonly string[], lang: Lang): string {
  const w = EXPRESSION_WORDS;
  const list =
    args.length <= 1
      ? (args[0] ?? '')
      : `${args.slice(0, -1).join(w.listSeparator[lang])}${w.listLast[lang]}${args.at(-1)!}`;
  return template.replace(/\$(\d|\*)/g, (_, k: string) => (k === '*' ? list : (args[Number(k) - 1] ?? '')));
}
