import { deepFreeze } from '../freeze.ts';
import type { Input } from '../inputs.ts';
import { ALL_ROLES } from '../scenario/compile.ts';
import type { DecisionPoint, Scenario } from '../scenario/model.ts';
import { scoreDrill, type ScoreReport, type SubjectRatings } from '../score.ts';
import { nextEventTime, step, type ChoiceProblem, type Rejection, type StepEvent } from '../step.ts';
import type { Lang } from '../text.ts';
import type { DrillState } from '../state.ts';
import { Session, type Transcript, type TranscriptEntry } from '../transcript.ts';
import { COLLEAGUE_LEVELS } from '../state.ts';
import { LANGUAGES } from '../text.ts';
import { viewFor, type DrillView, type Viewer, type ViewParts } from '../views.ts';
import { TableCommandSchema, type Actor, type TableCommand } from './commands.ts';
import { engineRefusalWords, malformedWords, refusalWords, type TableRefusalCode } from './refusals.ts';
import {
  sessionParticipants,
  setupProblems,
  TableSetupSchema,
  teamParticipantId,
  type TableSetup,
  type TableSetupInput,
} from './setup.ts';

/** What a table keeps to resume exactly: its setup and each session's transcript (replayed on resume). */
export interface SavedTable {
  format: 'drill-table/1';
  setup: TableSetup;
  transcripts: Transcript[];
}

/**
 * Where the table's accepted entries are made durable; `append` throws when they are not. The table
 * hands over a command's entries only once every session has accepted it, and if an `append` throws
 * it puts every session back where the command found it: a journal that can take some entries and
 * then fail (a database) should wrap the command in its own transaction, as the room server does.
 */
export interface TableJournal {
  append(session: number, entry: TranscriptEntry): void;
}

export type TableOutcome =
  | {
      ok: true;
      /** The table's sequence number after the command: every accepted entry of every session counts. */
      seq: number;
      /** What happened, per session (the team in parallel mode). */
      events: { team: string | undefined; events: StepEvent[] }[];
    }
  | {
      ok: false;
      code: TableRefusalCode;
      /** The engine's code when the engine refused. */
      engineCode?: Rejection['code'];
      /** In the sender's language. */
      reason: string;
      /** What exactly is wrong with a choice's shape, when the engine says (a front end words it). */
      problem?: ChoiceProblem;
    };

/** A refused command: what `submit` and `check` answer when they do not take it. */
export type TableRefusal = Extract<TableOutcome, { ok: false }>;

/** Who looks at the table: what each sees is the engine's per-viewer view of the sessions they may see. */
export type TableViewer =
  | { kind: 'member'; team: string; roles: readonly string[] }
  | { kind: 'team'; team: string }
  | { kind: 'projector'; team?: string; showScores: boolean }
  | { kind: 'facilitator' }
  | { kind: 'evaluator' };

export interface TableLane {
  /** The team this lane is (parallel mode), or undefined for the one shared drill of role mode. */
  team: string | undefined;
  view: DrillView;
}

export interface TableView {
  seq: number;
  mode: TableSetup['mode'];
  teams: string[];
  phase: DrillView['phase'];
  clock: number;
  lanes: TableLane[];
}

/** A decision that would close with its default if the clock moved as asked. */
export interface DefaultClosing {
  team: string | undefined;
  decision: string;
  at: number;
}

/**
 * The one authority over a classroom drill, shared by the terminal, the web console and the room
 * server: it turns a sender's command into engine inputs for the right session(s) after checking that
 * the sender may send it, keeps parallel teams on one clock, and answers what each viewer may see. Pure
 * like the engine (no clock, no I/O): durability is the journal port the caller provides.
 */
export class Table {
  /**
   * Per engine state (states are frozen and replaced on every change, so a state is its own version):
   * its score and the lane views already computed of it, by viewer and language. A state no session
   * holds any more is dropped by the garbage collector with everything computed of it.
   */
  private readonly computed = new WeakMap<DrillState, StateMemo>();
  /** Feed items of shared views, by delivery (a delivery is kept, unchanged, by every later state). */
  private readonly feedViews: ViewParts['feed'] = new WeakMap();
  /** Whole feeds of shared views, by the state's feed and the viewer's seats (see `ViewParts`). */
  private readonly feedLists: NonNullable<ViewParts['feedLists']> = new WeakMap();
  private sink: TableJournal | undefined;
  /** A replica (see `resume`): no hashes, no freezing, no transcript. */
  private replica = false;
  /** Shared views and score reports are deep-frozen (see `resume`'s `frozen`). */
  private frozen = true;
  /** Each session's entry count at the last command boundary: what `save` returns and a failed command goes back to. */
  private marks: number[];
  /** Entries of the command under way, handed to the journal once every session has taken it. */
  private pending: { session: number; entry: TranscriptEntry }[] = [];

  private constructor(
    readonly scenario: Scenario,
    readonly setup: TableSetup,
    private readonly sessions: Session[],
  ) {
    this.marks = sessions.map((s) => s.entries.length);
    for (const i of sessions.keys()) this.buffer(i);
  }

  /** Session `i` writes into the command's pending entries (its own write-ahead never fails). */
  private buffer(i: number): void {
    this.sessions[i]!.journal = { append: (entry) => this.pending.push({ session: i, entry }) };
  }

  static start(
    scenario: Scenario,
    setupInput: TableSetupInput,
    o: { startedAt: string; journal?: TableJournal; meta?: Record<string, string>; frozen?: boolean },
  ): Table | { error: string } {
    const parsed = TableSetupSchema.safeParse(setupInput);
    if (!parsed.success)
      return { error: `the drill setup is not valid: ${parsed.error.issues[0]?.message ?? ''}` };
    const setup = {
      ...parsed.data,
      teams: parsed.data.teams.map((t) => ({ ...t, name: t.name.trim() })),
    };
    const problems = setupProblems(scenario, setup);
    if (problems.length) return { error: problems.join('; ') };
    const sessions: Session[] = [];
    for (const [i, participants] of sessionParticipants(scenario, setup).entries()) {
      const team = setup.mode === 'parallel' ? setup.teams[i]!.name : undefined;
      const s = Session.start(scenario, {
        seed: setup.seed,
        participants,
        startedAt: o.startedAt,
        meta: { lang: setup.lang, mode: setup.mode, ...(team ? { team } : {}), ...(o.meta ?? {}) },
      });
      if ('error' in s) return { error: s.error };
      sessions.push(s);
    }
    const t = new Table(scenario, setup, sessions);
    if (o.journal) t.journal = o.journal;
    // See `resume`'s `frozen`.
    t.frozen = o.frozen !== false;
    return t;
  }

  /**
   * A cadre playing alone (the terminal): a role-mode table of one team around a session the caller
   * started or resumed, so its header, participants and signing stay the caller's. The team is the
   * session's first participant at the table (not a simulated colleague), holding that participant's
   * seats; act on it as `{ kind: 'solo', team: table.teams[0], roles }`.
   */
  static solo(scenario: Scenario, session: Session): Table | { error: string } {
    const state = session.state;
    const me = state.participants.find((p) => p.colleague === undefined);
    if (!me) return { error: 'the drill has no participant at the table' };
    const level = state.participants.find((p) => p.colleague !== undefined)?.colleague;
    const lang = session.header.meta?.lang;
    const parsed = TableSetupSchema.safeParse({
      seed: state.seed,
      mode: 'roles',
      teams: [{ name: me.team, roles: [...me.roles] }],
      lang: LANGUAGES.find((l) => l === lang) ?? 'en',
      ...(COLLEAGUE_LEVELS.find((l) => l === level) ? { colleagues: level } : {}),
    });
    if (!parsed.success)
      return { error: `the drill cannot be played alone: ${parsed.error.issues[0]?.message ?? ''}` };
    return new Table(scenario, parsed.data, [session]);
  }

  /**
   * Resumes a saved table by replaying every transcript (a tampered save is refused, not trusted).
   * `replica`: a read-only copy that follows an authority command by command to serve views (the room
   * server's view worker): its sessions take no state hashes (the authority's transcript has them),
   * its shared views and scores are not frozen (its caller only serialises them), and it has no
   * transcript or save of its own (`save` and `transcripts` throw).
   * `frozen: false`: the shared views and score reports are not deep-frozen, for a caller that only
   * serialises them (the room server's authority: freezing every lane of every state was a tenth of its
   * broadcast's CPU). Whoever holds one must not change it.
   */
  static resume(
    scenario: Scenario,
    saved: SavedTable,
    o: { replica?: boolean; frozen?: boolean } = {},
  ): Table | { error: string } {
    const parsed = TableSetupSchema.safeParse(saved?.setup);
    if (saved?.format !== 'drill-table/1' || !parsed.success) return { error: 'this is not a saved drill' };
    if (!Array.isArray(saved.transcripts) || saved.transcripts.length === 0)
      return { error: 'the saved drill has no transcript' };
    const expected = parsed.data.mode === 'roles' ? 1 : parsed.data.teams.length;
    if (saved.transcripts.length !== expected)
      return {
        error: `the saved drill has ${saved.transcripts.length} transcripts where ${expected} were expected`,
      };
    const sessions: Session[] = [];
    for (const t of saved.transcripts) {
      const s = Session.resume(scenario, t, { replica: o.replica === true });
      if ('error' in s) return { error: s.error };
      sessions.push(s);
    }
    const table = new Table(scenario, parsed.data, sessions);
    table.replica = o.replica === true;
    table.frozen = !table.replica && o.frozen !== false;
    return table;
  }

  set journal(j: TableJournal | undefined) {
    this.sink = j;
  }

  get teams(): string[] {
    return this.setup.teams.map((t) => t.name);
  }
  get seq(): number {
    return this.sessions.reduce((a, s) => a + s.entries.length, 0);
  }
  get clock(): number {
    return this.sessions[0]!.state.clock;
  }
  get phase(): DrillView['phase'] {
    return this.sessions[0]!.state.phase;
  }
  /** Closed after its debrief: final, every command is refused. */
  get closed(): boolean {
    return this.phase === 'ended';
  }
  get sessionCount(): number {
    return this.sessions.length;
  }

  /** The team a session plays (parallel), or undefined for role mode's one session. */
  teamOfSession(i: number): string | undefined {
    return this.setup.mode === 'parallel' ? this.setup.teams[i]?.name : undefined;
  }

  /** The session a team plays in and its participant id there. */
  private seat(team: string): { index: number; session: Session; participant: string } | undefined {
    const i = this.teams.indexOf(team);
    if (i < 0) return undefined;
    const index = this.setup.mode === 'roles' ? 0 : i;
    const session = this.sessions[index]!;
    // A team plays as the participant at the table under its name (`team-N` on tables this class
    // started; the caller's own participant on a solo table).
    const participant =
      session.state.participants.find((p) => p.team === team && p.colleague === undefined)?.id ??
      teamParticipantId(i);
    return { index, session, participant };
  }

  /**
   * Applies a command on behalf of `actor`. Refused commands change nothing and come back with a
   * reason in `lang`. `expectSeq` is the table sequence number the sender last saw: a clock or
   * lifecycle command sent against an older one is refused as stale (two consoles cannot both advance).
   */
  submit(actor: Actor, raw: unknown, o: { expectSeq?: number; lang?: Lang } = {}): TableOutcome {
    const lang = o.lang ?? this.setup.lang;
    const inputs = this.prepare(actor, raw, o.expectSeq, lang);
    if (!Array.isArray(inputs)) return inputs;
    // Every session must accept before any moves, so parallel teams never fall out of step. One input
    // alone needs no trial: its session refuses it without moving (and it is not stepped twice).
    if (inputs.length > 1)
      for (const { session, input } of inputs) {
        if (input.type === 'correct') continue;
        const r = step(this.scenario, this.sessions[session]!.state, input);
        if (!r.ok) return this.engineRefusal(r.rejection, lang);
      }
    const events: { team: string | undefined; events: StepEvent[] }[] = [];
    let failed: Rejection | undefined;
    for (const { session, input } of inputs) {
      const r = this.sessions[session]!.apply(input);
      if (!r.ok) {
        failed = r.rejection;
        break;
      }
      events.push({ team: this.teamOfSession(session), events: r.events });
    }
    // The command is one unit: every session's entries reach the journal, or none is kept.
    const pending = this.pending;
    this.pending = [];
    if (!failed && this.sink)
      try {
        for (const p of pending) this.sink.append(p.session, p.entry);
      } catch (e) {
        failed = { code: 'not-saved', reason: `not saved: ${(e as Error).message}` };
      }
    if (failed) {
      this.rewind();
      return this.engineRefusal(failed, lang);
    }
    this.marks = this.sessions.map((s) => s.entries.length);
    return { ok: true, seq: this.seq, events };
  }

  /**
   * The refusal `submit` would give this command now, without changing anything (a dry run: the same
   * authorisation, staleness and engine checks): `{ ok: true }` when it would be taken. A front end
   * checks a choice while the player edits it with this, instead of a copy of the rules. A correction is
   * checked only up to the engine (a session applies it by replaying).
   */
  check(
    actor: Actor,
    raw: unknown,
    o: { expectSeq?: number; lang?: Lang } = {},
  ): { ok: true } | TableRefusal {
    const lang = o.lang ?? this.setup.lang;
    const inputs = this.prepare(actor, raw, o.expectSeq, lang);
    if (!Array.isArray(inputs)) return inputs;
    for (const { session, input } of inputs) {
      if (input.type === 'correct') continue;
      const r = step(this.scenario, this.sessions[session]!.state, input);
      if (!r.ok) return this.engineRefusal(r.rejection, lang);
    }
    return { ok: true };
  }

  /**
   * What `submit` and `check` share: a command parsed, authorised for `actor`, checked against
   * `expectSeq`, and turned into engine inputs per session — or the refusal.
   */
  private prepare(
    actor: Actor,
    raw: unknown,
    expectSeq: number | undefined,
    lang: Lang,
  ): { session: number; input: Input }[] | TableRefusal {
    const refuse = (code: Exclude<TableRefusalCode, 'engine'>): TableRefusal => ({
      ok: false,
      code,
      reason: refusalWords(code, lang),
    });
    // A closed drill is final: nothing, whoever sends it, is looked at further.
    if (this.closed) return refuse('closed');
    const parsed = TableCommandSchema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, code: 'malformed', reason: malformedWords(parsed.error.issues[0], lang) };
    const c = parsed.data;
    const denied = this.authorise(actor, c);
    if (denied) return refuse(denied);
    if (
      expectSeq !== undefined &&
      expectSeq !== this.seq &&
      c.type !== 'choose' &&
      c.type !== 'answer' &&
      c.type !== 'observe' &&
      c.type !== 'inject'
    )
      return refuse('stale');
    const inputs = this.inputsFor(actor, c);
    return 'refused' in inputs ? refuse(inputs.refused) : inputs;
  }

  /** Puts every session back at the last command boundary (replaying its kept entries: the engine's own way back). */
  private rewind(): void {
    for (const [i, s] of this.sessions.entries()) {
      const keep = this.marks[i]!;
      if (s.entries.length === keep) continue;
      const back = Session.resume(this.scenario, { header: s.header, entries: s.entries.slice(0, keep) });
      // The kept entries were replayed once already: they replay again, or the engine itself is broken.
      if ('error' in back) throw new Error(`cannot rewind session ${i}: ${back.error}`);
      this.sessions[i] = back;
      this.buffer(i);
    }
  }

  private engineRefusal(r: Rejection, lang: Lang): TableRefusal {
    return {
      ok: false,
      code: 'engine',
      engineCode: r.code,
      reason: engineRefusalWords(r, lang),
      ...(r.problem ? { problem: r.problem } : {}),
    };
  }

  /** Which commands each sender may give: members decide for their seats; everything else is the trainer's. */
  private authorise(actor: Actor, c: TableCommand): Exclude<TableRefusalCode, 'engine'> | undefined {
    switch (actor.kind) {
      case 'trainer':
        return undefined;
      case 'evaluator':
        return c.type === 'observe' ? undefined : 'trainer-only';
      case 'solo':
      case 'member': {
        if (c.type !== 'choose' && c.type !== 'answer')
          return actor.kind === 'solo' && SOLO_CLOCK.has(c.type) ? undefined : 'trainer-only';
        if (c.team !== actor.team) return 'not-your-team';
        const d = this.scenario.decisions.find((x) => x.id === c.decision);
        if (!d) return undefined; // the engine names the unknown decision
        if (!holds(actor.roles, d)) return 'not-your-seat';
        // With `each: role`, a member answers only for a role they hold.
        if (
          c.type === 'answer' &&
          c.role !== undefined &&
          actor.roles.length > 0 &&
          !actor.roles.includes(ALL_ROLES) &&
          !actor.roles.includes(c.role)
        )
          return 'not-your-seat';
        return undefined;
      }
      default: {
        const never: never = actor;
        return never;
      }
    }
  }

  /** The engine inputs a command becomes, per session. */
  private inputsFor(
    actor: Actor,
    c: ReturnType<typeof TableCommandSchema.parse>,
  ): { session: number; input: Input }[] | { refused: Exclude<TableRefusalCode, 'engine'> } {
    const all = (input: Input): { session: number; input: Input }[] =>
      this.sessions.map((_, session) => ({ session, input }));
    const by = actor.kind === 'solo' ? undefined : actor.name;
    const byField = by !== undefined && by !== '' ? { by } : {};
    switch (c.type) {
      case 'start':
        return all({ type: 'start' });
      case 'pause':
      case 'resume':
      case 'end':
        return all({ type: c.type, ...byField });
      case 'close':
        return all({ type: 'close' });
      case 'advance':
        return all({ type: 'advance', minutes: c.minutes });
      case 'next': {
        // Alone, "next" is the next event at the cadre's own seats (not a colleague's).
        const mine = actor.kind === 'solo' ? this.seat(actor.team) : undefined;
        if (mine)
          return [{ session: mine.index, input: { type: 'advance', to: 'next', for: mine.participant } }];
        if (this.sessions.length === 1) return all({ type: 'advance', to: 'next' });
        // Parallel teams move together to the earliest next event any of them sees.
        const now = this.clock;
        const times = this.sessions
          .map((s) => nextEventTime(this.scenario, s.state, true))
          .filter((t): t is number => t !== undefined && t > now);
        const target = times.length ? Math.min(...times) : this.scenario.clock.end;
        return target <= now
          ? all({ type: 'advance', to: 'next' })
          : all({ type: 'advance', minutes: target - now });
      }
      case 'choose': {
        const seat = this.seat(c.team);
        if (!seat) return { refused: 'unknown-team' };
        return [
          {
            session: seat.index,
            input: {
              type: 'choose',
              participant: seat.participant,
              decision: c.decision,
              ...(c.options !== undefined ? { options: c.options } : {}),
              ...(c.allocation !== undefined ? { allocation: c.allocation } : {}),
              ...(c.rationale !== undefined && c.rationale.trim() !== '' ? { rationale: c.rationale } : {}),
              ...(c.elapsedMs !== undefined ? { elapsedMs: c.elapsedMs } : {}),
              ...(actor.kind === 'member' ? { by: actor.name } : {}),
            },
          },
        ];
      }
      case 'answer': {
        const seat = this.seat(c.team);
        if (!seat) return { refused: 'unknown-team' };
        // A member holding one role of an `each: role` question answers for it without naming it.
        const only =
          actor.kind !== 'trainer' &&
          actor.kind !== 'evaluator' &&
          actor.roles.length === 1 &&
          actor.roles[0] !== ALL_ROLES
            ? actor.roles[0]
            : undefined;
        const role = c.role ?? only;
        return [
          {
            session: seat.index,
            input: {
              type: 'answer',
              participant: seat.participant,
              decision: c.decision,
              ...(role !== undefined &&
              this.scenario.decisions.find((d) => d.id === c.decision)?.each === 'role'
                ? { role }
                : {}),
              text: c.text,
              ...(c.elapsedMs !== undefined ? { elapsedMs: c.elapsedMs } : {}),
              ...(actor.kind === 'member' ? { by: actor.name } : {}),
            },
          },
        ];
      }
      case 'observe': {
        const input: Input = {
          type: 'observe',
          evaluator: actor.kind === 'solo' ? 'trainer' : (actor.name ?? 'trainer'),
          task: c.task,
          rating: c.rating,
          note: c.note,
          ...(c.at !== undefined ? { at: c.at } : {}),
        };
        if (c.team === undefined) return all(input);
        const seat = this.seat(c.team);
        if (!seat) return { refused: 'unknown-team' };
        return [{ session: seat.index, input }];
      }
      case 'inject': {
        const id = this.nextAdhocId();
        const base = {
          type: 'inject' as const,
          id,
          text: c.text,
          ...(c.title !== undefined ? { title: c.title } : {}),
          ...(c.channel !== undefined ? { channel: c.channel } : {}),
          ...(c.urgency !== undefined ? { urgency: c.urgency } : {}),
          ...byField,
        };
        if (c.team === undefined) return all({ ...base, roles: c.roles });
        const seat = this.seat(c.team);
        if (!seat) return { refused: 'unknown-team' };
        if (this.setup.mode === 'parallel')
          return [{ session: seat.index, input: { ...base, roles: c.roles } }];
        // Role mode: one drill, so "to a team" means to the seats that team holds.
        const held = this.setup.teams[this.teams.indexOf(c.team)]!.roles;
        const roles = c.roles.includes(ALL_ROLES) ? held : c.roles.filter((r) => held.includes(r));
        return roles.length ? [{ session: 0, input: { ...base, roles } }] : { refused: 'not-your-seat' };
      }
      case 'override': {
        const input = (subject: Extract<Input, { type: 'override' }>['subject']): Input => ({
          type: 'override',
          capability: c.capability,
          subject,
          rating: c.rating,
          note: c.note,
          ...byField,
        });
        if (c.team === undefined) return all(input(c.subject));
        const seat = this.seat(c.team);
        if (!seat) return { refused: 'unknown-team' };
        // In parallel mode a team's session is that team's whole drill: its overall rating is the
        // team's, so the headline, the AAR and the comparison all read the same override.
        return [
          {
            session: seat.index,
            input: input(this.setup.mode === 'parallel' ? { kind: 'overall' } : { kind: 'team', id: c.team }),
          },
        ];
      }
      case 'correct': {
        const seat = this.seat(c.team);
        if (!seat) return { refused: 'unknown-team' };
        const entry = seat.session.entries.find(
          (e) => e.input.type === 'choose' && e.input.decision === c.decision,
        );
        if (!entry) return { refused: 'stale' };
        return [
          {
            session: seat.index,
            input: {
              type: 'correct',
              seq: entry.seq,
              ...(c.options !== undefined ? { options: c.options } : {}),
              ...(c.allocation !== undefined ? { allocation: c.allocation } : {}),
              note: c.note,
              ...byField,
            },
          },
        ];
      }
      default: {
        const never: never = c;
        return never;
      }
    }
  }

  /** The next ad-hoc inject id: unique within every session. */
  private nextAdhocId(): string {
    const n = Math.max(0, ...this.sessions.map((s) => s.state.feed.filter((f) => f.adhoc).length));
    return `adhoc-${n + 1}`;
  }

  /**
   * The decisions that would close with their defaults if the clock moved as `command` asks (an advance
   * or "next"): a console warns before it lets a day go by.
   */
  defaultsClosing(command: TableCommand): DefaultClosing[] {
    const parsed = TableCommandSchema.safeParse(command);
    if (!parsed.success || (parsed.data.type !== 'advance' && parsed.data.type !== 'next')) return [];
    const inputs = this.inputsFor({ kind: 'trainer' }, parsed.data);
    if ('refused' in inputs) return [];
    const out: DefaultClosing[] = [];
    for (const { session, input } of inputs) {
      const r = step(this.scenario, this.sessions[session]!.state, input);
      if (!r.ok) continue;
      for (const e of r.events)
        if (e.type === 'decision-closed' && e.by === undefined && !this.isDiscussion(e.id))
          out.push({ team: this.teamOfSession(session), decision: e.id, at: e.at });
    }
    return out;
  }

  /** A discussion question closes without an answer, never with a default: nothing to warn about. */
  private isDiscussion(decision: string): boolean {
    return this.scenario.decisions.find((d) => d.id === decision)?.kind === 'discuss';
  }

  /** What `viewer` may see, in `lang`: one lane per session (team) it may see. */
  view(viewer: TableViewer, lang: Lang): TableView {
    return this.viewWith(viewer, (i, v) => viewFor(this.scenario, this.sessions[i]!.state, v, lang));
  }

  /**
   * The same view as `view`, with its lanes shared and frozen: each lane is computed once per session
   * state, viewer and language, and handed to every caller that asks for it until an input changes that
   * session (then the lanes of the other sessions are still shared). A server broadcasting to many
   * viewers uses this (and may serialise each distinct lane once); do not modify what it returns.
   * `score: false` leaves the score report out of the lanes that would carry it (the caller sends the
   * scores apart: `scores()`).
   */
  sharedView(viewer: TableViewer, lang: Lang, o: { score?: boolean } = {}): TableView {
    const withScore = o.score !== false;
    return this.viewWith(viewer, (i, v) => {
      const state = this.sessions[i]!.state;
      const memo = this.memo(state);
      const key = `${lang}\u0000${viewerKey(v)}${withScore ? '' : '\u0000-'}`;
      let lane = memo.lanes.get(key);
      if (!lane) {
        // Lanes of one state share the parts no seat changes (the feed, most decisions).
        lane = viewFor(this.scenario, state, v, lang, withScore ? () => this.reportOf(state) : null, {
          feed: this.feedViews,
          feedLists: this.feedLists,
          decisions: memo.parts,
        });
        // Frozen so no caller can change what the next one is handed (unless the caller only serialises).
        if (this.frozen) deepFreeze(lane);
        memo.lanes.set(key, lane);
      }
      return lane;
    });
  }

  private memo(state: DrillState): StateMemo {
    let m = this.computed.get(state);
    if (!m) {
      m = { lanes: new Map(), parts: new Map() };
      this.computed.set(state, m);
    }
    return m;
  }

  /** A session state's score report: computed once per state (frozen, shared by views and `scores`). */
  private reportOf(state: DrillState): ScoreReport {
    const m = this.memo(state);
    if (!m.score) {
      m.score = scoreDrill(this.scenario, state);
      if (this.frozen) deepFreeze(m.score);
    }
    return m.score;
  }

  private viewWith(viewer: TableViewer, laneView: (session: number, v: Viewer) => DrillView): TableView {
    const lanes: TableLane[] = [];
    const lane = (i: number, v: Viewer): void => {
      lanes.push({ team: this.teamOfSession(i), view: laneView(i, v) });
    };
    switch (viewer.kind) {
      case 'member':
      case 'team': {
        const seat = this.seat(viewer.team);
        if (!seat) break;
        lane(
          seat.index,
          viewer.kind === 'member'
            ? { kind: 'participant', id: seat.participant, roles: viewer.roles }
            : { kind: 'team', team: viewer.team },
        );
        break;
      }
      case 'projector':
        if (viewer.team !== undefined) {
          const seat = this.seat(viewer.team);
          if (seat) lane(seat.index, { kind: 'projector', team: viewer.team, showScores: viewer.showScores });
        } else
          for (const i of this.sessions.keys())
            lane(i, { kind: 'projector', ...this.laneTeam(i), showScores: viewer.showScores });
        break;
      case 'facilitator':
      case 'evaluator':
        for (const i of this.sessions.keys()) lane(i, { kind: viewer.kind });
        break;
      default: {
        const never: never = viewer;
        return never;
      }
    }
    return {
      seq: this.seq,
      mode: this.setup.mode,
      teams: this.teams,
      phase: this.phase,
      clock: this.clock,
      lanes,
    };
  }

  private laneTeam(i: number): { team?: string } {
    const t = this.teamOfSession(i);
    return t === undefined ? {} : { team: t };
  }

  /**
   * Each team's score and ratings: the one source every screen and report of this drill reads. In
   * parallel mode a team's session is its whole drill, so its ratings and score are the session's
   * overall ones — the same numbers the after-action report heads with.
   */
  scores(): { team: string; report: ScoreReport; ratings: SubjectRatings }[] {
    // Reports are computed once per session state and shared (frozen): read them, do not modify them.
    const reports = this.sessions.map((s) => this.reportOf(s.state));
    return this.teams.map((team) => {
      const seat = this.seat(team)!;
      const report = reports[seat.index]!;
      const ratings: SubjectRatings =
        this.setup.mode === 'parallel'
          ? { subject: { kind: 'team', id: team }, capabilities: report.capabilities, score: report.overall }
          : (report.teams.find((x) => x.subject.id === team) ?? {
              subject: { kind: 'team', id: team },
              capabilities: [],
              score: null,
            });
      return { team, report, ratings };
    });
  }

  /** Each session's transcript (with its result once the drill is over). */
  transcripts(): Transcript[] {
    this.notReplica();
    return this.sessions.map((s) => s.transcript());
  }

  private notReplica(): void {
    if (this.replica) throw new Error('a replica table keeps no transcript (its entries carry no hashes)');
  }

  /** A session's current engine state (read-only: states are frozen). */
  stateOf(i: number): Session['state'] {
    return this.sessions[i]!.state;
  }

  /**
   * A snapshot to resume from: every session as of the last whole command, so a save taken at any
   * moment (even from a journal callback in the middle of a command) resumes to one consistent table.
   */
  save(): SavedTable {
    this.notReplica();
    return {
      format: 'drill-table/1',
      setup: this.setup,
      transcripts: this.sessions.map((s, i) => ({
        header: s.header,
        entries: s.entries.slice(0, this.marks[i]),
      })),
    };
  }
}

/** What the Table computed of one engine state: its score, lane views, and their shared decision parts. */
interface StateMemo {
  score?: ScoreReport;
  lanes: Map<string, DrillView>;
  parts: ViewParts['decisions'];
}

/** What a solo cadre may do besides deciding: run their own drill's clock. */
const SOLO_CLOCK: ReadonlySet<TableCommand['type']> = new Set([
  'start',
  'pause',
  'resume',
  'end',
  'advance',
  'next',
]);
/** A viewer as a cache key: two viewers with the same key see the same lane. */
function viewerKey(v: Viewer): string {
  switch (v.kind) {
    case 'participant':
      return `p\u0000${v.id}\u0000${v.roles === undefined ? '*' : JSON.stringify(v.roles)}`;
    case 'team':
      return `t\u0000${v.team}`;
    case 'projector':
      return `j\u0000${v.team === undefined ? '*' : JSON.stringify(v.team)}\u0000${v.showScores}`;
    case 'facilitator':
    case 'evaluator':
      return v.kind;
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** Does a member holding `roles` (every seat of the team when empty) hold a seat of this decision? */
function holds(roles: readonly string[], d: DecisionPoint): boolean {
  if (roles.length === 0 || roles.includes(ALL_ROLES) || d.roles.includes(ALL_ROLES)) return true;
  return d.roles.some((r) => roles.includes(r));
}
