import { hazardText, type Lang, type LocalizedText } from '@drill/engine';
import type { Aar } from './aar.ts';
import {
  bannerLines,
  capabilityName,
  capsText,
  dateText,
  evidenceHead,
  pressureLabel,
  ratingText,
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
import { escapeMd as e } from './escape.ts';
import { stringsFor } from './strings.ts';
import { outcomeTable, planTable } from './tables.ts';
import { brief, colon, comma, oneLine, paren, pct, timeLabel } from './words.ts';

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][]): string[] => [
  row(head),
  row(head.map(() => '---')),
  ...rows.map(row),
];

/**
 * The After-Action Report as Markdown (CommonMark tables). Every text from the scenario or the
 * transcript is escaped, so a rationale cannot inject markup.
 */
export function renderMarkdown(aar: Aar, lang: Lang): string {
  const S = stringsFor(lang);
  const L = (t: LocalizedText | undefined): string => e(oneLine(t, lang));
  const x = aar.exercise;
  const byId = new Map(aar.decisions.map((d) => [d.id, d]));
  const out: string[] = [];
  // Sections are numbered as they come: the discussion section appears only when there is one.
  let section = 0;
  const h2 = (_n: number, title: string): void => void out.push('', `## ${++section}. ${title}`, '');

  // Before anything else: whether these numbers can be trusted as the drill's result.
  const banners = bannerLines(aar, lang).map((b) => `> **${e(b)}**`);
  if (banners.length) out.push(...banners.flatMap((b) => [b, '']));
  out.push(`# ${S.fullTitle}`, '', `**${L(x.title)}**`, '', `*${S.generatedFrom}*`);

  h2(1, S.sections.overview);
  const anchor = `T0 = ${oneLine(x.anchor, lang)}${x.t0 ? `${comma(lang)}${x.t0.replace('T', ' ')}` : ''}`;
  out.push(
    ...table(
      ['', ''],
      [
        [S.field.exercise, L(x.title)],
        [S.field.date, e(dateText(x.date, lang))],
        [S.field.scenario, `\`${x.scenario.id}\` ${e(x.scenario.version)}`],
        [S.field.hazard, L(hazardText(x))],
        [S.field.place, L(x.place)],
        [S.field.difficulty, S.difficulty[x.difficulty]],
        [
          S.field.scenarioTime,
          e(`${scenarioTimeText(x.start, lang)} → ${scenarioTimeText(x.end, lang)}${paren(anchor, lang)}`),
        ],
        [S.field.seed, e(x.seed)],
        ...(x.pressure !== undefined ? [[S.field.mode, e(pressureLabel(aar, lang))]] : []),
        ...(x.ending ? [[S.field.ending, `${L(x.ending.title)} — ${L(x.ending.text)}`]] : []),
      ],
    ),
  );
  out.push('', `### ${S.field.participants}`, '');
  out.push(
    ...table(
      [S.col.name, S.col.team, S.col.roles],
      x.participants.map((p) => [
        p.colleague ? `${e(nameShown(p.name, lang))}${paren(S.simulated, lang)}` : e(nameShown(p.name, lang)),
        e(nameShown(p.team, lang)),
        e(roleNames(aar, p.roles, lang)),
      ]),
    ),
  );
  out.push('', `### ${S.field.objectives}`, '');
  aar.objectives.forEach((o, i) => out.push(`${i + 1}. ${L(o.text)}`));
  out.push('', `### ${S.field.capabilities}`, '');
  for (const c of aar.capabilities) out.push(`- ${L(c.name)}`);

  h2(2, S.sections.summary);
  out.push(L(aar.summary));

  h2(3, S.sections.score);
  const b = aar.overall.breakdown;
  out.push(
    `**${scoreLabel(aar, lang)}${colon(lang)}${aar.overall.score.toFixed(1)} / 100**${b.capped ? ` — ${S.cappedOverall(b.capped.before.toFixed(1))}` : ''}`,
    '',
  );
  if (b.capped) out.push(...capsText(aar, b.capped.caps, lang).map((c) => `- ${e(c)}`), '');
  out.push(
    ...table(
      [S.col.part, S.col.score, S.col.weight],
      [
        [S.decisionsPart, b.decisions.toFixed(1), pct(b.decisionWeight)],
        ...(b.outcomes !== null ? [[S.outcomesPart, b.outcomes.toFixed(1), pct(b.outcomeWeight)]] : []),
      ],
    ),
  );

  h2(4, S.sections.objectives);
  for (const o of aar.objectives) {
    out.push(
      `### ${L(o.text)}`,
      '',
      `${S.col.final}${colon(lang)}**${ratingText(o.rating, lang)}** — ${S.ratingLong[o.rating]}`,
      '',
    );
    for (const c of o.capabilities) {
      const cap = aar.capabilities.find((y) => y.id === c);
      out.push(
        `- ${e(capabilityName(aar, c, lang))}${colon(lang)}${ratingText(cap?.final ?? 'not-rated', lang)}`,
      );
    }
    if (o.tasks.length) {
      out.push('', `${S.tasks}${colon(lang).trimEnd()}`, '');
      for (const t of o.tasks) {
        out.push(
          `- ${L(t.text)}${colon(lang)}${ratingText(t.rating, lang)}${t.observed.length ? ` (${S.discussion.proposed})` : ''}`,
        );
        for (const ob of t.observed)
          out.push(`  - ${S.discussion.observed}${colon(lang)}${e(observationLine(aar, ob, lang))}`);
      }
    }
    out.push('');
  }

  if (aar.discussed.length || aar.modules.length) {
    h2(0, S.discussion.title);
    out.push(`*${S.discussion.intro}*`, '');
    for (const g of discussionGroups(aar)) {
      out.push(`### ${g.module ? e(moduleHeading(aar, g.module, lang)) : S.discussion.noModule}`, '');
      if (g.module?.summary) out.push(L(g.module.summary), '');
      if (g.module?.keyIssues.length)
        out.push(
          `${S.discussion.keyIssues}${colon(lang).trimEnd()}`,
          '',
          ...g.module.keyIssues.map((k) => `- ${L(k)}`),
          '',
        );
      for (const d of g.items) {
        out.push(`**${L(d.prompt)}** — ${S.discussion.status[d.status]}`, '');
        if (d.capabilities.length)
          out.push(
            `${S.discussion.tags}${colon(lang)}${d.capabilities.map((c) => e(capabilityName(aar, c, lang))).join(', ')}`,
            '',
          );
        // Per role side by side: one column per role asked.
        const cols = answerColumns(aar, d, lang);
        out.push(
          ...table(
            cols.map((c) => e(c.head)),
            [
              cols.map((c) => e(oneLine(c.text, lang))),
              ...(cols.some((c) => c.by) ? [cols.map((c) => (c.by ? `*${e(c.by)}*` : ''))] : []),
            ],
          ),
          '',
        );
      }
    }
  }

  h2(5, S.sections.capabilities);
  for (const c of aar.capabilities) {
    const credit = c.credit === null ? '' : paren(`${S.col.credit} ${pct(c.credit)}`, lang);
    out.push(
      `### ${L(c.name)}`,
      '',
      `${S.col.proposed}${colon(lang)}**${ratingText(c.proposed, lang)}** · ${S.col.final}${colon(lang)}**${ratingText(c.final, lang)}** — ${S.ratingLong[c.final]}${credit}`,
      '',
    );
    if (c.override)
      out.push(
        `> ${S.override}${colon(lang)}${c.proposed} → **${c.override.rating}**${c.override.by ? paren(`${S.overriddenBy} ${e(c.override.by)}`, lang) : ''} — ${e(c.override.note)}`,
        '',
      );
    if (c.caps?.length)
      out.push(`**${S.cappedBy}**`, '', ...capsText(aar, c.caps, lang).map((t) => `- ${e(t)}`), '');
    if (c.evidence.length === 0) {
      out.push(`*${S.noEvidence}*`, '');
      continue;
    }
    // Each decision once, marked as a strength (✓) or an area for improvement (△).
    out.push(`**${S.col.evidence}** (✓ ${S.strengths} · △ ${S.improvements})`, '');
    for (const id of c.evidence) {
      const d = byId.get(id)!;
      const h = evidenceHead(aar, d, lang);
      const mark = c.improvements.includes(id) ? '△' : c.strengths.includes(id) ? '✓' : '·';
      out.push(`- ${mark} **${e(h.when)}** ${e(h.prompt)}`, `  - ${e(h.choice)}`, `  - ${e(h.detail)}`);
      out.push(`  - ${S.rationale}${colon(lang)}${d.rationale ? e(d.rationale) : `*${S.noRationale}*`}`);
      for (const f of d.feedback) out.push(`  - ${S.feedback}${colon(lang)}${L(f)}`);
      for (const r of d.refs) out.push(`  - ${S.doctrine}${colon(lang)}${e(referenceTitle(r.title, lang))}`);
    }
    out.push('');
  }
  // Simulated colleagues' decisions: shown once, here, never as the player's evidence.
  const simulated = aar.decisions.filter((d) => d.simulated && d.status !== 'not-reached');
  if (simulated.length) {
    out.push(`### ${S.simulated}`, '', `*${S.simulatedNote}*`, '');
    for (const d of simulated) {
      const h = evidenceHead(aar, d, lang);
      out.push(`- **${e(h.when)}** ${e(h.prompt)} — ${e(h.choice)} (${e(h.detail)})`);
    }
    out.push('');
  }

  h2(6, S.sections.subjects);
  out.push(
    ...table(
      [S.col.subject, S.col.score, `${S.col.final}${paren(S.col.proposed, lang)}`],
      aar.subjects.map((s) => [
        `${S.subjectKind[s.subject.kind]}${colon(lang)}${L(s.name)}${s.detail ? paren(e(L(s.detail)), lang) : ''}`,
        s.score === null ? '—' : s.score.toFixed(1),
        s.capabilities
          .map(
            (c) =>
              `${e(capabilityName(aar, c.id, lang))} ${c.final}${c.overridden ? ` (${c.proposed})` : ''}`,
          )
          .join('; ') || S.notRated,
      ]),
    ),
  );

  h2(7, S.sections.timeline);
  const rows: string[][] = [];
  let inModule: string | undefined;
  for (const it of aar.timeline) {
    const when = e(timeLabel(x.t0, it.at, lang));
    // Sectioned by module: a row marks where each module starts.
    const m = moduleAtTime(aar, it.at);
    if (m && m.id !== inModule) {
      inModule = m.id;
      rows.push([e(timeLabel(x.t0, m.at, lang)), `**${S.event.module}**`, `**${L(m.title)}**`]);
    }
    switch (it.kind) {
      case 'inject':
        rows.push([
          when,
          it.adhoc ? S.event.adhoc : S.event.inject,
          `${it.title ? `**${L(it.title)}** ` : ''}${L(it.text)} — *${L(it.source)}*`,
        ]);
        break;
      case 'decision': {
        const d = byId.get(it.id)!;
        const h = evidenceHead(aar, d, lang);
        // The evidence itself is in section 5 (or the simulated colleagues' list): here only a pointer.
        rows.push([
          when,
          S.event.decision,
          `${e(brief(h.prompt))} — ${S.seeEvidence} ${d.simulated ? S.simulated : e(capabilityName(aar, d.capability, lang))}`,
        ]);
        break;
      }
      case 'variation':
        rows.push([
          when,
          S.event.variation,
          `${it.description ? `${L(it.description)}${colon(lang)}` : ''}${it.label ? L(it.label) : e(it.outcome)}${it.notice ? ` — ${S.event.notice}${colon(lang)}${L(it.notice)}` : ''}`,
        ]);
        break;
      case 'override':
        rows.push([
          when,
          S.event.override,
          `${e(capabilityName(aar, it.capability, lang))} → ${it.rating}${it.by ? ` (${e(it.by)})` : ''}: ${e(it.note)}`,
        ]);
        break;
      case 'phase':
        rows.push([when, S.event[it.to], '']);
        break;
    }
  }
  out.push(...table([S.col.time, S.col.event, S.col.details], rows));

  h2(8, S.sections.outcomes);
  const outcomes = outcomeTable(aar, lang, { text: e, L });
  out.push(...table(outcomes.head, outcomes.rows));

  h2(9, S.sections.plan);
  const plan = planTable(aar, lang, { text: e, L });
  out.push(...(aar.improvementPlan.length ? table(plan.head, plan.rows) : [S.noImprovements]));

  h2(10, S.sections.hotWash);
  aar.hotWash.forEach((q, i) => out.push(`${i + 1}. ${L(q)}`));

  h2(11, S.sections.method);
  out.push(S.method);

  h2(12, S.sections.verification);
  const v = aar.verification;
  out.push(v.ok ? (v.complete ? S.verified : S.incomplete) : `**${e(S.notVerified(v.reason ?? ''))}**`, '');
  out.push(
    `- ${S.entries}${colon(lang)}${v.entries}`,
    `- ${S.finalStateHash}${colon(lang)}\`${v.finalStateHash}\``,
    `- ${S.transcriptHash}${colon(lang)}\`${v.lastHash}\``,
    `- ${S.engine}${colon(lang)}${e(x.engine)}`,
  );
  return `${out.join('\n')}\n`;
}
