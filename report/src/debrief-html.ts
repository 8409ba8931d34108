import { localize, type Lang, type LocalizedText } from '@drill/engine';
import { DEBRIEF_MARKS, debriefPressure, type Debrief } from './debrief.ts';
import { dateText } from './describe.ts';
import { escapeHtml as h } from './escape.ts';
import { nameShown, ratingName } from './glossary.ts';
import { reportPage } from './html-style.ts';
import { stringsFor } from './strings.ts';
import { oneLine, pct } from './words.ts';

/**
 * The participant debrief as one self-contained HTML page set (no script, no external resource), at most
 * four A4 pages when printed: the browser test prints it to PDF and counts.
 */
export function renderDebriefHtml(d: Debrief, lang: Lang): string {
  const S = stringsFor(lang);
  const D = S.debrief;
  const L = (t: LocalizedText | undefined): string => h(oneLine(t, lang));
  const x = d.exercise;
  const b = d.score.breakdown;
  const pressure = debriefPressure(d, lang);
  const banners = d.banners
    .map((t) => `<p class="banner" role="alert"><strong>${L(t)}</strong></p>`)
    .join('');
  const meta = [
    [
      S.field.participants,
      h(x.participants.map((n) => nameShown(n, lang)).join(lang === 'zh-CN' ? '、' : ', ')),
    ],
    [D.rolePlayed, L(x.seats)],
    ...(x.colleagues ? [[D.colleagues, L(x.colleagues)]] : []),
    [S.field.date, `${h(dateText(x.date, lang))} · ${h(S.field.seed)} ${h(x.seed)}`],
    ...(pressure ? [[S.field.mode, `<strong>${h(pressure)}</strong>`]] : []),
    ...(x.ending ? [[S.field.ending, L(x.ending)]] : []),
  ]
    .map(([k, v]) => `<dt>${h(k!)}</dt><dd>${v}</dd>`)
    .join('');
  const parts = [
    `<li>${h(S.decisionsPart)} ${b.decisions.toFixed(1)} × ${pct(b.decisionWeight)}</li>`,
    ...(b.outcomes !== null
      ? [`<li>${h(S.outcomesPart)} ${b.outcomes.toFixed(1)} × ${pct(b.outcomeWeight)}</li>`]
      : []),
    ...(b.capped
      ? [
          `<li><strong>${h(S.cappedOverall(b.capped.before.toFixed(1)))}</strong><ul>${d.score.caps.map((c) => `<li>${L(c)}</li>`).join('')}</ul></li>`,
        ]
      : []),
  ].join('');
  const cover = `${banners}<header class="cover"><div><div class="kicker">${h(D.title)}</div><h1>${L(x.title)}</h1><dl class="meta">${meta}</dl></div><div class="scorebox"><div class="small">${L(d.score.label)}</div><div class="big">${d.score.overall.toFixed(1)}</div><div class="small">/ 100</div></div></header>`;
  const ratings = `<table><tbody>${d.ratings
    .map(
      (r) =>
        `<tr><td><span class="rating r-${h(r.rating)}" title="${h(ratingName(r.rating, lang))}">${h(r.rating)}</span></td><td><strong>${L(r.name)}</strong><br><span class="muted">${L(r.evidence)}</span></td></tr>`,
    )
    .join('')}</tbody></table>`;
  const list = (items: string[], empty: string): string =>
    items.length ? `<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol>` : `<p>${h(empty)}</p>`;
  const body = [
    cover,
    `<section><h2>${L(d.score.label)}</h2><ul>${parts}</ul></section>`,
    `<section><h2>${h(D.ratings)}</h2>${ratings}</section>`,
    `<section><h2>${h(D.strengths)}</h2>${list(d.strengths.map(L), D.noStrengths)}</section>`,
    `<section><h2>${h(D.improve)}</h2>${list(
      d.improvements.map((p) => `${L(p.issue)}<br><strong>${L(p.action)}</strong>`),
      D.noImprovements,
    )}</section>`,
    `<section><h2>${h(D.timeline)}</h2><table><tbody>${d.timeline
      .map(
        (m) =>
          `<tr><td>${DEBRIEF_MARKS[m.mark]}</td><td class="when">${L(m.when)}</td><td>${L(m.text)}</td></tr>`,
      )
      .join('')}</tbody></table></section>`,
    `<footer>${h(S.generatedFrom)} ${h(localize(x.title, lang))}</footer>`,
  ].join('\n');
  return reportPage(lang, h(`${D.title} — ${oneLine(x.title, lang)}`), 'report debrief', body);
}
