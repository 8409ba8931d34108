import { LANGUAGES, localize, type LocalizedText, type Scenario } from '@drill/engine';

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/**
 * A participant text as a class saw it, without one run's values: each `{variable}` becomes the
 * variable's name in brackets (`海上仍有渔船【海上渔船】`, `[Boats at sea]`). A cohort report pools
 * runs whose live values differ, so it cannot print one number — and must not print the raw
 * `{boats_at_sea}` either (an id in place of words).
 */
export function templateText(scenario: Scenario, text: LocalizedText): LocalizedText {
  const has =
    typeof text === 'string' ? text.includes('{') : Object.values(text).some((t) => t?.includes('{'));
  if (!has) return text;
  const out: Partial<Record<(typeof LANGUAGES)[number], string>> = {};
  for (const lang of LANGUAGES)
    out[lang] = localize(text, lang).replace(PLACEHOLDER, (m, id: string) => {
      const v = scenario.variables.find((x) => x.id === id);
      if (!v) return m;
      const name = localize(v.name, lang);
      return lang === 'zh-CN' ? `【${name}】` : `[${name}]`;
    });
  return out;
}
