import type { Lang, LocalizedText, ProposedRating, ScoreReport } from '@drill/engine';
import type { Aar, AarDecision } from './aar.ts';
import { bannerLines, capsText, evidenceHead, roleNames, scoreLabel, timelinessText } from './describe.ts';
import { ratingName } from './glossary.ts';
import { stringsFor } from './strings.ts';
import { both, brief, colon, comma, dash, oneLine, paren, pct, timeLabel } from './words.ts';

export const DEBRIEF_FORMAT = 'drill-debrief/1' as const;

/** At most this many strengths, improvements and key moments: what fits on a handout. */
const THREE = 3;
const KEY_MOMENTS = 12;

export interface DebriefRating {
  capability: string;
  name: LocalizedText;
  rating: ProposedRating;
  /** One line: the decision (or outcome cap, or evaluator's note) that most explains the rating. */
  evidence: LocalizedText;
}

export interface DebriefMoment {
  at: number;
  when: LocalizedText;
  text: LocalizedText;
  /** full: full credit on time; short: below full credit; missed; event: not a decision. */
  mark: 'full' | 'short' | 'missed' | 'event';
}

/**
 * The participant debrief: the same model as the After-Action Report (`buildAar`), cut to what a cadre
 * takes home — the score and its breakdown, each rating with one line of evidence, three strengths,
 * three improvements, the key moments. Texts are in both languages, so one JSON serves either.
 */
export interface Debrief {
  format: typeof DEBRIEF_FORMAT;
  /** NOT VERIFIED / unfinished: shown before anything else. */
  banners: LocalizedText[];
  verified: boolean;
  finished: boolean;
  exercise: {
    title: LocalizedText;
    scenario: { id: string; version: string };
    date: string;
    seed: string;
    participants: string[];
    seats: LocalizedText;
    /** Seats played by simulated colleagues, when any. */
    colleagues?: LocalizedText;
    pressure?: number;
    ending?: LocalizedText;
  };
  score: {
    label: LocalizedText;
    overall: number;
    breakdown: ScoreReport['breakdown'];
    caps: LocalizedText[];
  };
  ratings: DebriefRating[];
  strengths: LocalizedText[];
  improvements: { issue: LocalizedText; action: LocalizedText }[];
  timeline: DebriefMoment[];
}

function decisionLine(aar: Aar, d: AarDecision, lang: Lang): string {
  const hd = evidenceHead(aar, d, lang);
  const S = stringsFor(lang);
  const who = d.simulated ? `${comma(lang)}${S.simulated}` : '';
  return `${brief(hd.prompt, 90)}${colon(lang)}${hd.labels}${dash(lang)}${timelinessText(d, lang)}${who}${comma(lang)}${lang === 'zh-CN' ? `${S.col.credit}${pct(d.share)}` : `credit ${pct(d.share)}`}`;
}

/**
 * The rating's one line of evidence. A decision the debrief already cites as a strength or an
 * improvement is referred to by that number, so no evidence is printed twice.
 */
function ratingEvidence(aar: Aar, id: string, lang: Lang, cited: ReadonlyMap<string, Cite>): string {
  const S = stringsFor(lang);
  const c = aar.capabilities.find((x) => x.id === id)!;
  if (c.override) return `${S.override}${colon(lang)}${c.override.note}`;
  if (c.caps?.length) return `${S.cappedBy}${colon(lang)}${capsText(aar, c.caps, lang)[0]}`;
  const ev = c.evidence.map((e) => aar.decisions.find((d) => d.id === e)!).filter((d) => d && !d.simulated);
  if (ev.length === 0) return S.noEvidence;
  // Below P: the decision that cost it most; P: the weightiest decision that earned it.
  const pick =
    c.final === 'P'
      ? [...ev].sort((a, b) => b.weight - a.weight || b.share - a.share)[0]!
      : [...ev].sort((a, b) => (b.best - b.credit) * b.weight - (a.best - a.credit) * a.weight)[0]!;
  const c2 = cited.get(pick.id);
  if (c2) return c2.kind === 'strength' ? S.debrief.seeStrength(c2.n) : S.debrief.seeImprovement(c2.n);
  return decisionLine(aar, pick, lang);
}

interface Cite {
  kind: 'strength' | 'improvement';
  n: number;
}

/** A key moment: when, the question briefly, how it went — the choice itself is cited elsewhere. */
function momentLine(d: AarDecision, lang: Lang): string {
  const S = stringsFor(lang);
  const who = d.simulated ? `${comma(lang)}${S.simulated}` : '';
  return `${brief(oneLine(d.prompt, lang), 70)}${dash(lang)}${timelinessText(d, lang)}${who}${comma(lang)}${lang === 'zh-CN' ? `${S.col.credit}${pct(d.share)}` : `credit ${pct(d.share)}`}`;
}

/** Builds the participant debrief from the After-Action Report's model. */
export function buildDebrief(aar: Aar): Debrief {
  const x = aar.exercise;
  const humans = x.participants.filter((p) => p.colleague === undefined);
  const colleagues = x.participants.filter((p) => p.colleague !== undefined);
  const mine = aar.decisions.filter((d) => !d.simulated && d.status !== 'not-reached');

  const strong = mine
    .filter((d) => d.status === 'decided' && d.timeliness === 'on-time' && d.best - d.credit <= 1e-6)
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.weight - a.d.weight || a.i - b.i)
    .slice(0, THREE)
    .map(({ d }) => d);
  const strengths = strong.map((d) => both((lang) => decisionLine(aar, d, lang)));
  const cited = new Map<string, Cite>(strong.map((d, i) => [d.id, { kind: 'strength', n: i + 1 }]));
  aar.improvementPlan.slice(0, THREE).forEach((p, i) => {
    if (p.decision) cited.set(p.decision, { kind: 'improvement', n: i + 1 });
  });

  const improvements = aar.improvementPlan.slice(0, THREE).map((p) => ({ issue: p.issue, action: p.action }));
  // A capability below P with no row for it (its decisions all at their best, yet the credit short of P):
  // say so, rather than "nothing to improve".
  for (const c of aar.capabilities) {
    if (improvements.length >= THREE) break;
    if (c.final === 'P' || c.final === 'not-rated') continue;
    if (aar.improvementPlan.some((p) => p.capability === c.id)) continue;
    improvements.push({
      issue: both(
        (lang) => `${oneLine(c.name, lang)}${colon(lang)}${c.final} — ${ratingName(c.final, lang)}`,
      ),
      action: both((lang) => ratingEvidence(aar, c.id, lang, cited)),
    });
  }

  const lost = (d: AarDecision): number => (d.best - d.credit) * d.weight;
  const keyDecisions = mine
    .map((d, i) => ({ d, i }))
    .sort((a, b) => lost(b.d) - lost(a.d) || b.d.weight - a.d.weight || a.i - b.i)
    .slice(0, KEY_MOMENTS - 2)
    .map(({ d }) => d);
  const moments: DebriefMoment[] = keyDecisions.map((d) => ({
    at: d.at ?? 0,
    when: both((lang) => timeLabel(x.t0, d.at ?? 0, lang)),
    text: both((lang) => momentLine(d, lang)),
    mark: d.status === 'missed' ? 'missed' : d.best - d.credit > 1e-6 ? 'short' : 'full',
  }));
  for (const it of aar.timeline) {
    if (it.kind !== 'variation' || moments.length >= KEY_MOMENTS) continue;
    moments.push({
      at: it.at,
      when: both((lang) => timeLabel(x.t0, it.at, lang)),
      text: both((lang) =>
        `${it.description ? `${oneLine(it.description, lang)}${colon(lang)}` : ''}${it.label ? oneLine(it.label, lang) : it.outcome}`.trim(),
      ),
      mark: 'event',
    });
  }
  moments.sort((a, b) => a.at - b.at);

  const seats = [...new Set(humans.flatMap((p) => p.roles))];
  const otherSeats = [...new Set(colleagues.flatMap((p) => p.roles))];
  return {
    format: DEBRIEF_FORMAT,
    banners: bannerLines(aar, 'en').map((en, i) => ({ en, 'zh-CN': bannerLines(aar, 'zh-CN')[i]! })),
    verified: aar.verification.ok,
    finished: aar.verification.finished,
    exercise: {
      title: x.title,
      scenario: { id: x.scenario.id, version: x.scenario.version },
      date: x.date,
      seed: x.seed,
      participants: humans.map((p) => p.name),
      seats: both((lang) => roleNames(aar, seats, lang)),
      ...(otherSeats.length
        ? {
            colleagues: both(
              (lang) => `${roleNames(aar, otherSeats, lang)}${paren(stringsFor(lang).simulated, lang)}`,
            ),
          }
        : {}),
      ...(x.pressure !== undefined ? { pressure: x.pressure } : {}),
      ...(x.ending ? { ending: x.ending.title } : {}),
    },
    score: {
      label: both((lang) => scoreLabel(aar, lang)),
      overall: aar.overall.score,
      breakdown: { ...aar.overall.breakdown },
      caps: aar.overall.breakdown.capped
        ? capsText(aar, aar.overall.breakdown.capped.caps, 'en').map((en, i) => ({
            en,
            'zh-CN': capsText(aar, aar.overall.breakdown.capped!.caps, 'zh-CN')[i]!,
          }))
        : [],
    },
    ratings: aar.capabilities
      .filter((c) => c.final !== 'not-rated')
      .map((c) => ({
        capability: c.id,
        name: c.name,
        rating: c.final,
        evidence: both((lang) => ratingEvidence(aar, c.id, lang, cited)),
      })),
    strengths,
    improvements,
    timeline: moments,
  };
}

/** Pressure-mode label of a debrief's header, or ''. */
export function debriefPressure(d: Debrief, lang: Lang): string {
  return d.exercise.pressure === undefined ? '' : stringsFor(lang).pressure(d.exercise.pressure);
}

/** The sign before each moment of a debrief's timeline, the same in every format. */
export const DEBRIEF_MARKS = { full: '✓', short: '△', missed: '✗', event: '·' } as const satisfies Record<
  DebriefMoment['mark'],
  string
>;
