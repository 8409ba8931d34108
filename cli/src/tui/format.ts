import { scenarioTimeText } from '@drill/report';
import { civilTimeAt, localize, type Lang, type Scenario, type VariableDef } from '@drill/engine';
import { strings } from './i18n.ts';

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * "T-18h · 14:00 Tue" / "T0前18小时 · 14:00 周二": scenario time and the local wall-clock time it stands
 * for. Scenario time in the report glossary's words (days from a week on; Chinese without Latin units),
 * so the terminal, the web and the reports count a season-long drill alike.
 */
export function clockText(scenario: Scenario, minutes: number, lang: Lang): string {
  const c = civilTimeAt(scenario.clock.t0, minutes);
  const st = scenarioTimeText(minutes, lang);
  if (!c) return st;
  return `${st} · ${two(c.hour)}:${two(c.minute)} ${strings(lang).weekdays[c.weekday]}`;
}

/** "T-40h (14:00)" / "T0前40小时 (14:00)": a deadline, short. */
export function timeShort(scenario: Scenario, minutes: number, lang: Lang): string {
  const c = civilTimeAt(scenario.clock.t0, minutes);
  const st = scenarioTimeText(minutes, lang);
  return c ? `${st} (${two(c.hour)}:${two(c.minute)})` : st;
}

/** A variable's value as people read it: its level label, a rounded number with unit, or yes/no. */
export function valueText(v: VariableDef, value: number | boolean, lang: Lang): string {
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (v.levels?.length) {
    const lv = [...v.levels]
      .sort((a, b) => a.value - b.value)
      .filter((l) => l.value <= value)
      .at(-1);
    if (lv) return localize(lv.label, lang);
  }
  const unit = v.unit === '%' ? '%' : '';
  // A variable that declares its decimals keeps them (a reservoir at 212.5 m is not at 213 m).
  if (v.decimals !== undefined) {
    const d = v.decimals;
    return `${value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })}${unit}`;
  }
  const n = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${n.toLocaleString('en-US')}${unit}`;
}

const LEVEL_COLOURS: Record<string, string> = {
  blue: 'blue',
  yellow: 'yellow',
  orange: '#ff8800',
  red: 'red',
};

/** Warning colours by the English label (blue, yellow, orange, red), else by how high the level is. */
export function levelColour(v: VariableDef, value: number): string | undefined {
  const lv = [...(v.levels ?? [])]
    .sort((a, b) => a.value - b.value)
    .filter((l) => l.value <= value)
    .at(-1);
  if (!lv) return undefined;
  const en = localize(lv.label, 'en').toLowerCase();
  for (const [k, c] of Object.entries(LEVEL_COLOURS)) if (en.includes(k)) return c;
  const max = Math.max(...(v.levels ?? []).map((l) => l.value));
  if (value <= 0) return undefined;
  return value >= max ? 'red' : value >= max / 2 ? '#ff8800' : 'yellow';
}
