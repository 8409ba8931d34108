import { hazardText, localize, type Lang, type LocalizedText } from '@drill/engine';
import type { Aar, AarDecision } from './aar.ts';
import { ratingsChart, scoreChart } from './charts.ts';
import {
  bannerLines,
  capabilityName,
  capsText,
  dateText,
  evidenceHead,
  pressureLabel,
  roleNames,
  scoreLabel,
} from './describe.ts';
import { nameShown, referenceTitle, scenarioTimeText } from './glossary.ts';
import {
  answerColumns,
  discussionGroups,
  moduleAtTime,
  moduleHeading,
  observationLine,
} from './discussion.ts';
import { escapeHtml as h } from './escape.ts';
import { reportPage } from './html-style.ts';
import { stringsFor } from './strings.ts';
import { outcomeTable, planTable } from './tables.ts';
import { brief, civilLabel, colon, comma, oneLine, paren, pct } from './words.ts';

const SECTION_IDS = [
  'overview',
  'summary',
  'score',
  'objectives',
  'discussed',
  'capabilities',
  'subjects',
  'timeline',
  'outcomes',
  'plan',
  'hotWash',
  'method',
  'verification',
] as const;

function badge(r: string, lang: Lang): string {
  const S = stringsFor(lang);
  const text = r === 'not-rated' ? S.notRated : r;
  const title = S.ratingLong[r as keyof typeof S.ratingLong] ?? r;
  return `<span class="rating r-${h(r)}" title="${h(title)}">${h(text)}</span>`;
}

function table(head: string[], rows: string[][], numeric: number[] = []): string {
  const th = head.map((c, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${c}</th>`).join('');
  const tr = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

/** What every section needs: the report, the language, its strings and a one-line localizer. */
interface Ctx {
  aar: Aar;
  /** The sections this report has (the discussion section only for a discussion-based exercise). */
  sections: (typeof SECTION_IDS)[number][];
  lang: Lang;
  S: ReturnType<typeof stringsFor>;
  /** A scenario text in the report's language, on one line, escaped. */
  L: (t: LocalizedText | undefined) => string;
  decision: (id: string) => AarDecision;
}

/**
 * The After-Action Report as one self-contained HTML file: inline CSS, inline SVG charts, no script and
 * no external resource (a Content-Security-Policy forbids both), printable to A4. Every text from the
 * scenario or the transcript is escaped.
 */
export function renderHtml(aar: Aar, lang: Lang): string {
  const S = stringsFor(lang);
  const byId = new Map(aar.decisions.map((d) => [d.id, d]));
  const discussed = aar.discussed.length > 0 || aar.modules.length > 0;
  const sections = SECTION_IDS.filter((id) => id !== 'discussed' || discussed);
  const c: Ctx = {
    aar,
    sections,
    lang,
    S,
    L: (t) => h(oneLine(t, lang)),
    decision: (id) => byId.get(id)!,
  };
  const x = aar.exercise;
  const sec = (id: (typeof SECTION_IDS)[number], body: string): string =>
    sections.includes(id)
      ? `<section id="${id}"><h2>${sections.indexOf(id) + 1}. ${h(sectionTitle(c, id))}</h2>${body}</section>`
      : '';
  const body = [
    coverHtml(c),
    tocHtml(c),
    sec('overview', overviewHtml(c)),
    sec('summary', `<p class="summary">${c.L(aar.summary)}</p>`),
    sec('score', scoreHtml(c)),
    sec('objectives', objectivesHtml(c)),
    sec('discussed', discussed ? discussionHtml(c) : ''),
    sec('capabilities', capabilitiesHtml(c) + simulatedHtml(c)),
    sec('subjects', subjectsHtml(c)),
    sec('timeline', timelineHtml(c)),
    sec('outcomes', outcomesHtml(c)),
    sec('plan', planHtml(c)),
    sec('hotWash', `<ol>${aar.hotWash.map((q) => `<li>${c.L(q)}</li>`).join('')}</ol>`),
    sec('method', `<p>${h(S.method)}</p>`),
    sec('verification', verificationHtml(c)),
    `<footer>${h(S.generatedFrom)} ${h(localize(x.title, lang))} · ${h(dateText(x.date, lang))}</footer>`,
  ].join('\n');
  return reportPage(lang, h(`${S.reportTitle} — ${oneLine(x.title, lang)}`), 'report', body);
}

/** Warning banners, then the cover: title, hazard, place, date, scenario and seed, and the score box. */
function coverHtml({ aar, lang, S, L }: Ctx): string {
  const x = aar.exercise;
  const v = aar.verification;
  const verifiedBadge =
    v.ok && v.complete
      ? `<span class="badge-ok">✓ ${h(lang === 'zh-CN' ? '已校验' : 'verified')}</span>`
      : `<span class="badge-bad">✗ ${h(lang === 'zh-CN' ? '未校验' : 'not verified')}</span>`;
  const banners = bannerLines(aar, lang)
    .map((b) => `<p class="banner" role="alert"><strong>${h(b)}</strong></p>`)
    .join('');
  const pressure = pressureLabel(aar, lang);
  return `${banners}<header class="cover"><div>
<div class="kicker">${h(S.fullTitle)}</div>
<h1>${L(x.title)}</h1>
<p class="sub">${L(hazardText(x))} · ${L(x.place)}${pressure ? ` · <strong>${h(pressure)}</strong>` : ''}</p>
<dl class="meta"><dt>${h(S.field.date)}</dt><dd>${h(dateText(x.date, lang))}</dd><dt>${h(S.field.scenario)}</dt><dd>${h(x.scenario.id)} ${h(x.scenario.version)} · ${h(S.field.seed)} ${h(x.seed)}</dd>${x.ending ? `<dt>${h(S.field.ending)}</dt><dd>${L(x.ending.title)}</dd>` : ''}</dl>
</div><div class="scorebox"><div class="small">${h(scoreLabel(aar, lang))}</div><div class="big">${aar.overall.score.toFixed(1)}</div><div class="small">/ 100</div>${verifiedBadge}</div></header>`;
}

function sectionTitle({ S }: Ctx, id: (typeof SECTION_IDS)[number]): string {
  return id === 'discussed' ? S.discussion.title : S.sections[id];
}

function tocHtml(c: Ctx): string {
  return `<nav class="toc"><h3>${h(c.S.contents)}</h3><ol>${c.sections.map((id) => `<li><a href="#${id}">${h(sectionTitle(c, id))}</a></li>`).join('')}</ol></nav>`;
}

/** The discussion section: per module, its summary and key issues, then each question's answers side by side. */
function discussionHtml(c: Ctx): string {
  const { aar, lang, S, L } = c;
  const groups = discussionGroups(aar).map((g) => {
    const head = `<h3>${g.module ? h(moduleHeading(aar, g.module, lang)) : h(S.discussion.noModule)}</h3>`;
    const intro =
      (g.module?.summary ? `<p>${L(g.module.summary)}</p>` : '') +
      (g.module?.keyIssues.length
        ? `<h4>${h(S.discussion.keyIssues)}</h4><ul>${g.module.keyIssues.map((k) => `<li>${L(k)}</li>`).join('')}</ul>`
        : '');
    const questions = g.items.map((d) => {
      // Per role side by side: one column per role asked.
      const cols = answerColumns(aar, d, lang);
      const tags = d.capabilities.length
        ? `<p class="muted">${h(S.discussion.tags)}${colon(lang)}${h(d.capabilities.map((x) => capabilityName(aar, x, lang)).join(', '))}</p>`
        : '';
      return (
        `<h4>${L(d.prompt)} <span class="muted">— ${h(S.discussion.status[d.status])}</span></h4>${tags}` +
        table(
          cols.map((x) => h(x.head)),
          [cols.map((x) => `${h(x.text)}${x.by ? `<br><span class="muted">${h(x.by)}</span>` : ''}`)],
        )
      );
    });
    return `<div class="card">${head}${intro}${questions.join('')}</div>`;
  });
  return `<p class="muted">${h(S.discussion.intro)}</p>${groups.join('')}`;
}

/** A task's evaluator observations, beside the rating the engine proposes. */
function observedHtml({ aar, lang, S }: Ctx, t: Aar['objectives'][number]['tasks'][number]): string {
  if (!t.observed.length) return '';
  return ` <span class="muted">(${h(S.discussion.proposed)})</span><br>${h(S.discussion.observed)}${colon(lang)}<ul>${t.observed
    .map((o) => `<li>${badge(o.rating, lang)} ${h(observationLine(aar, o, lang))}</li>`)
    .join('')}</ul>`;
}

/** Section 1: the exercise's facts, its participants, its objectives and capabilities. */
function overviewHtml({ aar, lang, S, L }: Ctx): string {
  const x = aar.exercise;
  const pressure = pressureLabel(aar, lang);
  const anchor = `T0 = ${oneLine(x.anchor, lang)}${x.t0 ? `${comma(lang)}${x.t0.replace('T', ' ')}` : ''}`;
  return (
    table(
      [h(S.field.exercise), L(x.title)],
      [
        [h(S.field.date), h(dateText(x.date, lang))],
        [h(S.field.scenario), `${h(x.scenario.id)} ${h(x.scenario.version)}`],
        [h(S.field.hazard), L(hazardText(x))],
        [h(S.field.place), `${L(x.place)}${x.season ? ` · ${L(x.season)}` : ''}`],
        [h(S.field.difficulty), h(S.difficulty[x.difficulty])],
        [
          h(S.field.scenarioTime),
          h(`${scenarioTimeText(x.start, lang)} → ${scenarioTimeText(x.end, lang)}${paren(anchor, lang)}`),
        ],
        [h(S.field.seed), h(x.seed)],
        ...(pressure ? [[h(S.field.mode), h(pressure)]] : []),
        ...(x.ending
          ? [[h(S.field.ending), `<strong>${L(x.ending.title)}</strong> — ${L(x.ending.text)}`]]
          : []),
      ],
    ) +
    `<h3>${h(S.field.participants)}</h3>` +
    table(
      [h(S.col.name), h(S.col.team), h(S.col.roles)],
      x.participants.map((p) => [
        `${h(nameShown(p.name, lang))}${p.colleague ? ` <span class="muted">(${h(S.simulated)})</span>` : ''}`,
        h(nameShown(p.team, lang)),
        h(roleNames(aar, p.roles, lang)),
      ]),
    ) +
    `<div class="cols"><div><h3>${h(S.field.objectives)}</h3><ol>${aar.objectives.map((o) => `<li>${L(o.text)}</li>`).join('')}</ol></div>` +
    `<div><h3>${h(S.field.capabilities)}</h3><ul>${aar.capabilities.map((c) => `<li>${L(c.name)}</li>`).join('')}</ul></div></div>`
  );
}

/** Section 3: the score's parts and weights, any cap on the overall score, and the two charts. */
function scoreHtml({ aar, lang, S }: Ctx): string {
  const b = aar.overall.breakdown;
  return (
    table(
      [h(S.col.part), h(S.col.score), h(S.col.weight)],
      [
        [h(S.decisionsPart), b.decisions.toFixed(1), pct(b.decisionWeight)],
        ...(b.outcomes !== null ? [[h(S.outcomesPart), b.outcomes.toFixed(1), pct(b.outcomeWeight)]] : []),
        [`<strong>${h(S.overall)}</strong>`, `<strong>${aar.overall.score.toFixed(1)}</strong>`, '100%'],
      ],
      [1, 2],
    ) +
    (b.capped
      ? `<p><strong>${h(S.cappedOverall(b.capped.before.toFixed(1)))}</strong></p><ul>${capsText(
          aar,
          b.capped.caps,
          lang,
        )
          .map((c) => `<li>${h(c)}</li>`)
          .join('')}</ul>`
      : '') +
    `<figure>${ratingsChart(aar, lang)}<figcaption>${h(S.ratingsChart)}</figcaption></figure>` +
    `<figure>${scoreChart(aar, lang)}<figcaption>${h(S.scoreChart)}</figcaption></figure>`
  );
}

/** Section 4: each objective's rating, its capabilities' ratings and its tasks'. */
function objectivesHtml(c: Ctx): string {
  const { aar, lang, S, L } = c;
  return aar.objectives
    .map(
      (o) =>
        `<div class="card"><h3>${badge(o.rating, lang)} ${L(o.text)}</h3>` +
        `<p class="line">${h(S.ratingLong[o.rating])}</p>` +
        `<ul>${o.capabilities.map((c) => `<li>${h(capabilityName(aar, c, lang))}${colon(lang)}${badge(aar.capabilities.find((y) => y.id === c)?.final ?? 'not-rated', lang)}</li>`).join('')}</ul>` +
        (o.tasks.length
          ? `<h4>${h(S.tasks)}</h4><ul>${o.tasks.map((t) => `<li>${L(t.text)}${colon(lang)}${badge(t.rating, lang)}${observedHtml(c, t)}</li>`).join('')}</ul>`
          : '') +
        `</div>`,
    )
    .join('');
}

/** Section 5: one card per capability — ratings, override, caps, and the decisions that are its evidence. */
function capabilitiesHtml(c: Ctx): string {
  return c.aar.capabilities.map((cap) => capabilityCard(c, cap)).join('');
}

function capabilityCard(c: Ctx, cap: Aar['capabilities'][number]): string {
  const { aar, lang, S, L } = c;
  const credit = cap.credit === null ? '' : ` · ${h(S.col.credit)} ${pct(cap.credit)}`;
  const head = `<h3>${badge(cap.final, lang)} ${L(cap.name)}</h3><p class="line">${h(S.col.proposed)} ${badge(cap.proposed, lang)} · ${h(S.col.final)} ${badge(cap.final, lang)} — ${h(S.ratingLong[cap.final])}${credit}</p>`;
  const ov = cap.override
    ? `<div class="override"><strong>${h(S.override)}:</strong> ${badge(cap.proposed, lang)} → ${badge(cap.override.rating, lang)}${cap.override.by ? ` (${h(S.overriddenBy)} ${h(cap.override.by)})` : ''} — <span class="note">${h(cap.override.note)}</span></div>`
    : '';
  const caps = cap.caps?.length
    ? `<div class="override"><strong>${h(S.cappedBy)}:</strong><ul>${capsText(aar, cap.caps, lang)
        .map((t) => `<li>${h(t)}</li>`)
        .join('')}</ul></div>`
    : '';
  if (cap.evidence.length === 0)
    return `<div class="card short">${head}${ov}${caps}<p class="muted">${h(S.noEvidence)}</p></div>`;
  // Each decision once, marked as a strength (✓) or an area for improvement (△).
  const mark = (id: string): string =>
    cap.improvements.includes(id)
      ? `<span class="mark bad" title="${h(S.improvements)}">△</span> `
      : cap.strengths.includes(id)
        ? `<span class="mark ok" title="${h(S.strengths)}">✓</span> `
        : '';
  return (
    `<div class="card">${head}${ov}${caps}` +
    `<h4>${h(S.col.evidence)} <span class="muted">(✓ ${h(S.strengths)} · △ ${h(S.improvements)})</span></h4><ul class="evidence">${cap.evidence.map((id) => evidenceItem(c, c.decision(id), mark(id))).join('')}</ul></div>`
  );
}

/** One decision as evidence: what was chosen, when, the rationale, feedback and doctrine. */
function evidenceItem({ aar, lang, S, L }: Ctx, d: AarDecision, mark: string): string {
  const hd = evidenceHead(aar, d, lang);
  const rows = [
    `<dt>${h(S.col.chosen)}</dt><dd>${d.status === 'missed' ? `${h(hd.verb)}: ` : ''}${h(hd.labels)}</dd>`,
    `<dt>${h(S.col.timeliness)}</dt><dd>${h(hd.detail)}</dd>`,
    `<dt>${h(S.rationale)}</dt><dd class="rationale">${d.rationale ? h(d.rationale) : `<span class="muted">${h(S.noRationale)}</span>`}</dd>`,
    ...d.feedback.map((f) => `<dt>${h(S.feedback)}</dt><dd>${L(f)}</dd>`),
    ...d.refs.map((r) => `<dt>${h(S.doctrine)}</dt><dd>${h(referenceTitle(r.title, lang))}</dd>`),
  ];
  return `<li>${mark}<span class="when">${h(hd.when)}</span> <span class="q">${h(hd.prompt)}</span><dl>${rows.join('')}</dl></li>`;
}

/** Simulated colleagues' decisions: shown once, never as the player's evidence. */
function simulatedHtml({ aar, lang, S }: Ctx): string {
  const simulated = aar.decisions.filter((d) => d.simulated && d.status !== 'not-reached');
  if (!simulated.length) return '';
  const line = (d: AarDecision): string => {
    const hd = evidenceHead(aar, d, lang);
    return `<li><span class="when">${h(hd.when)}</span> ${h(brief(hd.prompt))}<br>${h(hd.choice)} <span class="muted">— ${h(hd.detail)}</span></li>`;
  };
  return `<div class="card"><h3>${h(S.simulated)}</h3><p class="muted">${h(S.simulatedNote)}</p><ul>${simulated.map(line).join('')}</ul></div>`;
}

/** Section 6: each rated subject (team, participant…) with its score and capability ratings. */
function subjectsHtml({ aar, lang, S, L }: Ctx): string {
  return table(
    [h(S.col.subject), h(S.col.score), h(`${S.col.final} (${S.col.proposed})`)],
    aar.subjects.map((s) => [
      `${h(S.subjectKind[s.subject.kind])}${colon(lang)}<strong>${L(s.name)}</strong>${s.detail ? ` <span class="muted">${h(paren(L(s.detail), lang).trim())}</span>` : ''}`,
      s.score === null ? '—' : s.score.toFixed(1),
      s.capabilities
        .map(
          (c) =>
            `${h(capabilityName(aar, c.id, lang))} ${badge(c.final, lang)}${c.overridden ? ` <span class="muted">(${h(c.proposed)})</span>` : ''}`,
        )
        .join('<br>') || h(S.notRated),
    ]),
    [1],
  );
}

/** Section 7: the drill's events in scenario time, with the civil time each stands for. */
function timelineHtml(c: Ctx): string {
  const { aar, lang, S, L } = c;
  // Sectioned by module: a row marks where each module starts.
  let inModule: string | undefined;
  const rows = aar.timeline.flatMap((it) => {
    const m = moduleAtTime(aar, it.at);
    if (!m || m.id === inModule) return [timelineRow(c, it)];
    inModule = m.id;
    const mark = [
      `<strong>${h(scenarioTimeText(m.at, lang))}</strong>`,
      `<strong>${h(S.event.module)}</strong>`,
      `<strong>${L(m.title)}</strong>`,
    ];
    return [mark, timelineRow(c, it)];
  });
  return table([h(S.col.time), h(S.col.event), h(S.col.details)], rows);
}

function timelineRow({ aar, lang, S, L, decision }: Ctx, it: Aar['timeline'][number]): string[] {
  const civil = civilLabel(aar.exercise.t0, it.at);
  const when = `<strong>${h(scenarioTimeText(it.at, lang))}</strong>${civil ? `<br><span class="muted">${h(civil)}</span>` : ''}`;
  switch (it.kind) {
    case 'inject':
      return [
        when,
        h(it.adhoc ? S.event.adhoc : S.event.inject),
        `${it.title ? `<strong>${L(it.title)}</strong><br>` : ''}${L(it.text)} <span class="muted">— ${L(it.source)}</span>`,
      ];
    case 'decision': {
      const d = decision(it.id);
      // The evidence itself is in section 5: here only a pointer to it.
      return [
        when,
        `<strong>${h(S.event.decision)}</strong>`,
        `${h(brief(oneLine(d.prompt, lang)))} <span class="muted">— ${h(S.seeEvidence)} ${h(d.simulated ? S.simulated : capabilityName(aar, d.capability, lang))}</span>`,
      ];
    }
    case 'variation':
      return [
        when,
        h(S.event.variation),
        `${it.description ? `${L(it.description)}: ` : ''}<strong>${it.label ? L(it.label) : h(it.outcome)}</strong>${it.notice ? `<br>${h(S.event.notice)}${colon(lang)}${L(it.notice)}` : ''}`,
      ];
    case 'override':
      return [
        when,
        h(S.event.override),
        `${h(capabilityName(aar, it.capability, lang))} → ${badge(it.rating, lang)}${it.by ? ` (${h(it.by)})` : ''}: <span class="note">${h(it.note)}</span>`,
      ];
    case 'phase':
      return [when, h(S.event[it.to]), ''];
    default: {
      const never: never = it;
      throw new Error(`unknown timeline item ${JSON.stringify(never)}`);
    }
  }
}

/** Section 8: each outcome measure against its target and worst case, with the credit it earned. */
function outcomesHtml({ aar, lang, L }: Ctx): string {
  const { head, rows } = outcomeTable(aar, lang, { text: h, L });
  return table(head, rows, [1, 2, 3, 4]);
}

/** Section 9: the improvement plan, or a line saying there is nothing to improve. */
function planHtml({ aar, lang, S, L }: Ctx): string {
  if (!aar.improvementPlan.length) return `<p>${h(S.noImprovements)}</p>`;
  const { head, rows } = planTable(aar, lang, { text: h, L });
  return table(head, rows);
}

/** Section 12: whether the transcript verified, and the hashes a reader can check it against. */
function verificationHtml({ aar, S }: Ctx): string {
  const v = aar.verification;
  return (
    `<p>${v.ok ? h(v.complete ? S.verified : S.incomplete) : `<strong>${h(S.notVerified(v.reason ?? ''))}</strong>`}</p>` +
    `<dl class="meta"><dt>${h(S.entries)}</dt><dd>${v.entries}</dd><dt>${h(S.finalStateHash)}</dt><dd class="hash">${h(v.finalStateHash)}</dd><dt>${h(S.transcriptHash)}</dt><dd class="hash">${h(v.lastHash)}</dd><dt>${h(S.engine)}</dt><dd>${h(aar.exercise.engine)}</dd></dl>`
  );
}
