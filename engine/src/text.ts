/** Languages every participant-facing text may carry. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** A participant-facing text: one string, or one per language. */
export type LocalizedText = string | Partial<Record<Lang, string>>;

/** The text in `lang`, falling back to English, then to any language present. */
export function localize(text: LocalizedText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text).find((v) => typeof v === 'string') ?? '';
}

/** Which of the languages a text lacks (a plain string counts as untranslated for every language but one). */
export function missingLanguages(text: LocalizedText, langs: readonly Lang[]): Lang[] {
  if (typeof text === 'string') return langs.length > 1 ? langs.slice(1) : [];
  return langs.filter((l) => !text[l]);
}
