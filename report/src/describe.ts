import { localize, type Lang } from '@drill/engine';
import type { Aar, AarDecision } from './aar.ts';
import { stringsFor } from './strings.ts';
import {
  colon,
  formatDuration,
  formatScenarioTime,
  joinList,
  oneLine,
  pct,
  quote,
  timeLabel,
} from './words.ts';

/** Plain-text phrases shared by the Markdown, HTML and terminal renderers (each escapes them its way). */

export function capabilityName(aar: Aar, id: string, lang: Lang): string {
  const c = aar.capabilities.find((x) => x.id === id);
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
          (c.amount !== undefined ? ` ×${c.amount}${d.unit ? ` ${localize(d.unit, lang)}` : ''}` : ''),
        lang,
      ),
    ),
    lang,
  );
}

/** on time / 2h late (due T-40h) / missed. */
export function timelinessText(d: AarDecision, lang: Lang): string {
  const S = stringsFor(lang);
  if (d.status === 'not-reached') return S.timeliness['not-reached'];
  const due = d.due !== undefined ? ` (${S.dueAt} ${formatScenarioTime(d.due)})` : '';
  if (d.timeliness === 'late' && d.at !== undefined && d.due !== undefined)
    return `${S.lateBy(formatDuration(d.at - d.due))}${due}`;
  return `${S.timeliness[d.timeliness ?? 'on-time']}${due}`;
}

/** One line of evidence: when, what was asked (briefly), what was chosen, timeliness, by whom, credit. */
export function evidenceHead(
  aar: Aar,
  d: AarDecision,
  lang: Lang,
): { when: string; prompt: string; verb: string; labels: string; choice: string; detail: string } {
  const S = stringsFor(lang);
  const when = d.at !== undefined ? timeLabel(aar.exercise.t0, d.at) : '';
  const verb = d.status === 'missed' ? S.defaultTaken : d.kind === 'allocate' ? S.allocated : S.chose;
  const by = d.by
    ? ` · ${S.decidedBy} ${d.by.name}${aar.exercise.teams.length > 1 && d.by.team ? ` (${d.by.team})` : ''}`
    : '';
  return {
    when,
    prompt: oneLine(d.prompt, lang),
    verb,
    labels: choiceText(d, lang),
    choice: `${verb}${colon(lang)}${choiceText(d, lang)}`,
    detail: `${timelinessText(d, lang)}${by} · ${S.col.credit} ${pct(d.credit)}${d.best !== 1 ? ` ${S.of} ${pct(d.best)}` : ''}`,
  };
}

export function ratingText(r: string, lang: Lang): string {
  const S = stringsFor(lang);
  return r === 'not-rated' ? S.notRated : r;
}

export function dateText(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}${iso.endsWith('Z') ? ' UTC' : ''}` : iso;
}

export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
