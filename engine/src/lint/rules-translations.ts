import { rubricCapability } from '../scenario/rubric.ts';
import type { ListKey } from '../scenario/schema-items.ts';
import { localize, missingLanguages, type LocalizedText } from '../text.ts';
import type { LintContext, Sub } from './context.ts';

export function translationRules(k: LintContext): void {
  const s = k.s;
  const langs = s.languages;
  const check = (
    list: ListKey | undefined,
    id: string | undefined,
    sub: Sub,
    text: LocalizedText | undefined,
  ): void => {
    if (text === undefined) return;
    const missing = missingLanguages(text, langs);
    if (missing.length)
      k.warn(
        list,
        id,
        sub,
        'missing-translation',
        `text has no ${missing.map((l) => `\`${l}\``).join(', ')} translation`,
        `write it as { ${langs.map((l) => `${l}: …`).join(', ')} }`,
      );
  };
  check(undefined, undefined, ['title'], s.title);
  check(undefined, undefined, ['hazardLabel'], s.hazardLabel);
  check(undefined, undefined, ['setting', 'place'], s.setting.place);
  check(undefined, undefined, ['setting', 'province'], s.setting.province);
  check(undefined, undefined, ['setting', 'season'], s.setting.season);
  check(undefined, undefined, ['clock', 'anchor'], s.clock.anchor);
  check(undefined, undefined, ['briefing'], s.briefing);
  // The scenario's own capabilities, and the texts it gives the rubric's (the rubric's own are bilingual).
  for (const c of s.capabilities) {
    const base = rubricCapability(s.rubric, c.id);
    if (c.name !== base?.name) check('capabilities', c.id, [base ? 'rename' : 'name'], c.name);
    if (c.description !== base?.description) check('capabilities', c.id, ['description'], c.description);
  }
  for (const o of s.objectives) {
    check('objectives', o.id, ['text'], o.text);
    o.tasks.forEach((t, i) => check('objectives', o.id, ['tasks', i, 'text'], t.text));
  }
  for (const r of s.roles) {
    check('roles', r.id, ['name'], r.name);
    check('roles', r.id, ['description'], r.description);
  }
  for (const v of s.variables) {
    check('variables', v.id, ['name'], v.name);
    v.levels?.forEach((l, i) => check('variables', v.id, ['levels', i, 'label'], l.label));
  }
  for (const v of s.variations) {
    check('variations', v.id, ['description'], v.description);
    v.outcomes.forEach((o, i) => check('variations', v.id, ['outcomes', i, 'label'], o.label));
  }
  for (const i of s.injects) {
    check('injects', i.id, ['source'], i.source);
    check('injects', i.id, ['title'], i.title);
    check('injects', i.id, ['text'], i.text);
  }
  for (const d of s.decisions) {
    check('decisions', d.id, ['prompt'], d.prompt);
    // What an allocation shares out is shown beside each amount ("安置点 ×2车"), in every report.
    if (d.kind === 'allocate') check('decisions', d.id, ['unit'], d.unit);
    d.options.forEach((o, i) => {
      check('decisions', d.id, ['options', i, 'label'], o.label);
      check('decisions', d.id, ['options', i, 'feedback'], o.feedback);
    });
    d.feedback.forEach((f, i) => check('decisions', d.id, ['feedback', i, 'text'], f.text));
  }
  for (const e of s.endings) {
    check('endings', e.id, ['title'], e.title);
    check('endings', e.id, ['text'], e.text);
  }
  for (const o of s.outcomes) check('outcomes', o.id, ['label'], o.label);
  // A doctrine title is cited as written, so one Chinese string serves both languages (English readers
  // see the document's own name); a title with no Chinese at all would reach Chinese readers in English.
  if (langs.includes('zh-CN'))
    for (const r of s.references)
      if (!HAN.test(localize(r.title, 'zh-CN')))
        k.warn(
          'references',
          r.id,
          ['title'],
          'missing-translation',
          'reference title is in English only: Chinese documents would cite it in English',
          'write it as { en: …, zh-CN: … }',
        );
}

/** A Chinese character (CJK unified ideographs). */
const HAN = /\p{Script=Han}/u;
