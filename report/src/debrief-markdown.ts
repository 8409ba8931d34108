import type { Lang, LocalizedText } from '@drill/engine';
import { DEBRIEF_MARKS, debriefPressure, type Debrief } from './debrief.ts';
import { dateText } from './describe.ts';
import { escapeMd as e } from './escape.ts';
import { nameShown, ratingName } from './glossary.ts';
import { stringsFor } from './strings.ts';
import { colon, dash, oneLine, pct } from './words.ts';

/** The participant debrief as Markdown: a handout of at most four A4 pages. */
export function renderDebriefMarkdown(d: Debrief, lang: Lang): string {
  const S = stringsFor(lang);
  const D = S.debrief;
  const L = (t: LocalizedText | undefined): string => e(oneLine(t, lang));
  const x = d.exercise;
  const out: string[] = [];
  for (const b of d.banners) out.push(`> **${L(b)}**`, '');
  out.push(`# ${D.title}`, '', `**${L(x.title)}**`, '');
  const pressure = debriefPressure(d, lang);
  out.push(
    `- ${S.field.participants}${colon(lang)}${e(x.participants.map((n) => nameShown(n, lang)).join(lang === 'zh-CN' ? '、' : ', '))}`,
    `- ${D.rolePlayed}${colon(lang)}${L(x.seats)}`,
    ...(x.colleagues ? [`- ${D.colleagues}${colon(lang)}${L(x.colleagues)}`] : []),
    `- ${S.field.date}${colon(lang)}${e(dateText(x.date, lang))} · ${S.field.seed} ${e(x.seed)}`,
    ...(pressure ? [`- **${e(pressure)}**`] : []),
    ...(x.ending ? [`- ${S.field.ending}${colon(lang)}${L(x.ending)}`] : []),
  );

  const b = d.score.breakdown;
  out.push('', `## ${L(d.score.label)}${colon(lang)}${d.score.overall.toFixed(1)} / 100`, '');
  out.push(
    `- ${S.decisionsPart} ${b.decisions.toFixed(1)} × ${pct(b.decisionWeight)}`,
    ...(b.outcomes !== null
      ? [`- ${S.outcomesPart} ${b.outcomes.toFixed(1)} × ${pct(b.outcomeWeight)}`]
      : []),
    ...(b.capped ? [`- ${e(S.cappedOverall(b.capped.before.toFixed(1)))}`] : []),
    ...d.score.caps.map((c) => `  - ${L(c)}`),
  );

  out.push('', `## ${D.ratings}`, '');
  for (const r of d.ratings)
    out.push(
      `- **${r.rating}** ${L(r.name)}${dash(lang)}${e(ratingName(r.rating, lang))}${colon(lang)}${L(r.evidence)}`,
    );

  out.push('', `## ${D.strengths}`, '');
  if (d.strengths.length) d.strengths.forEach((s, i) => out.push(`${i + 1}. ${L(s)}`));
  else out.push(D.noStrengths);

  out.push('', `## ${D.improve}`, '');
  if (d.improvements.length)
    d.improvements.forEach((p, i) => out.push(`${i + 1}. ${L(p.issue)}`, `   - ${L(p.action)}`));
  else out.push(D.noImprovements);

  out.push('', `## ${D.timeline}`, '');
  for (const m of d.timeline) out.push(`- ${DEBRIEF_MARKS[m.mark]} **${L(m.when)}** ${L(m.text)}`);
  return `${out.join('\n')}\n`;
}
