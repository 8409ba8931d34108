import {
  formatScenarioTime,
  localize,
  ratingFor,
  type Lang,
  type LocalizedText,
  type Rating,
} from '@drill/engine';
import { capabilityName, dateText, evidenceHead, roleNames, stringsFor, type Aar } from '@drill/report';
import { textWidth, wrap } from '../tui/layout.ts';
import { clean, type Style } from './style.ts';
import { textTable } from './text-table.ts';

const oneLine = (t: LocalizedText | undefined, lang: Lang): string =>
  clean(localize(t, lang))
    .replace(/\s*\n\s*/g, ' ')
    .trim();

const creditStyle = (style: Style): Record<Rating, (s: string) => string> => ({
  P: style.green,
  S: style.cyan,
  M: style.yellow,
  U: style.red,
});

/** Indents wrapped text under a hanging label. */
function hang(label: string, text: string, width: number, indent: number): string[] {
  const lines = wrap(text, Math.max(20, width - indent));
  return lines.map((l, i) => `${i === 0 ? label.padEnd(indent) : ' '.repeat(indent)}${l}`);
}

/**
 * The scored transcript for a terminal: header and score, summary, the timeline with each decision's
 * choice, timeliness, rationale and feedback, the capability ratings with their evidence, outcomes,
 * the improvement plan and verification. Plain text; colour only through `style`.
 */
export function renderReview(aar: Aar, lang: Lang, style: Style, width = 100): string {
  const S = stringsFor(lang);
  const x = aar.exercise;
  const L = (t: LocalizedText | undefined): string => oneLine(t, lang);
  const out: string[] = [];
  // Chinese punctuation in Chinese: the full-width colon, brackets and semicolon (as the AAR's Markdown).
  const zh = lang === 'zh-CN';
  const c = zh ? '：' : ': ';
  const paren = (s: string): string => (zh ? `（${s}）` : ` (${s})`);
  const semi = zh ? '；' : '; ';
  const section = (title: string): void => void out.push('', style.bold(style.blue(title.toUpperCase())), '');
  const v = aar.verification;

  out.push(style.bold(L(x.title)));
  out.push(
    style.dim(
      `${x.scenario.id} ${x.scenario.version} · ${S.field.seed} ${clean(x.seed)} · ${dateText(clean(x.date))}${x.meta.mode ? ` · ${clean(x.meta.mode)}` : ''}`,
    ),
  );
  out.push(
    `${S.field.participants}${c}${x.participants.map((p) => `${clean(p.name)}${paren(`${clean(p.team)}${c}${roleNames(aar, p.roles, lang)}`)}`).join(semi)}`,
  );
  const b = aar.overall.breakdown;
  const verdict = v.ok
    ? v.complete
      ? style.green(`✓ ${lang === 'zh-CN' ? '已校验' : 'verified'}`)
      : style.yellow(S.incomplete)
    : style.red(`✗ ${S.notVerified(clean(v.reason ?? ''))}`);
  out.push(
    `${style.bold(`${S.sections.score}${c}${aar.overall.score.toFixed(1)}/100`)}${paren(`${S.decisionsPart} ${b.decisions.toFixed(1)}${b.outcomes !== null ? `${zh ? '，' : ', '}${S.outcomesPart} ${b.outcomes.toFixed(1)}` : ''}`)}${x.ending ? ` · ${S.field.ending}${c}${L(x.ending.title)}` : ''} · ${verdict}`,
  );

  section(S.sections.summary);
  out.push(...wrap(L(aar.summary), width));

  section(S.sections.timeline);
  const byId = new Map(aar.decisions.map((d) => [d.id, d]));
  const ind = 24;
  // Every timeline row: time (8 columns), a tag (16), then the text wrapped in the remaining width and
  // styled line by line (wrapping styled text would count escape codes as columns).
  const row = (
    at: string,
    tag: string,
    tagStyle: (s: string) => string,
    text: string,
    textStyle: (s: string) => string = (x) => x,
  ): void => {
    const lines = wrap(text, Math.max(20, width - ind));
    out.push(
      `${at.padEnd(8)}${tagStyle(tag)}${' '.repeat(Math.max(1, 16 - textWidth(tag)))}${textStyle(lines[0] ?? '')}`.trimEnd(),
    );
    for (const l of lines.slice(1)) out.push(' '.repeat(ind) + textStyle(l));
  };
  const more = (text: string, textStyle: (s: string) => string = (x) => x): void => {
    for (const l of wrap(text, Math.max(20, width - ind))) out.push(' '.repeat(ind) + textStyle(l));
  };
  for (const it of aar.timeline) {
    const when = formatScenarioTime(it.at);
    switch (it.kind) {
      case 'inject':
        row(
          when,
          `▸ ${it.adhoc ? S.event.adhoc : S.event.inject}`,
          style.dim,
          `${it.title ? `${L(it.title)}${c}` : ''}${L(it.text)} — ${L(it.source)}`,
          style.dim,
        );
        break;
      case 'decision': {
        const d = byId.get(it.id)!;
        const h = evidenceHead(aar, d, lang);
        // Coloured by the engine's rating of the share (its thresholds, not the terminal's).
        const credit = creditStyle(style)[ratingFor(d.share)];
        row(when, `◆ ${S.event.decision}`, style.bold, clean(h.prompt), style.bold);
        more(clean(h.choice));
        more(clean(h.detail), credit);
        if (d.rationale) more(`${S.rationale}${c}${clean(d.rationale)}`);
        for (const f of d.feedback) more(`${S.feedback}${c}${L(f)}`, style.dim);
        break;
      }
      case 'variation':
        row(
          when,
          `~ ${S.event.variation}`,
          style.dim,
          `${it.description ? `${L(it.description)}${c}` : ''}${it.label ? L(it.label) : clean(it.outcome)}`,
        );
        break;
      case 'override':
        row(
          when,
          `! ${S.event.override}`,
          style.yellow,
          `${capabilityName(aar, it.capability, lang)} → ${it.rating}${it.by ? paren(clean(it.by)) : ''}${c}${clean(it.note)}`,
        );
        break;
      case 'phase':
        row(when, `· ${S.event[it.to]}`, style.dim, '');
        break;
    }
  }

  section(S.sections.capabilities);
  out.push(
    textTable(
      [S.col.capability, S.col.proposed, S.col.final, S.col.credit, S.col.evidence],
      aar.capabilities.map((c) => [
        capabilityName(aar, c.id, lang),
        style.rating(c.proposed === 'not-rated' ? '—' : c.proposed),
        style.rating(c.final === 'not-rated' ? '—' : c.final),
        c.credit === null ? '—' : `${Math.round(c.credit * 100)}%`,
        c.evidence.map((id) => `${id} ${Math.round((byId.get(id)?.share ?? 0) * 100)}%`).join(', ') ||
          S.notRated,
      ]),
      width,
      { head: style.bold },
    ),
  );
  for (const c of aar.capabilities.filter((y) => y.override)) {
    const o = c.override!;
    out.push(
      '',
      ...hang(
        '',
        `${S.override}${zh ? '：' : ': '}${capabilityName(aar, c.id, lang)} ${c.proposed} → ${o.rating}${o.by ? paren(clean(o.by)) : ''} — ${clean(o.note)}`,
        width,
        2,
      ).map(style.yellow),
    );
  }
  const teams = aar.subjects.filter((s) => s.subject.kind === 'team' || s.subject.kind === 'participant');
  if (teams.length > 2 || aar.exercise.participants.length > 1) {
    out.push('');
    out.push(
      textTable(
        [S.col.subject, S.col.score, S.col.final],
        teams.map((s) => [
          `${S.subjectKind[s.subject.kind]}${c}${clean(L(s.name))}${s.detail ? paren(clean(L(s.detail))) : ''}`,
          s.score === null ? '—' : s.score.toFixed(1),
          s.capabilities.map((y) => `${capabilityName(aar, y.id, lang)} ${y.final}`).join(semi) || S.notRated,
        ]),
        width,
        { head: style.bold },
      ),
    );
  }

  section(S.sections.outcomes);
  out.push(
    textTable(
      [S.col.measure, S.col.value, S.col.target, S.col.worst, S.col.credit],
      aar.outcomes.map((o) => [
        L(o.label),
        `${o.value}${o.unit ? ` ${clean(L(o.unit))}` : ''}`,
        String(o.target),
        String(o.worst),
        `${Math.round(o.credit * 100)}%`,
      ]),
      width,
      { head: style.bold },
    ),
  );

  section(S.sections.plan);
  if (aar.improvementPlan.length === 0) out.push(S.noImprovements);
  aar.improvementPlan.forEach((p, i) => {
    out.push(...hang(`${i + 1}.`, L(p.issue), width, 4));
    out.push(
      ...hang(
        '',
        `→ ${L(p.action)}${paren([capabilityName(aar, p.capability, lang), roleNames(aar, p.roles, lang) || '—', L(p.due)].join(semi))}`,
        width,
        4,
      ),
    );
  });

  section(S.sections.verification);
  out.push(v.ok ? (v.complete ? S.verified : S.incomplete) : style.red(S.notVerified(clean(v.reason ?? ''))));
  out.push(style.dim(`${S.entries}${c}${v.entries} · ${S.finalStateHash}${c}${v.finalStateHash}`));
  return `${out.join('\n')}\n`;
}
