import type { Lang } from '@drill/engine';
import type { Aar, AarDiscussion, AarModule, AarObservation } from './aar.ts';
import { roleNames } from './describe.ts';
import { stringsFor } from './strings.ts';
import { nameShown } from './glossary.ts';
import { colon, oneLine, paren, timeLabel } from './words.ts';

/**
 * The discussion-based parts of the report, in one shape for every format: questions grouped by
 * module (in time order, questions outside any module first), answers lined up per role, and the
 * evaluators' observations as lines.
 */
export interface DiscussionGroup {
  module?: AarModule;
  items: AarDiscussion[];
}

export function discussionGroups(aar: Aar): DiscussionGroup[] {
  const loose = aar.discussed.filter((d) => !aar.modules.some((m) => m.id === d.module));
  return [
    ...(loose.length ? [{ items: loose }] : []),
    ...aar.modules.map((m) => ({ module: m, items: aar.discussed.filter((d) => d.module === m.id) })),
  ];
}

/** One column per role asked (side by side), or one column for the table's answer. */
export interface AnswerColumn {
  head: string;
  text: string;
  /** Who answered and when, or '' when nobody did. */
  by: string;
}

export function answerColumns(aar: Aar, d: AarDiscussion, lang: Lang): AnswerColumn[] {
  const S = stringsFor(lang).discussion;
  const byLine = (a: AarDiscussion['answers'][number]): string =>
    `${nameShown(a.by.name, lang)}${aar.exercise.teams.length > 1 && a.by.team ? paren(nameShown(a.by.team, lang), lang) : ''} · ${timeLabel(aar.exercise.t0, a.at, lang)}`;
  if (d.each === 'role')
    return d.roles
      .filter((r) => r !== 'all')
      .map((r) => {
        const a = d.answers.find((x) => x.role === r);
        return { head: roleNames(aar, [r], lang), text: a?.text ?? S.noAnswer, by: a ? byLine(a) : '' };
      });
  const a = d.answers[0];
  return [{ head: S.table, text: a?.text ?? S.noAnswer, by: a ? byLine(a) : '' }];
}

/** `T-70h (…) · Eve: S — slow to convene`. */
export function observationLine(aar: Aar, o: AarObservation, lang: Lang): string {
  return `${timeLabel(aar.exercise.t0, o.at, lang)} · ${o.evaluator}${colon(lang)}${o.rating} — ${o.note}`;
}

/** The module a time falls in (the last starting at or before it). */
export function moduleAtTime(aar: Aar, at: number): AarModule | undefined {
  let found: AarModule | undefined;
  for (const m of aar.modules) if (m.at <= at) found = m;
  return found;
}

/** `Module 1 — Forecast (T-72h …)`: a module's heading. */
export function moduleHeading(aar: Aar, m: AarModule, lang: Lang): string {
  return `${oneLine(m.title, lang)} · ${timeLabel(aar.exercise.t0, m.at, lang)}`;
}
