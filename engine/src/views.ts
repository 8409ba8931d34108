import { answerRolesFor, deliverySource, moduleOf, pendingAnswerRoles } from './discussion.ts';
import { liveText } from './live-text.ts';
import { allocationBudget, deciderOf, openDecisionsFor, presentedOptions } from './queries.ts';
import { ALL_ROLES } from './scenario/compile.ts';
import type { DecisionPoint, Scenario } from './scenario/model.ts';
import { scoreDrill, type ScoreReport } from './score.ts';
import { own } from './own.ts';
import {
  holdsRole,
  type Answer,
  type Delivery,
  type DrillState,
  type Participant,
  type Timeliness,
} from './state.ts';
import { localize, type Lang } from './text.ts';

/**
 * Who is looking. A participant sees their own seat; a team its members' seats; the projector one
 * team's table (or every role) without scores unless the trainer shows them; the facilitator and the
 * evaluator see everything, the evaluator without the controls' hidden variation draws.
 */
export type Viewer =
  | {
      kind: 'participant';
      id: string;
      /** One person holding some of the participant's seats (a member at a team's table): only these. */
      roles?: readonly string[];
    }
  | { kind: 'team'; team: string }
  | { kind: 'projector'; team?: string; showScores: boolean }
  | { kind: 'facilitator' }
  | { kind: 'evaluator' };

export interface FeedView {
  inject: string;
  at: number;
  title: string;
  text: string;
  roles: string[];
}

export interface OpenDecisionView {
  decision: string;
  prompt: string;
  roles: string[];
  due: number;
  closesAt: number;
  kind: 'single' | 'multi' | 'allocate' | 'discuss';
  max?: number;
  budget?: number;
  /** Who must answer: the team (and whether a simulated colleague holds the seat). */
  decider?: { team: string; colleague: boolean };
  /** Offered now, in the drill's presented order: labels only, never scores or feedback (none for a discussion). */
  options: { id: string; label: string }[];
  /** A discussion asked of each role: the roles still without an answer. */
  each?: 'role';
  pending?: string[];
  /**
   * A discussion asked of each role: who at the table may answer it, team by team, with the roles each
   * holds among those asked (only the viewer's seats for a member or team). A question can be every
   * team's at once, unlike a choice, which has one decider.
   */
  answerers?: { team: string; roles: string[] }[];
  /** A discussion's answers so far, those of the viewer's seats (everyone's for facilitator and evaluator). */
  answers?: Answer[];
}

export interface ClosedDecisionView {
  decision: string;
  at: number;
  timeliness: Timeliness;
  options: string[];
  allocation?: Record<string, number>;
  by?: string;
  /**
   * The recorded options' labels in the viewer's language (option id → label), so a page without the
   * scenario file (a participant's phone) names what was chosen.
   */
  labels?: Record<string, string>;
  /** A discussion's answers (those of the viewer's seats). */
  answers?: Answer[];
  /** The trainer corrected the recorded choice (facilitator and evaluator views only). */
  correction?: { note: string; by?: string };
}

/** The module under way, as everyone sees it (its facilitator note is in `notes`, for the facilitator). */
export interface ModuleView {
  id: string;
  at: number;
  title: string;
  summary: string;
  keyIssues: string[];
  /** The drill waits at its start for the facilitator to go on. */
  holding: boolean;
}

/** A facilitator-only note, on the module under way, a delivered inject or a decision open or closed. */
export interface NoteView {
  on: 'module' | 'inject' | 'decision';
  id: string;
  text: string;
}

/** What one viewer may see of a drill: plain data, already in the viewer's language. */
export interface DrillView {
  viewer: Viewer['kind'];
  phase: DrillState['phase'];
  clock: number;
  seq: number;
  /** The indicators the scenario shows in the header. */
  indicators: Record<string, number | boolean>;
  feed: FeedView[];
  open: OpenDecisionView[];
  /** Decisions already taken at this viewer's seats (everyone's for facilitator and evaluator). */
  closed: ClosedDecisionView[];
  ending?: string;
  /** Only for the facilitator: how the seeded variations fell. */
  variations?: Record<string, string>;
  module?: ModuleView;
  /** Only for the facilitator: the notes that bear on what is happening now. */
  notes?: NoteView[];
  /** Only for the facilitator and the evaluator: the evaluators' observations. */
  observations?: NonNullable<DrillState['observations']>;
  /** Only for the facilitator and evaluator, and the projector when scores are shown. */
  score?: ScoreReport;
}

/**
 * Parts of views that do not depend on who looks, kept by a caller that computes many viewers' views
 * of the same states (the Table's shared views) so each is built once and shared: a delivery's feed
 * item (fixed once delivered, when the values kept with it cover its text), and per state the open
 * and closed decisions that carry nothing seat-specific (no answers, no correction, no answerers).
 * Whoever passes it must treat the views as read-only (they share these objects).
 */
export interface ViewParts {
  /** Across states: a delivery's feed item, by language. */
  feed: WeakMap<Delivery, Map<Lang, FeedView>>;
  /** For one state only: decision views by language and id. */
  decisions: Map<string, OpenDecisionView | ClosedDecisionView>;
  /**
   * Across states: a viewer's whole feed, by the state's feed (an unchanged feed is the same array in
   * the next state) and then by language and the roles the viewer sits in. Only feeds whose every item
   * reads the same in later states are kept, so a kept list is what `viewFor` would build again.
   */
  feedLists?: WeakMap<readonly Delivery[], Map<string, FeedView[]>>;
}

/** The text reads the same in every later state: each `{variable}` in it is one kept with the delivery. */
function fixedText(scenario: Scenario, s: string, values: Delivery['values']): boolean {
  if (!s.includes('{')) return true;
  for (const m of s.matchAll(/\{([a-z][a-z0-9_]*)\}/g))
    if (scenario.variables.some((x) => x.id === m[1]) && own(values, m[1]!) === undefined) return false;
  return true;
}

/** The roles a viewer sits in, or undefined for "every role" (facilitator, evaluator, whole-room projector). */
function seatsOf(state: DrillState, v: Viewer): Participant[] | undefined {
  switch (v.kind) {
    case 'participant': {
      const only = v.roles;
      return state.participants
        .filter((p) => p.id === v.id)
        .map((p) =>
          only && only.length > 0 && !p.roles.includes(ALL_ROLES)
            ? { ...p, roles: p.roles.filter((r) => only.includes(r)) }
            : only && only.length > 0
              ? { ...p, roles: [...only] }
              : p,
        );
    }
    case 'team':
      return state.participants.filter((p) => p.team === v.team && p.colleague === undefined);
    case 'projector':
      return v.team === undefined
        ? undefined
        : state.participants.filter((p) => p.team === v.team && p.colleague === undefined);
    case 'facilitator':
    case 'evaluator':
      return undefined;
    default: {
      const never: never = v;
      return never;
    }
  }
}

/**
 * A drill as one viewer may see it — a function of (state, viewer) alone, so a test can prove for random
 * drills and viewers that nothing hidden leaks: no scores unless allowed, no option scores or feedback,
 * no variation draws or random state, no injects or decisions of seats the viewer does not hold.
 *
 * A room server computes this for every viewer after every input, so the view's objects are built by
 * assigning fields in order instead of with object spread (`...(c ? { x } : {})`), which V8 runs many
 * times slower; the fields keep the order the spreads gave them, so the JSON is the same.
 */
export function viewFor(
  scenario: Scenario,
  state: DrillState,
  viewer: Viewer,
  lang: Lang,
  /**
   * The drill's score, for viewers who may see it (a caller that already scored this state passes it);
   * `null`: the view leaves it out, for a caller that hands the score over apart (the room server sends
   * it in a frame of its own, at most once a second, instead of inside every view).
   */
  score: (() => ScoreReport) | null = () => scoreDrill(scenario, state),
  /** Viewer-independent parts already built (see `ViewParts`): reused, and new ones kept there. */
  parts?: ViewParts,
): DrillView {
  const seats = seatsOf(state, viewer);
  const sees = (roles: readonly string[]): boolean =>
    seats === undefined || seats.some((p) => holdsRole(p, roles));
  const feedItem = (f: Delivery): FeedView => {
    const src = deliverySource(scenario, f);
    return {
      inject: f.inject,
      at: f.at,
      title: liveText(scenario, state, src?.title, lang, f.values),
      text: liveText(scenario, state, src?.text, lang, f.values),
      roles: [...f.roles],
    };
  };
  // Which feed this viewer sees depends only on the roles of its seats (all, for the staff).
  const listKey =
    parts?.feedLists &&
    `${lang}\u0000${seats === undefined ? '*' : seats.map((p) => p.roles.join('\u0001')).join('\u0002')}`;
  const kept = listKey === undefined ? undefined : parts?.feedLists?.get(state.feed)?.get(listKey);
  let allFixed = true;
  const feed =
    kept ??
    state.feed
      .filter((f) => sees(f.roles))
      .map((f): FeedView => {
        if (!parts) return feedItem(f);
        let byLang = parts.feed.get(f);
        let item = byLang?.get(lang);
        if (item) return item;
        item = feedItem(f);
        const src = deliverySource(scenario, f);
        if (
          fixedText(scenario, localize(src?.title, lang), f.values) &&
          fixedText(scenario, localize(src?.text, lang), f.values)
        ) {
          if (!byLang) parts.feed.set(f, (byLang = new Map()));
          byLang.set(lang, item);
        } else allFixed = false;
        return item;
      });
  if (!kept && allFixed && listKey !== undefined && parts?.feedLists) {
    let byViewer = parts.feedLists.get(state.feed);
    if (!byViewer) parts.feedLists.set(state.feed, (byViewer = new Map()));
    byViewer.set(listKey, feed);
  }
  // The answers a viewer sees: the table's, and those of the roles it holds (all, for the staff).
  const seesAnswer = (a: Answer): boolean =>
    seats === undefined || a.role === undefined || seats.some((p) => holdsRole(p, [a.role!]));
  const answersOf = (id: string): Answer[] | undefined => {
    const list = state.decisions[id]?.answers?.filter(seesAnswer);
    return list?.length ? list.map((a) => ({ ...a })) : undefined;
  };
  const deciders = seats ?? state.participants;
  const openIds = new Set(deciders.flatMap((p) => openDecisionsFor(scenario, state, p).map((d) => d.id)));
  // A decision view with nothing seat-specific in it is the same for every viewer of this state.
  const shared = <T extends OpenDecisionView | ClosedDecisionView>(
    key: string,
    seatFree: boolean,
    build: () => T,
  ): T => {
    if (!parts || !seatFree) return build();
    const k = `${lang}\u0000${key}`;
    let v = parts.decisions.get(k) as T | undefined;
    if (!v) parts.decisions.set(k, (v = build()));
    return v;
  };
  const open = scenario.decisions
    .filter((d) => openIds.has(d.id))
    .map((d): OpenDecisionView =>
      shared(`o\u0000${d.id}`, d.each === undefined && answersOf(d.id) === undefined, () => {
        const r = state.decisions[d.id]!;
        const who = deciderOf(state, d);
        // Fields assigned in order, not spread (see the note on `viewFor`).
        const out = (
          who ? { decider: { team: who.team, colleague: who.colleague !== undefined } } : {}
        ) as OpenDecisionView;
        out.decision = d.id;
        out.prompt = liveText(scenario, state, d.prompt, lang);
        out.roles = [...d.roles];
        out.due = r.due!;
        out.closesAt = r.closesAt!;
        out.kind = d.kind;
        if (d.max !== undefined) out.max = d.max;
        if (d.kind === 'allocate') out.budget = allocationBudget(state, d);
        out.options = presentedOptions(scenario, state, d).map((o) => ({
          id: o.id,
          label: liveText(scenario, state, o.label, lang),
        }));
        if (d.each !== undefined) {
          out.each = d.each;
          out.pending = pendingAnswerRoles(state, d);
          out.answerers = answerersOf(d, deciders);
        }
        const answers = answersOf(d.id);
        if (answers) out.answers = answers;
        return out;
      }),
    );
  const staff = viewer.kind === 'facilitator' || viewer.kind === 'evaluator';
  const closed = scenario.decisions
    .filter((d) => state.decisions[d.id]?.status === 'closed' && sees(d.roles))
    .map((d): ClosedDecisionView =>
      shared(
        `c\u0000${d.id}`,
        answersOf(d.id) === undefined && !(staff && state.decisions[d.id]!.correction),
        () => {
          const r = state.decisions[d.id]!;
          const chosen = [...(r.options ?? []), ...Object.keys(r.allocation ?? {})];
          const labels = d.options
            .filter((o) => chosen.includes(o.id))
            .map((o) => [o.id, liveText(scenario, state, o.label, lang)] as const);
          const out = {
            decision: d.id,
            at: r.at!,
            timeliness: r.timeliness!,
            options: [...(r.options ?? [])],
          } as ClosedDecisionView;
          if (r.allocation) out.allocation = { ...r.allocation };
          if (r.by !== undefined) out.by = r.by;
          if (labels.length) out.labels = Object.fromEntries(labels);
          const answers = answersOf(d.id);
          if (answers) out.answers = answers;
          if (r.correction && staff) {
            const correction: NonNullable<ClosedDecisionView['correction']> = { note: r.correction.note };
            if (r.correction.by !== undefined) correction.by = r.correction.by;
            out.correction = correction;
          }
          return out;
        },
      ),
    );
  const indicators = Object.fromEntries(
    scenario.variables.filter((v) => v.indicator).map((v) => [v.id, state.world[v.id]!]),
  );
  const showScore =
    viewer.kind === 'facilitator' ||
    viewer.kind === 'evaluator' ||
    (viewer.kind === 'projector' && viewer.showScores);
  const out: DrillView = {
    viewer: viewer.kind,
    phase: state.phase,
    clock: state.clock,
    seq: state.seq,
    indicators,
    feed,
    open,
    closed,
  };
  if (state.ending !== undefined) out.ending = state.ending;
  if (viewer.kind === 'facilitator') out.variations = { ...state.variations };
  const module = moduleView(scenario, state, lang);
  if (module) out.module = module;
  if (viewer.kind === 'facilitator') out.notes = notesNow(scenario, state, lang);
  if ((viewer.kind === 'facilitator' || viewer.kind === 'evaluator') && state.observations)
    out.observations = state.observations.map((o) => ({ ...o }));
  if (showScore && score !== null) out.score = score();
  return out;
}

/** The teams at the table that may answer a per-role discussion, and for which of its roles. */
function answerersOf(d: DecisionPoint, seats: readonly Participant[]): { team: string; roles: string[] }[] {
  const out: { team: string; roles: string[] }[] = [];
  for (const p of seats) {
    if (p.colleague !== undefined) continue;
    const roles = answerRolesFor(d, p);
    if (roles.length === 0) continue;
    const row = out.find((x) => x.team === p.team);
    if (row) row.roles.push(...roles.filter((r) => !row.roles.includes(r)));
    else out.push({ team: p.team, roles });
  }
  return out;
}

function moduleView(scenario: Scenario, state: DrillState, lang: Lang): ModuleView | undefined {
  const m = moduleOf(scenario, state.module);
  if (!m) return undefined;
  return {
    id: m.id,
    at: m.at,
    title: localize(m.title, lang),
    summary: localize(m.summary, lang),
    keyIssues: m.keyIssues.map((k) => localize(k, lang)),
    holding: state.holding === true,
  };
}

/** The facilitator's notes on the module under way, the injects delivered in it and its decisions. */
function notesNow(scenario: Scenario, state: DrillState, lang: Lang): NoteView[] {
  const out: NoteView[] = [];
  const m = moduleOf(scenario, state.module);
  if (m?.note !== undefined) out.push({ on: 'module', id: m.id, text: localize(m.note, lang) });
  const inModule = (x: { module?: string }): boolean =>
    state.module === undefined || x.module === state.module;
  const delivered = new Set(state.feed.map((f) => f.inject));
  for (const i of scenario.injects)
    if (i.note !== undefined && delivered.has(i.id) && inModule(i))
      out.push({ on: 'inject', id: i.id, text: localize(i.note, lang) });
  for (const d of scenario.decisions) {
    const st = state.decisions[d.id]?.status;
    if (d.note !== undefined && (st === 'open' || st === 'closed') && inModule(d))
      out.push({ on: 'decision', id: d.id, text: localize(d.note, lang) });
  }
  return out;
}
