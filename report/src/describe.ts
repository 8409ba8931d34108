import { localize, type AppliedCap, type Lang } from '@drill/engine';
import type { Aar, AarDecision } from './aar.ts';
import { stringsFor } from './strings.ts';
import { lateByText, nameShown, scenarioTimeText, secondsText } from './glossary.ts';
import { colon, joinList, numberWithUnit, oneLine, paren, pct, quote, timeLabel } from './words.ts';

/** Plain-text phrases shared by the Markdown, HTML and terminal renderers (each escapes them its way). */

/** A capability's name in the reader's language: a scored one, else a discussion's tag, else its id. */
export function capabilityName(aar: Aar, id: string, lang: Lang): string {
  const c = aar.capabilities.find((x) => x.id === id) ?? aar.tags.find((x) => x.id === id);
  return c ? localize(c.name, lang) : id;
}

export function roleNames(aar: Aar, ids: readonly string[], lang: Lang): string {
  return ids
    .map((id) =>
      id === 'all'
        ? lang === 'zh-CN'
          ? '全部角色'
          : 'all roles'
        : localize(aar.exercise.roles.find((r) => r.id === id)?.name ?? id, lang),
    )
    .join(lang === 'zh-CN' ? '、' : ', ');
}

export function choiceText(d: AarDecision, lang: Lang): string {
  return joinList(
    d.chosen.map((c) =>
      quote(
        oneLine(c.label, lang) +
          (c.amount !== undefined
            ? ` ×${c.amount}${d.unit ? `${lang === 'zh-CN' ? '' : ' '}${localize(d.unit, lang)}` : ''}`
            : ''),
        lang,
      ),
    ),
    lang,
  );
}

/** on time / 2 h late (due T-40h) / missed; in Chinese 按时 / 延迟2小时（时限T0前40小时）/ 错过时限. */
export function timelinessText(d: AarDecision, lang: Lang): string {
  const S = stringsFor(lang);
  if (d.status === 'not-reached') return S.timeliness['not-reached'];
  const zh = lang === 'zh-CN';
  const due =
    d.due !== undefined
      ? zh
        ? `（${S.dueAt}${scenarioTimeText(d.due, lang)}）`
        : ` (${S.dueAt} ${scenarioTimeText(d.due, lang)})`
      : '';
  if (d.timeliness === 'late' && d.at !== undefined && d.due !== undefined)
    return `${lateByText(d.at - d.due, lang)}${due}`;
  return `${S.timeliness[d.timeliness ?? 'on-time']}${due}`;
}

/** Pressure mode: `took 95 s, over the 90 s limit` / `用时95秒，超过90秒限时`; '' otherwise. */
export function pressureText(aar: Aar, d: AarDecision, lang: Lang): string {
  if (aar.exercise.pressure === undefined || d.elapsedMs === undefined) return '';
  const S = stringsFor(lang);
  const took = S.took(secondsText(d.elapsedMs, lang));
  return d.overTime ? `${took}${lang === 'zh-CN' ? '，' : ', '}${S.overLimit(aar.exercise.pressure)}` : took;
}

/**
 * One line of evidence: when, what was asked (briefly), what was chosen, timeliness, by whom (a simulated
 * colleague is named as such), time taken in pressure mode, credit.
 */
export function evidenceHead(
  aar: Aar,
  d: AarDecision,
  lang: Lang,
): { when: string; prompt: string; verb: string; labels: string; choice: string; detail: string } {
  const S = stringsFor(lang);
  const when = d.at !== undefined ? timeLabel(aar.exercise.t0, d.at, lang) : '';
  const verb = d.status === 'missed' ? S.defaultTaken : d.kind === 'allocate' ? S.allocated : S.chose;
  const by = d.simulated
    ? ` · ${S.simulated}`
    : d.by
      ? ` · ${S.decidedBy} ${nameShown(d.by.name, lang)}${aar.exercise.teams.length > 1 && d.by.team ? paren(nameShown(d.by.team, lang), lang) : ''}`
      : '';
  const pressure = pressureText(aar, d, lang);
  return {
    when,
    prompt: oneLine(d.prompt, lang),
    verb,
    labels: choiceText(d, lang),
    choice: `${verb}${colon(lang)}${choiceText(d, lang)}`,
    detail: `${timelinessText(d, lang)}${by}${pressure ? ` · ${pressure}` : ''} · ${S.col.credit} ${pct(d.credit)}${d.best !== 1 ? ` ${S.of} ${pct(d.best)}` : ''}`,
  };
}

export function ratingText(r: string, lang: Lang): string {
  const S = stringsFor(lang);
  return r === 'not-rated' ? S.notRated : r;
}

/** `2026-05-20 01:30 UTC` / `2026-05-20 01:30（世界协调时）`. */
export function dateText(iso: string, lang: Lang = 'en'): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (!m) return iso;
  const utc = iso.endsWith('Z') ? (lang === 'zh-CN' ? '（世界协调时）' : ' UTC') : '';
  return `${m[1]} ${m[2]}${utc}`;
}

export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/**
 * What a reader must know before any number: the transcript failed verification, or the drill did not
 * run to its end (then the score is the score so far). Empty for a verified, finished drill.
 */
export function bannerLines(aar: Aar, lang: Lang): string[] {
  const S = stringsFor(lang);
  const v = aar.verification;
  return [
    ...(v.ok ? [] : [S.banner.notVerified(v.reason ?? '')]),
    ...(v.finished ? [] : [S.banner.unfinished(v.replayed, v.recorded)]),
  ];
}

/** "Overall score" for a finished drill, "Score so far" otherwise. */
export function scoreLabel(aar: Aar, lang: Lang): string {
  const S = stringsFor(lang);
  return aar.verification.finished ? S.sections.score : S.scoreSoFar;
}

/** The outcome caps on a capability as evidence: `Dead or missing 16 people (limit 5) → at most M`. */
export function capsText(aar: Aar, caps: readonly AppliedCap[], lang: Lang): string[] {
  return caps.map((c) => {
    const o = aar.outcomes.find((x) => x.id === c.outcome);
    const u = o?.unit ? localize(o.unit, lang) : '';
    const label = o ? oneLine(o.label, lang) : c.outcome;
    const limit = numberWithUnit(c.worseThan, u, lang);
    const value = numberWithUnit(c.value, u, lang);
    const to = c.rating ?? (c.overall !== undefined ? String(c.overall) : '');
    return lang === 'zh-CN'
      ? `${label}为${value}（界限${limit}）→ ${c.rating ? `不高于${to}` : `总分不高于${to}`}`
      : `${label} ${value} (limit ${limit}) → ${c.rating ? `at most ${to}` : `overall at most ${to}`}`;
  });
}

/** Pressure-mode label for the header, or ''. */
export function pressureLabel(aar: Aar, lang: Lang): string {
  return aar.exercise.pressure === undefined ? '' : stringsFor(lang).pressure(aar.exercise.pressure);
}
