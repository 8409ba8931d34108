import { civilTimeAt, localize, type Lang, type LocalizedText, type Scenario } from '@drill/engine';
import { scenarioTimeText, timeLabel } from '@drill/report';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Scenario time as the reports write it (`T-46h`, `T+80d`: days from a week on; `T0前46小时` in Chinese)
 * and the calendar time it stands for where the scenario dates its T0 (`08-26 16:00`).
 */
export function clockParts(
  scenario: Scenario,
  minutes: number,
  lang: Lang = 'en',
): { rel: string; civil: string } {
  return clockPartsAt(scenario.clock.t0, minutes, lang);
}

/** The same, from the scenario's T0 alone (a room page that has no scenario file is told it). */
export function clockPartsAt(t0: string, minutes: number, lang: Lang): { rel: string; civil: string } {
  const c = civilTimeAt(t0, minutes);
  return {
    rel: scenarioTimeText(minutes, lang),
    civil: c ? `${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}` : '',
  };
}

/** `T-46h (08-26 16:00)`: the reports' one time label. */
export function clockLabel(scenario: Scenario, minutes: number, lang: Lang = 'en'): string {
  return timeLabel(scenario.clock.t0, minutes, lang);
}

/** The same label from the scenario's T0 alone (empty or undated: the relative time only). */
export function clockLabelAt(t0: string, minutes: number, lang: Lang): string {
  return timeLabel(t0, minutes, lang);
}

export const L = (text: LocalizedText | undefined, lang: Lang): string => localize(text, lang);

/** The warning indicator (read from a state's world or a view's indicators): a levelled variable named like a warning, else the first levelled indicator. */
export function warningOf(
  scenario: Scenario,
  world: Readonly<Record<string, number | boolean>>,
  lang: Lang,
): { name: string; label: string; value: number; max: number } | undefined {
  const levelled = scenario.variables.filter((v) => v.levels && v.levels.length > 0);
  const v = levelled.find((x) => /warn|signal|alert/i.test(x.id)) ?? levelled[0];
  if (!v) return undefined;
  const value = Number(world[v.id] ?? 0);
  const level = [...v.levels!].reverse().find((l) => value >= l.value) ?? v.levels![0]!;
  return {
    name: L(v.name, lang),
    label: L(level.label, lang),
    value,
    max: Math.max(...v.levels!.map((l) => l.value)),
  };
}

/** A colour class for warning levels named by colour (blue/yellow/orange/red), else by position. */
export function warningTone(label: string, value: number, max: number): string {
  const l = label.toLowerCase();
  for (const c of ['red', 'orange', 'yellow', 'blue']) if (l.includes(c)) return `tone-${c}`;
  for (const [zh, c] of [
    ['红', 'red'],
    ['橙', 'orange'],
    ['黄', 'yellow'],
    ['蓝', 'blue'],
  ] as const)
    if (label.includes(zh)) return `tone-${c}`;
  if (value <= 0) return 'tone-none';
  const f = value / Math.max(1, max);
  return f > 0.75 ? 'tone-red' : f > 0.5 ? 'tone-orange' : f > 0.25 ? 'tone-yellow' : 'tone-blue';
}

export function formatValue(v: number | boolean, unit?: string): string {
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  const n = Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(2);
  return unit ? `${n} ${unit}` : n;
}
