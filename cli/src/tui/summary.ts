import { localize, type DecisionPoint, type Lang, type Scenario } from '@drill/engine';
import { graphemes, textWidth } from './layout.ts';

/**
 * A decision's question in a few words, for lists (debrief evidence, refusals, the feed): the prompt's
 * first sentence, cut at a word (or, in Chinese, a character) within `width` columns with "…". Prompts
 * open with the situation and end with a generic question ("What do you order?"), so the first sentence
 * is the part that tells decisions apart.
 */
export function gist(text: string, width = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = /^(.+?[.?!。？！])(\s|$)/u.exec(flat)?.[1] ?? flat;
  const sentence = first.replace(/[.。]$/u, '');
  if (textWidth(sentence) <= width) return sentence;
  let out = '';
  for (const ch of graphemes(sentence)) {
    if (textWidth(out + ch) > width - 1) break;
    out += ch;
  }
  // Cut Latin text at the last space, so no word is broken.
  const space = out.lastIndexOf(' ');
  if (space > width / 2 && !/[\u2e80-\ua4cf]/u.test(out)) out = out.slice(0, space);
  return `${out.replace(/[\s,，、;；:：]+$/u, '')}…`;
}

/** The decision's gist in `lang`. */
export function decisionGist(d: DecisionPoint | undefined, lang: Lang, width = 48): string {
  return d ? gist(localize(d.prompt, lang), width) : '';
}

/** An option's label in `lang` (never its id, unless the scenario has no such option). */
export function optionLabel(d: DecisionPoint | undefined, id: string, lang: Lang): string {
  return localize(d?.options.find((o) => o.id === id)?.label, lang) || id;
}

/** What was chosen, in words: option labels, or "label amount" per allocation target. */
export function choiceText(
  d: DecisionPoint,
  options: readonly string[],
  allocation: Record<string, number> | undefined,
  lang: Lang,
): string {
  if (d.kind === 'allocate')
    return d.options
      .map((o) => `${localize(o.label, lang)} ${allocation?.[o.id] ?? 0}`)
      .join(lang === 'zh-CN' ? '，' : ', ');
  return options.map((o) => optionLabel(d, o, lang)).join(lang === 'zh-CN' ? '；' : '; ');
}

/** The role names of a list of role ids. */
export function roleNames(scenario: Scenario, roles: readonly string[], lang: Lang): string {
  return roles
    .map((r) => localize(scenario.roles.find((x) => x.id === r)?.name, lang) || r)
    .join(lang === 'zh-CN' ? '、' : ', ');
}
