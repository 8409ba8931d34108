import { own } from './own.ts';
import type { Scenario, VariableDef } from './scenario/model.ts';
import type { DrillState } from './state.ts';
import { localize, type Lang, type LocalizedText } from './text.ts';

/** `{variable}` in a participant text: replaced by the variable's live value and unit. */
const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** The variable ids a text refers to as `{id}` (both languages), for the compiler's check. */
export function placeholders(text: LocalizedText | undefined): string[] {
  if (text === undefined) return [];
  const all = typeof text === 'string' ? [text] : Object.values(text);
  return [...new Set(all.flatMap((t) => [...(t ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!)))];
}

const CJK = /^[\u3000-\u9fff\uff00-\uffef]/;

/**
 * A variable's value as a participant reads it: its level name when it has levels, else the number
 * with the variable's decimals and its unit (`181.4 m`, `181.4米`, `35%`), yes/no for a flag. Plain
 * digits, no locale formatting: the same text on every machine.
 */
export function formatVariable(v: VariableDef, value: number | boolean | undefined, lang: Lang): string {
  if (typeof value === 'boolean' || v.type === 'boolean') {
    const yes = value === true;
    return lang === 'zh-CN' ? (yes ? '是' : '否') : yes ? 'yes' : 'no';
  }
  const n = value ?? 0;
  const level = v.levels?.find((l) => l.value === n);
  if (level) return localize(level.label, lang);
  const digits = v.decimals ?? (Number.isInteger(n) ? 0 : 1);
  const shown = n.toFixed(digits);
  const unit = localize(v.unit, lang);
  if (!unit) return shown;
  return unit === '%' || CJK.test(unit) ? `${shown}${unit}` : `${shown} ${unit}`;
}

/**
 * A participant text in `lang` with every `{variable}` replaced by its value: as kept with a delivery
 * (`values`, what the inject said when it arrived), else the live value in this state (a prompt).
 */
export function liveText(
  scenario: Scenario,
  state: DrillState,
  text: LocalizedText | undefined,
  lang: Lang,
  values?: Readonly<Record<string, number | boolean>>,
): string {
  const s = localize(text, lang);
  if (!s.includes('{')) return s;
  return s.replace(PLACEHOLDER, (m, id: string) => {
    const v = scenario.variables.find((x) => x.id === id);
    return v ? formatVariable(v, own(values, id) ?? own(state.world, id), lang) : m;
  });
}
