import { formatScenarioTime, parseDuration, parseScenarioTime } from '@drill/engine';
import type { CellValue } from './table.ts';

/** What a time cell says: a fixed scenario time, no fixed time (a trigger in words), or a mistake. */
export type TimeCell =
  | { kind: 'at'; minutes: number; trigger?: string }
  | { kind: 'none'; trigger?: string }
  | { kind: 'error'; message: string; zh: string };

const UNIT_WORDS: [RegExp, string][] = [
  [/(小时|钟头|時|时|hours?|hrs?)/gi, 'h'],
  [/(分钟|分|minutes?|mins?)/gi, 'm'],
  [/(天|日|days?)/gi, 'd'],
];

/**
 * Full-width characters, typographic minus signs and unit words folded to the drill's syntax; the Chinese
 * MSEL's `T0前48小时` / `T0后2小时30分钟` (before / after T0) become `T-48h` / `T+2h30m`.
 */
function fold(s: string): string {
  let t = s.normalize('NFKC').replace(/[−–—﹣－]/g, '-');
  for (const [re, u] of UNIT_WORDS) t = t.replace(re, u);
  return t
    .replace(/\s+/g, '')
    .replace(/^T0?前/i, 'T-')
    .replace(/^T0?后/i, 'T+');
}

/**
 * Reads a scenario time as trainers write it: `T-72h`, `T+1h30m`, `T0`, `-72h`, `H-72` (hours from T0),
 * `D-3` (days), `T-72小时`, and as the Chinese MSEL writes it, `T0前72小时`, `T0后1小时30分钟`, in a
 * sheet of either language. A number without a unit is refused with the likely meaning, never guessed:
 * `T-72` read as minutes was a silent error in the past (issue 14).
 */
export function parseTimeCell(v: CellValue | undefined): TimeCell {
  if (v === undefined) return { kind: 'none' };
  if (v instanceof Date)
    return {
      kind: 'error',
      message: `time is a calendar date/clock time, not a scenario time: write it as T-72h (put clock times in a "local time" column)`,
      zh: '时间是日历日期或钟点，不是想定时间：写成 T-72h（钟点请放在“当地时间”列）',
    };
  if (typeof v === 'number')
    return {
      kind: 'error',
      message: `time "${v}" has no unit: did you mean ${suggest(v)}?`,
      zh: `时间“${v}”没有单位：是不是 ${suggest(v)}？`,
    };
  const raw = v.trim();
  if (raw === '' || raw === '—' || raw === '-' || raw === '–') return { kind: 'none' };
  // `drill msel` writes follow-ups and condition-only items in words: they have no fixed time.
  if (/^(follow-up of|when|后续|条件)/i.test(raw)) return { kind: 'none', trigger: raw };
  // `T-12h (when x > 3)`, `T0前12小时（条件 …）`: a fixed time with a condition in brackets.
  const bracket = /^([^\s(（]+)\s*[(（](.*)[)）]\s*$/.exec(raw);
  const head = bracket ? bracket[1]! : raw;
  const t = fold(head);
  const at = parseScenarioTime(t.replace(/^t/, 'T'));
  if (at !== undefined && !/^T[+-]\d+$/i.test(t))
    return bracket ? { kind: 'at', minutes: at, trigger: bracket[2]! } : { kind: 'at', minutes: at };
  const noUnit = /^(?:T)?([+-]?)(\d+)$/i.exec(t);
  if (noUnit) {
    const n = Number(noUnit[2]);
    const meant = noUnit[1] === '' ? suggest(n) : formatScenarioTime((noUnit[1] === '-' ? -n : n) * 60);
    return {
      kind: 'error',
      message: `time "${raw}" has no unit: did you mean ${meant}?`,
      zh: `时间“${raw}”没有单位：是不是 ${meant}？`,
    };
  }
  // `H-72` (hours) and `D-3` (days), the military style; also `-72h` without the T.
  const hd = /^([HD])([+-])(\d+)$/i.exec(t);
  if (hd) {
    const n = Number(hd[3]) * (hd[1]!.toUpperCase() === 'D' ? 1440 : 60);
    return { kind: 'at', minutes: hd[2] === '-' ? -n : n };
  }
  const bare = /^[+-]/.test(t) ? parseScenarioTime(`T${t}`) : undefined;
  if (bare !== undefined) return { kind: 'at', minutes: bare };
  return {
    kind: 'error',
    message: `time "${raw}" is not a scenario time: write it as T-72h, T+1h30m or T0 (H-72 and D-3 also work)`,
    zh: `时间“${raw}”不是想定时间：写成 T-72h、T+1h30m 或 T0（也可写 H-72、D-3）`,
  };
}

/**
 * A bare number in an MSEL is usually hours before T0 ("72, 48, 24 hours before landfall"): suggest
 * that, as a question.
 */
function suggest(n: number): string {
  return n === 0 ? 'T0' : formatScenarioTime(-Math.abs(n) * 60);
}

/** `2025-07-04 08:00` (or an Excel date cell) as minutes since 1970 in local wall-clock terms; undefined otherwise. */
export function parseClockCell(v: CellValue | undefined): number | undefined {
  if (v instanceof Date) return Math.floor(v.getTime() / 60000);
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2})[:：时](\d{2})/.exec(v.trim());
  if (!m) return undefined;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) / 60000;
}

/** Minutes since 1970 back to the scenario's `t0` form, `YYYY-MM-DDTHH:MM`. */
export function formatT0(minutes: number): string {
  return new Date(minutes * 60000).toISOString().slice(0, 16);
}

/** A decision's deadline: a scenario time, or a length of time after it opens. */
export type DueCell = { abs: number } | { rel: number };

/**
 * A deadline as the MSEL's expected-action cell gives it: `T-71h` / `T0前71小时` (a time), `+1h` /
 * `开始后1小时` (after the decision opens); undefined when it is neither.
 */
export function parseDueText(text: string): DueCell | undefined {
  const t = fold(text);
  const rel = /^(?:\+|开始后|打开后|after)(.+)$/i.exec(t);
  if (rel) {
    const m = parseDuration(rel[1]!);
    return m === undefined || m <= 0 ? undefined : { rel: m };
  }
  const at = parseTimeCell(text);
  return at.kind === 'at' && at.trigger === undefined ? { abs: at.minutes } : undefined;
}
