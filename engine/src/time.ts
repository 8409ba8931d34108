/**
 * Scenario time is whole minutes relative to the scenario's anchor (T0: landfall, the main shock…).
 * Authors write `T-48h`, `T+2h30m`, `T0`; durations as `90m`, `2h`, `1d6h`.
 */
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/** Minutes in a duration like `1d6h30m`, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  const m = DURATION.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** Minutes relative to T0 for `T-48h`, `T+30m`, `T0`; undefined when the text is not a scenario time. */
export function parseScenarioTime(text: string): number | undefined {
  const s = text.trim().replace(/\s+/g, '');
  if (s === 'T0' || s === 'T') return 0;
  const m = /^T([+-])(.+)$/.exec(s);
  if (!m) return undefined;
  const d = parseDuration(m[2]!);
  if (d === undefined) return undefined;
  return m[1] === '-' ? -d : d;
}

/**
 * A scenario time or a relative deadline whose last number has no unit (`T-72`, `+30`, `T-2h30`), as
 * it was meant: the bare number read as hours, or as minutes after hours (`T-2h30m`). Undefined when
 * the text is not of that shape. Scenario files must say the unit: a bare number could be either.
 */
export function withUnitGuessed(text: string): string | undefined {
  const m = /^(T[+-]|\+)((?:\d+[dh])*)(\d+)$/.exec(text.trim().replace(/\s+/g, ''));
  if (!m) return undefined;
  return `${m[1]}${m[2]}${m[3]}${m[2]!.endsWith('h') ? 'm' : 'h'}`;
}

/** `T-18h`, `T+2h30m`, `T0`. */
export function formatScenarioTime(minutes: number): string {
  if (minutes === 0) return 'T0';
  const sign = minutes < 0 ? '-' : '+';
  return `T${sign}${formatDuration(Math.abs(minutes))}`;
}

/** `2h30m`, `45m`, `3h`. Days are shown as hours, as operations rooms count them. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${h}h${m}m`;
  if (h) return `${h}h`;
  return `${m}m`;
}

export interface CivilTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/**
 * The local wall-clock time at a scenario minute, given T0 as `YYYY-MM-DDTHH:MM`. Pure calendar
 * arithmetic (days-from-civil), so the engine never needs the platform's Date.
 */
export function civilTimeAt(t0: string, minutes: number): CivilTime | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(t0);
  if (!m) return undefined;
  const base =
    daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) * 1440 + Number(m[4]) * 60 + Number(m[5]);
  const total = base + minutes;
  const days = Math.floor(total / 1440);
  const rem = total - days * 1440;
  const { y, mo, d } = civilFromDays(days);
  return {
    year: y,
    month: mo,
    day: d,
    hour: Math.floor(rem / 60),
    minute: rem % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): { y: number; mo: number; d: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (mo <= 2 ? 1 : 0), mo, d };
}
