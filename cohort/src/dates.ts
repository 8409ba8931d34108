/**
 * Date ranges that pick a cohort out of many runs by when they were recorded (the transcript header's
 * `startedAt`), e.g. `2026-10-01..2026-10-31`. Times are read as UTC instants with `Date.UTC` arithmetic
 * — never through the platform's clock or time zone — so the same files give the same cohort anywhere.
 */
export interface DateRange {
  /** Inclusive lower bound: a date or date-time (`2026`, `2026-10`, `2026-10-01`, `2026-10-01T08:00`). */
  from?: string;
  /** Inclusive upper bound at its own precision: `2026-10-31` takes the whole of that day. */
  to?: string;
}

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?)?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An ISO-8601 date or date-time as a span of UTC milliseconds: from its first instant to the first
 * instant after it at its precision (`2026-10` spans October). A time without a zone is UTC; an explicit
 * offset (`+08:00`) is applied as stated.
 */
export function isoSpan(text: string): { start: number; end: number } | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const n = (i: number, dflt: number): number => (m[i] === undefined ? dflt : Number(m[i]));
  const parts = [
    n(1, 0),
    n(2, 1) - 1,
    n(3, 1),
    n(4, 0),
    n(5, 0),
    n(6, 0),
    m[7] ? Number(m[7].padEnd(3, '0')) : 0,
  ];
  if (parts[1]! > 11 || parts[2]! < 1 || parts[2]! > 31 || parts[3]! > 23 || parts[4]! > 59 || parts[5]! > 59)
    return undefined;
  // The last field given is the precision: one more of it is where the span ends.
  const given = m.slice(1, 8).findLastIndex((x) => x !== undefined);
  const next = [...parts];
  next[given] = next[given]! + 1;
  const zone = m[8];
  const offset =
    zone && zone !== 'Z'
      ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)))
      : 0;
  const utc = (p: number[]): number =>
    Date.UTC(p[0]!, p[1]!, p[2]!, p[3]!, p[4]!, p[5]!, p[6]!) - offset * 60_000;
  return { start: utc(parts), end: utc(next) };
}

/** Reads `FROM..TO` (either side may be empty, not both); a message for the user when it is not one. */
export function parseDateRange(text: string): { ok: true; range: DateRange } | { ok: false; reason: string } {
  const parts = text.split('..');
  if (parts.length !== 2)
    return {
      ok: false,
      reason: `\`${text}\` is not a date range: write FROM..TO, e.g. 2026-10-01..2026-10-31`,
    };
  const [from, to] = parts.map((p) => p.trim()) as [string, string];
  if (!from && !to) return { ok: false, reason: `\`${text}\` gives neither a start nor an end` };
  for (const d of [from, to])
    if (d && !isoSpan(d))
      return {
        ok: false,
        reason: `\`${d}\` is not a date: write YYYY-MM-DD (or YYYY, YYYY-MM, YYYY-MM-DDTHH:MM), in UTC`,
      };
  if (from && to && isoSpan(from)!.start >= isoSpan(to)!.end)
    return { ok: false, reason: `the range \`${text}\` ends before it starts` };
  return { ok: true, range: { ...(from ? { from } : {}), ...(to ? { to } : {}) } };
}

/** Was a run started within the range? A start time that is not an ISO date-time is in no range. */
export function inDateRange(startedAt: string, range: DateRange): boolean {
  const t = isoSpan(startedAt)?.start;
  if (t === undefined) return false;
  if (range.from !== undefined && t < isoSpan(range.from)!.start) return false;
  if (range.to !== undefined && t >= isoSpan(range.to)!.end) return false;
  return true;
}

/** The range as people write it. */
export function formatDateRange(r: DateRange): string {
  return `${r.from ?? ''}..${r.to ?? ''}`;
}
