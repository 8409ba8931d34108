import {
  ratingFor,
  scoreDrill,
  headerHash,
  verify,
  type Rating,
  type Subject,
  type Channel,
  type Scenario,
  type Urgency,
  liveText,
  type AppliedCap,
  type DecisionScore,
  type DrillState,
  type ProposedRating,
  type ScoreReport,
  type SubjectRatings,
  type Participant,
  type Timeliness,
  type LocalizedText,
  type ReplayResult,
  type Transcript,
  type VerifyResult,
} from '@drill/engine';
import { hotWashQuestions } from './hot-wash.ts';
import { improvementPlan, type AarCore } from './improvement-plan.ts';
import { scoreSeries, type SeriesPoint } from './series.ts';
import { summaryText } from './summary.ts';
import { both } from './words.ts';
import { nameShown } from './glossary.ts';
import { openStates } from './prompts-then.ts';

export const AAR_FORMAT = 'drill-aar/1' as const;

/** One option as chosen (with its amount for an allocation). */
export interface AarChoice {
  id: string;
  label: LocalizedText;
  amount?: number;
  /** The option's score in the scenario (single/multi). */
  score?: number;
  feedback?: LocalizedText;
}

/** A decision as evidence: what was asked, what was chosen when and by whom, and what it earned. */
export interface AarDecision {
  id: string;
  prompt: LocalizedText;
  kind: 'single' | 'multi' | 'allocate';
  capability: string;
  objective?: string;
  roles: string[];
  weight: number;
  status: DecisionScore['status'];
  timeliness?: Timeliness;
  at?: number;
  due?: number;
  by?: { id: string; name: string; team: string };
  chosen: AarChoice[];
  unit?: LocalizedText;
  rationale?: string;
  value: number;
  best: number;
  credit: number;
  /** Credit as a share of the best reachable (0…1): what "fell short" is measured against. */
  share: number;
  feedback: LocalizedText[];
  /** The options the scenario scores best (single/multi), for corrective actions. */
  bestChoice: LocalizedText[];
  /** What the scenario says about the options it scores best: the other side of the trade-off. */
  bestFeedback: LocalizedText[];
  refs: { id: string; title: LocalizedText }[];
  /** Decided (or left to its default) by a simulated colleague: shown, never charged to the player. */
  simulated?: true;
  /** Pressure mode: wall-clock milliseconds the participant took, and whether it was over the limit. */
  elapsedMs?: number;
  overTime?: true;
}

export interface AarCapability {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  proposed: ProposedRating;
  final: ProposedRating;
  credit: number | null;
  override?: { rating: Rating; note: string; by?: string; seq: number };
  /** Outcomes that capped the rating the decisions earned (e.g. deaths capping protective actions). */
  caps?: AppliedCap[];
  evidence: string[];
  /** Decisions of its evidence that reached 60% of the best (S level or better). */
  strengths: string[];
  /** Decisions of its evidence that fell below 60% of the best. */
  improvements: string[];
}

export interface AarObjective {
  id: string;
  text: LocalizedText;
  rating: ProposedRating;
  capabilities: string[];
  tasks: {
    id: string;
    text: LocalizedText;
    decisions: string[];
    /** The engine's proposed rating, from the decisions that are the task's expected actions. */
    rating: ProposedRating;
    /** What evaluators observed against the task, beside the proposed rating. */
    observed: AarObservation[];
  }[];
}

/** An evaluator's observation against a critical task (HSEEP EEG), as recorded. */
export interface AarObservation {
  evaluator: string;
  task: string;
  at: number;
  rating: Rating;
  note: string;
}

/** A module of the exercise (what everyone saw at its start; the facilitator's note is left out). */
export interface AarModule {
  id: string;
  at: number;
  title: LocalizedText;
  summary?: LocalizedText;
  keyIssues: LocalizedText[];
}

/** One answer to a discussion question: by whom, for which role (`each: role`), when. */
export interface AarAnswer {
  role?: string;
  by: { id: string; name: string; team: string };
  at: number;
  text: string;
}

/** A discussion question: never scored; its answers, per role side by side when asked of each. */
export interface AarDiscussion {
  id: string;
  prompt: LocalizedText;
  module?: string;
  roles: string[];
  each?: 'role';
  capabilities: string[];
  status: 'answered' | 'partly' | 'unanswered' | 'not-reached';
  answers: AarAnswer[];
}

export type AarTimelineItem =
  | {
      kind: 'inject';
      at: number;
      id: string;
      adhoc: boolean;
      title?: LocalizedText;
      text: LocalizedText;
      source: LocalizedText;
      channel: Channel;
      urgency: Urgency;
      roles: string[];
    }
  | { kind: 'decision'; at: number; id: string }
  | {
      kind: 'variation';
      at: number;
      id: string;
      outcome: string;
      label?: LocalizedText;
      description?: LocalizedText;
      /** What everyone was told in the feed. */
      notice?: LocalizedText;
    }
  | {
      kind: 'override';
      at: number;
      capability: string;
      subject: Subject;
      rating: Rating;
      note: string;
      by?: string;
    }
  | { kind: 'phase'; at: number; to: 'start' | 'pause' | 'resume' | 'end' };

export interface AarOutcome {
  id: string;
  label: LocalizedText;
  unit?: LocalizedText;
  value: number;
  target: number;
  worst: number;
  weight: number;
  credit: number;
  capability?: string;
}

export interface AarPlanItem {
  issue: LocalizedText;
  action: LocalizedText;
  capability: string;
  roles: string[];
  due: LocalizedText;
  decision?: string;
}

export interface AarSubject {
  subject: Subject;
  name: LocalizedText;
  /** Team members, or the participant's team. */
  detail?: LocalizedText;
  score: number | null;
  capabilities: {
    id: string;
    proposed: ProposedRating;
    final: ProposedRating;
    credit: number | null;
    overridden: boolean;
  }[];
}

export interface AarVerification {
  ok: boolean;
  complete: boolean;
  reason?: string;
  entries: number;
  /** Entries the transcript holds, and how many of them this report replayed (fewer past a broken one). */
  recorded: number;
  replayed: number;
  /**
   * The drill ran to its end, every entry replayed: only then is the score the drill's result; otherwise
   * it is the score so far.
   */
  finished: boolean;
  finalStateHash: string;
  lastHash: string;
}

/**
 * The After-Action Report as data. Scenario texts stay `LocalizedText` (both languages), so one Aar
 * renders in English or Chinese and the JSON form serves other tools whatever their language.
 */
export interface Aar {
  format: typeof AAR_FORMAT;
  exercise: {
    title: LocalizedText;
    scenario: { id: string; version: string; contentHash: string };
    hazard: Scenario['hazard'];
    /** The scenario's own name for the hazard; reports show it instead of the hazard's name. */
    hazardLabel?: LocalizedText;
    difficulty: Scenario['difficulty'];
    place: LocalizedText;
    province?: LocalizedText;
    season?: LocalizedText;
    fictional: boolean;
    anchor: LocalizedText;
    t0: string;
    start: number;
    end: number;
    /** The scenario minute the drill reached. */
    reached: number;
    /** When the drill was run (the transcript header's wall-clock start). */
    date: string;
    seed: string;
    engine: string;
    meta: Record<string, string>;
    /** Pressure mode: seconds allowed per decision. */
    pressure?: number;
    participants: Participant[];
    teams: { id: string; members: string[] }[];
    roles: { id: string; name: LocalizedText }[];
    ending?: { id: string; title: LocalizedText; text: LocalizedText };
    references: { id: string; title: LocalizedText }[];
  };
  overall: { score: number; breakdown: ScoreReport['breakdown'] };
  summary: LocalizedText;
  objectives: AarObjective[];
  capabilities: AarCapability[];
  decisions: AarDecision[];
  /** The exercise's modules, in time order (empty without modules): sections of the report. */
  modules: AarModule[];
  /** Discussion questions and their answers (never scored). */
  discussed: AarDiscussion[];
  /**
   * The capabilities the discussion questions tag, with their names (as renamed by the scenario): a tag
   * is named like any capability, also one no decision scores (and so with no section of its own).
   */
  tags: { id: string; name: LocalizedText }[];
  /** Every evaluator observation, in the order recorded. */
  observations: AarObservation[];
  subjects: AarSubject[];
  timeline: AarTimelineItem[];
  outcomes: AarOutcome[];
  improvementPlan: AarPlanItem[];
  hotWash: LocalizedText[];
  series: SeriesPoint[];
  verification: AarVerification;
  /** The full score report, recomputed from the replayed state. */
  score: ScoreReport;
}

const ORDER: ProposedRating[] = ['P', 'S', 'M', 'U'];

function decisionOf(
  scenario: Scenario,
  ds: DecisionScore,
  state: DrillState,
  pressure: number | undefined,
  openIn: DrillState,
): AarDecision {
  const participants = state.participants;
  const d = scenario.decisions.find((x) => x.id === ds.decision)!;
  const record = state.decisions[d.id];
  const refIds = [d.ref, ...ds.options.map((o) => d.options.find((x) => x.id === o)?.ref)].filter(
    (r): r is string => !!r,
  );
  const refs = [...new Set(refIds)].map((id) => ({
    id,
    title: scenario.references.find((r) => r.id === id)?.title ?? id,
  }));
  const chosen: AarChoice[] =
    d.kind === 'allocate'
      ? d.options
          .filter((o) => ds.allocation && o.id in ds.allocation)
          .map((o) => ({ id: o.id, label: o.label, amount: ds.allocation![o.id]! }))
      : ds.options.map((id) => {
          const o = d.options.find((x) => x.id === id);
          return {
            id,
            label: o?.label ?? id,
            ...(o?.score !== undefined ? { score: o.score } : {}),
            ...(o?.feedback ? { feedback: o.feedback } : {}),
          };
        });
  const feedback: LocalizedText[] =
    d.kind === 'allocate'
      ? ds.feedback.map((i) => d.feedback[i]!.text)
      : ds.options.flatMap((o) => {
          const f = d.options.find((x) => x.id === o)?.feedback;
          return f ? [f] : [];
        });
  const scored = [...d.options].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const bestChoice =
    d.kind === 'single'
      ? scored.slice(0, 1).map((o) => o.label)
      : d.kind === 'multi'
        ? scored.filter((o, i) => (o.score ?? 0) > 0 && i < (d.max ?? scored.length)).map((o) => o.label)
        : [];
  const bestFeedback =
    d.kind === 'allocate'
      ? []
      : scored
          .filter((o) => bestChoice.includes(o.label) && o.feedback)
          .map((o) => o.feedback as LocalizedText);
  const by = ds.by ? participants.find((p) => p.id === ds.by) : undefined;
  const elapsedMs = ds.status === 'decided' ? record?.elapsedMs : undefined;
  return {
    id: d.id,
    // A prompt showing {variable}s reads as it did then: the values of the state it closed in.
    prompt: both((lang) => liveText(scenario, openIn, d.prompt, lang)),
    // Only scored decisions have a score line (discussions are reported under `discussed`).
    kind: d.kind === 'discuss' ? 'single' : d.kind,
    capability: ds.capability,
    ...(d.objective ? { objective: d.objective } : {}),
    roles: [...d.roles],
    weight: d.weight,
    status: ds.status,
    ...(ds.timeliness ? { timeliness: ds.timeliness } : {}),
    ...(ds.at !== undefined ? { at: ds.at } : {}),
    ...(ds.due !== undefined ? { due: ds.due } : {}),
    ...(by
      ? { by: { id: by.id, name: by.name, team: by.team } }
      : ds.by
        ? { by: { id: ds.by, name: ds.by, team: '' } }
        : {}),
    chosen,
    ...(d.unit ? { unit: d.unit } : {}),
    ...(ds.rationale ? { rationale: ds.rationale } : {}),
    value: ds.value,
    best: ds.best,
    credit: ds.credit,
    share: ds.best > 0 ? Math.round((ds.credit / ds.best) * 10_000) / 10_000 : 0,
    feedback,
    bestChoice,
    bestFeedback,
    refs,
    ...(ds.simulated ? { simulated: true as const } : {}),
    ...(elapsedMs !== undefined ? { elapsedMs } : {}),
    ...(elapsedMs !== undefined && pressure !== undefined && elapsedMs > pressure * 1000
      ? { overTime: true as const }
      : {}),
  };
}

function timelineOf(
  scenario: Scenario,
  replayed: Extract<ReplayResult, { ok: true }>,
  t: Transcript,
): AarTimelineItem[] {
  const items: AarTimelineItem[] = [];
  const feedById = new Map(replayed.state.feed.filter((f) => f.adhoc).map((f) => [f.inject, f.adhoc!]));
  // An inject showing {variable}s reads as delivered: the values kept with its delivery.
  const delivered = new Map(replayed.state.feed.map((f) => [`${f.inject}@${f.at}`, f.values]));
  const live = (text: LocalizedText, values: Record<string, number | boolean> | undefined): LocalizedText =>
    both((lang) => liveText(scenario, replayed.state, text, lang, values));
  replayed.events.forEach((evs, i) => {
    const input = t.entries[i]?.input;
    for (const e of evs) {
      switch (e.type) {
        case 'inject': {
          const inj = scenario.injects.find((x) => x.id === e.id);
          if (inj) {
            const values = delivered.get(`${e.id}@${e.at}`);
            items.push({
              kind: 'inject',
              at: e.at,
              id: e.id,
              adhoc: false,
              ...(inj.title ? { title: live(inj.title, values) } : {}),
              text: live(inj.text, values),
              source: inj.source,
              channel: inj.channel,
              urgency: inj.urgency,
              roles: [...inj.roles],
            });
          } else {
            const a = feedById.get(e.id);
            items.push({
              kind: 'inject',
              at: e.at,
              id: e.id,
              adhoc: true,
              ...(a?.title ? { title: a.title } : {}),
              text: a?.text ?? '',
              source: a?.source ?? '',
              channel: a?.channel ?? 'phone',
              urgency: a?.urgency ?? 'priority',
              roles: [...e.roles],
            });
          }
          break;
        }
        case 'decision-closed':
          // A discussion is reported with its answers (`discussed`), not as scored evidence.
          if (scenario.decisions.find((d) => d.id === e.id)?.kind !== 'discuss')
            items.push({ kind: 'decision', at: e.at, id: e.id });
          break;
        case 'variation': {
          const v = scenario.variations.find((x) => x.id === e.id);
          const o = v?.outcomes.find((x) => x.id === e.outcome);
          items.push({
            kind: 'variation',
            at: e.at,
            id: e.id,
            outcome: e.outcome,
            ...(o?.label ? { label: o.label } : {}),
            ...(v?.description ? { description: v.description } : {}),
            ...(o?.notice ? { notice: o.notice } : {}),
          });
          break;
        }
        case 'override':
          if (input && typeof input === 'object' && (input as { type?: string }).type === 'override') {
            const o = input as Extract<typeof input, { type: 'override' }>;
            items.push({
              kind: 'override',
              at: t.entries[i]!.at,
              capability: o.capability,
              subject: (o.subject ?? { kind: 'overall' }) as Subject,
              rating: o.rating,
              note: o.note,
              ...(o.by ? { by: o.by } : {}),
            });
          }
          break;
        case 'phase':
          if (e.to === 'running' && e.from === 'briefing')
            items.push({ kind: 'phase', at: e.at, to: 'start' });
          else if (e.to === 'paused') items.push({ kind: 'phase', at: e.at, to: 'pause' });
          else if (e.to === 'running') items.push({ kind: 'phase', at: e.at, to: 'resume' });
          else if (e.to === 'debrief') items.push({ kind: 'phase', at: e.at, to: 'end' });
          break;
        default:
          break;
      }
    }
  });
  return items;
}

function subjectsOf(scenario: Scenario, score: ScoreReport, participants: Participant[]): AarSubject[] {
  const conv = (r: SubjectRatings, name: LocalizedText, detail?: LocalizedText): AarSubject => ({
    subject: r.subject,
    name,
    ...(detail ? { detail } : {}),
    score: r.score,
    capabilities: r.capabilities
      .filter((c) => c.final !== 'not-rated' || c.override)
      .map((c) => ({
        id: c.capability,
        proposed: c.proposed,
        final: c.final,
        credit: c.credit,
        overridden: !!c.override,
      })),
  });
  return [
    ...score.teams.map((r) =>
      conv(
        r,
        both((lang) => nameShown(r.subject.id ?? '', lang)),
        both((lang) =>
          participants
            .filter((p) => p.team === r.subject.id)
            .map((p) => nameShown(p.name, lang))
            .join(lang === 'zh-CN' ? '、' : ', '),
        ),
      ),
    ),
    ...score.roles.map((r) =>
      conv(r, scenario.roles.find((x) => x.id === r.subject.id)?.name ?? r.subject.id ?? ''),
    ),
    ...score.participants.map((r) => {
      const p = participants.find((x) => x.id === r.subject.id);
      const team = p?.team;
      return conv(
        r,
        both((lang) => nameShown(p?.name ?? r.subject.id ?? '', lang)),
        team ? both((lang) => nameShown(team, lang)) : undefined,
      );
    }),
  ];
}

/** The discussion questions in scenario order, with their answers as recorded. */
function discussionsOf(scenario: Scenario, state: DrillState): AarDiscussion[] {
  const who = (id: string): AarAnswer['by'] => {
    const p = state.participants.find((x) => x.id === id);
    return { id, name: p?.name ?? id, team: p?.team ?? '' };
  };
  return scenario.decisions
    .filter((d) => d.kind === 'discuss')
    .map((d): AarDiscussion => {
      const r = state.decisions[d.id];
      const answers = (r?.answers ?? []).map((a): AarAnswer => ({
        ...(a.role !== undefined ? { role: a.role } : {}),
        // A room member's own name when recorded (the team's participant name otherwise).
        by: a.member !== undefined ? { ...who(a.by), name: a.member } : who(a.by),
        at: a.at,
        text: a.text,
      }));
      const asked = d.each === 'role' ? d.roles.filter((x) => x !== 'all').length : 1;
      const status: AarDiscussion['status'] =
        r?.status === 'pending' || r?.status === 'scheduled' || r === undefined
          ? 'not-reached'
          : answers.length === 0
            ? 'unanswered'
            : answers.length < asked
              ? 'partly'
              : 'answered';
      return {
        id: d.id,
        prompt: d.prompt,
        ...(d.module !== undefined ? { module: d.module } : {}),
        roles: [...d.roles],
        ...(d.each !== undefined ? { each: d.each } : {}),
        capabilities: [...(d.capabilities ?? [])],
        status,
        answers,
      };
    });
}

function taskRating(ds: AarDecision[]): ProposedRating {
  const ev = ds.filter((d) => d.status !== 'not-reached');
  const w = ev.reduce((a, d) => a + d.weight, 0);
  return w > 0 ? ratingFor(ev.reduce((a, d) => a + d.credit * d.weight, 0) / w) : 'not-rated';
}

/**
 * Builds the After-Action Report from a scenario, its transcript and the replay of that transcript
 * (`replay(scenario, t, { keepStates: true })`; with states the score-over-time series is complete).
 * Every number is recomputed from the replayed state, never read from the transcript's result, and
 * `verification` says whether the recorded result holds (pass a `verify` result, or it is computed).
 *
 * @example
 * const r = replay(scenario, t, { keepStates: true });
 * if (r.ok) renderHtml(buildAar(scenario, t, r), 'zh-CN');
 */
export function buildAar(
  scenario: Scenario,
  t: Transcript,
  replayed: Extract<ReplayResult, { ok: true }>,
  verification?: VerifyResult,
): Aar {
  const state = replayed.state;
  const score = scoreDrill(scenario, state);
  const participants = state.participants;
  const pressureSeconds = Number(t.header.meta?.pressure);
  const pressure = Number.isFinite(pressureSeconds) && pressureSeconds > 0 ? pressureSeconds : undefined;
  // The state each decision was open in (before the entry that closed it), for its prompt's live values.
  const openIn = openStates(replayed);
  const decisions = score.decisions.map((ds) =>
    decisionOf(scenario, ds, state, pressure, openIn.get(ds.decision) ?? state),
  );
  const byId = new Map(decisions.map((d) => [d.id, d]));

  // Capabilities worth a section: those the scenario can evidence, an objective names, or an evaluator rated.
  const relevant = new Set([
    ...scenario.decisions.flatMap((d) => [
      d.capability,
      ...d.options.flatMap((o) => (o.capability ? [o.capability] : [])),
    ]),
    ...scenario.objectives.flatMap((o) => o.capabilities),
    ...state.overrides.map((o) => o.capability),
  ]);
  const capabilities: AarCapability[] = score.capabilities
    .filter((c) => relevant.has(c.capability))
    .map((c) => {
      const cap = scenario.capabilities.find((x) => x.id === c.capability)!;
      const ev = c.evidence.map((id) => byId.get(id)!).filter(Boolean);
      return {
        id: c.capability,
        name: cap.name,
        ...(cap.description ? { description: cap.description } : {}),
        proposed: c.proposed,
        final: c.final,
        credit: c.credit,
        ...(c.override ? { override: { ...c.override } } : {}),
        ...(c.caps ? { caps: c.caps.map((x) => ({ ...x })) } : {}),
        evidence: [...c.evidence],
        strengths: ev.filter((d) => d.share >= 0.6).map((d) => d.id),
        improvements: ev.filter((d) => score.improvements.includes(d.id)).map((d) => d.id),
      };
    });

  const observations: AarObservation[] = (state.observations ?? []).map((o) => ({
    evaluator: o.evaluator,
    task: o.task,
    at: o.at,
    rating: o.rating,
    note: o.note,
  }));
  const objectives: AarObjective[] = scenario.objectives.map((o) => ({
    id: o.id,
    text: o.text,
    rating: score.objectives.find((x) => x.objective === o.id)?.rating ?? 'not-rated',
    capabilities: [...o.capabilities],
    tasks: o.tasks.map((task) => ({
      id: task.id,
      text: task.text,
      decisions: [...task.decisions],
      rating: taskRating(task.decisions.map((id) => byId.get(id)!).filter(Boolean)),
      observed: observations.filter((x) => x.task === task.id),
    })),
  }));

  const outcomes: AarOutcome[] = scenario.outcomes.map((o) => {
    const s = score.outcomes.find((x) => x.outcome === o.id)!;
    return {
      id: o.id,
      label: o.label,
      ...(o.unit ? { unit: o.unit } : {}),
      value: s.value,
      target: o.target,
      worst: o.worst,
      weight: o.weight,
      credit: s.credit,
      ...(o.capability ? { capability: o.capability } : {}),
    };
  });

  const v = verification ?? verify(scenario, t);
  const ending = state.ending ? scenario.endings.find((e) => e.id === state.ending) : undefined;
  const teams = [...new Set(participants.map((p) => p.team))].map((id) => ({
    id,
    members: participants.filter((p) => p.team === id).map((p) => p.id),
  }));

  const base = {
    format: AAR_FORMAT,
    exercise: {
      title: scenario.title,
      scenario: { id: scenario.id, version: scenario.version, contentHash: scenario.contentHash },
      hazard: scenario.hazard,
      ...(scenario.hazardLabel ? { hazardLabel: scenario.hazardLabel } : {}),
      difficulty: scenario.difficulty,
      place: scenario.setting.place,
      ...(scenario.setting.province ? { province: scenario.setting.province } : {}),
      ...(scenario.setting.season ? { season: scenario.setting.season } : {}),
      fictional: scenario.setting.fictional,
      anchor: scenario.clock.anchor,
      t0: scenario.clock.t0,
      start: scenario.clock.start,
      end: scenario.clock.end,
      reached: state.clock,
      date: String(t.header.startedAt),
      seed: t.header.seed,
      engine: t.header.engine,
      meta: { ...(t.header.meta ?? {}) },
      ...(pressure !== undefined ? { pressure } : {}),
      participants: participants.map((p) => ({ ...p, roles: [...p.roles] })),
      teams,
      roles: scenario.roles.map((r) => ({ id: r.id, name: r.name })),
      ...(ending ? { ending: { id: ending.id, title: ending.title, text: ending.text } } : {}),
      references: scenario.references.map((r) => ({ id: r.id, title: r.title })),
    },
    overall: { score: score.overall, breakdown: { ...score.breakdown } },
    objectives,
    capabilities,
    decisions,
    modules: scenario.modules.map((m) => ({
      id: m.id,
      at: m.at,
      title: m.title,
      ...(m.summary !== undefined ? { summary: m.summary } : {}),
      keyIssues: [...m.keyIssues],
    })),
    discussed: discussionsOf(scenario, state),
    tags: scenario.capabilities
      .filter((c) => scenario.decisions.some((d) => d.capabilities?.includes(c.id)))
      .map((c) => ({ id: c.id, name: c.name })),
    observations,
    subjects: subjectsOf(scenario, score, participants),
    timeline: timelineOf(scenario, replayed, t),
    outcomes,
    series: scoreSeries(scenario, replayed.states ?? [state]),
    verification: {
      ok: v.ok,
      complete: v.ok ? v.complete : false,
      ...(v.ok ? {} : { reason: v.reason }),
      entries: v.entries,
      recorded: t.entries.length,
      replayed: replayed.events.length,
      finished:
        v.ok && v.complete && replayed.events.length === t.entries.length && state.phase === 'debrief',
      finalStateHash: replayed.finalStateHash,
      lastHash: t.entries[replayed.events.length - 1]?.hash ?? headerHash(t.header),
    },
    score,
  };
  const partial: AarCore = {
    ...base,
    summary: summaryText(scenario, score, { finished: base.verification.finished }),
  };
  return {
    ...partial,
    improvementPlan: improvementPlan(scenario, partial),
    hotWash: hotWashQuestions(scenario, partial),
  };
}

/** P > S > M > U; not rated sorts last. */
export function ratingRank(r: ProposedRating): number {
  return r === 'not-rated' ? 4 : ORDER.indexOf(r);
}
