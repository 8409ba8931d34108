import {
  civilTimeAt,
  formatScenarioTime,
  localize,
  type Lang,
  type LocalizedText,
  type Scenario,
} from '@drill/engine';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `T-46h` and the local wall-clock time it stands for (`08-26 16:00`). */
export function clockParts(scenario: Scenario, minutes: number): { rel: string; civil: string } {
  const c = civilTimeAt(scenario.clock.t0, minutes);
  return {
    rel: formatScenarioTime(minutes),
    civil: c ? `${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}` : '',
  };
}

export function clockLabel(scenario: Scenario, minutes: number): string {
  const p = clockParts(scenario, minutes);
  return p.civil ? `${p.rel} · ${p.civil}` : p.rel;
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
