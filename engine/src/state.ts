import type { Rating, Subject } from './inputs.ts';
import type { Phase } from './lifecycle.ts';
import type { RngState } from './rng.ts';
import { seedRng } from './rng.ts';
import type { Channel, Scenario, Urgency } from './scenario/model.ts';
import { ALL_ROLES } from './scenario/compile.ts';
import type { LocalizedText } from './text.ts';
import { scanTimers, type Timer } from './timers.ts';

/** How well a simulated colleague plays the seats nobody at the table holds. */
export const COLLEAGUE_LEVELS = ['competent', 'average', 'weak'] as const;
export type ColleagueLevel = (typeof COLLEAGUE_LEVELS)[number];

/** One person at the table: a participant decides only for the roles they hold (`all` for a solo player). */
export interface Participant {
  id: string;
  name: string;
  team: string;
  roles: string[];
  /**
   * Set for a simulated colleague: its decisions are recorded as inputs like anyone's, but they are
   * never charged to the people at the table (scores and ratings leave them out).
   */
  colleague?: ColleagueLevel;
}

export type Timeliness = 'on-time' | 'late' | 'missed';

export interface DecisionRecord {
  status: 'pending' | 'scheduled' | 'open' | 'closed';
  /** The option ids in the order shown to participants (drawn from the seed when it opened). */
  order?: string[];
  /** When a follow-up decision is due to open. */
  opensAt?: number;
  openedAt?: number;
  due?: number;
  closesAt?: number;
  options?: string[];
  allocation?: Record<string, number>;
  /** The participant who decided; absent when the default was taken. */
  by?: string;
  at?: number;
  rationale?: string;
  elapsedMs?: number;
  timeliness?: Timeliness;
  /** Set when a trainer corrected the choice entry `seq` recorded, with their reason. */
  correction?: { seq: number; note: string; by?: string };
  /** A discussion's answers: one for the table, or one per role (in the decision's role order). */
  answers?: Answer[];
}

/** One recorded answer to a discussion question. */
export interface Answer {
  /** The role answered for (`each: role`); absent for the table's answer. */
  role?: string;
  by: string;
  /** The member who sent it (a room's device), when several people share the participant's seats. */
  member?: string;
  at: number;
  text: string;
}

/** An evaluator's observation against a critical task, as recorded (HSEEP EEG). */
export interface Observation {
  evaluator: string;
  task: string;
  at: number;
  rating: Rating;
  note: string;
  seq: number;
}

export interface InjectRecord {
  status: 'pending' | 'scheduled' | 'fired' | 'skipped';
  due?: number;
  firedAt?: number;
}

/** A trainer's inject written on the spot. */
export interface AdhocInject {
  id: string;
  roles: string[];
  text: LocalizedText;
  title?: LocalizedText;
  source: string;
  channel: Channel;
  urgency: Urgency;
}

/** An inject as delivered: what a participant's feed shows. */
export interface Delivery {
  inject: string;
  at: number;
  roles: string[];
  adhoc?: AdhocInject;
  /** A variation outcome's notice (its text is the scenario's: see `deliverySource`). */
  notice?: { variation: string; outcome: string };
  /** The values of the variables its text shows (`{id}`), as they were when it was delivered. */
  values?: Record<string, number | boolean>;
}

export interface Override {
  capability: string;
  subject: Subject;
  rating: Rating;
  note: string;
  by?: string;
  seq: number;
}

/**
 * The whole engine state: plain JSON, bounded by the scenario's size (the growing input log lives in the
 * transcript, not here), so a state can be hashed, saved, resumed and compared.
 */
export interface DrillState {
  scenario: { id: string; contentHash: string };
  seed: string;
  phase: Phase;
  /** Scenario minutes relative to T0. */
  clock: number;
  /** Number of inputs accepted so far. */
  seq: number;
  participants: Participant[];
  world: Record<string, number | boolean>;
  rng: RngState;
  variations: Record<string, string>;
  injects: Record<string, InjectRecord>;
  decisions: Record<string, DecisionRecord>;
  /** Next tick time of each dynamic. */
  dynamics: Record<string, number>;
  /**
   * What the drill itself scheduled, ordered by (due, seq) — the order the engine runs them in: follow-ups
   * a choice brought on, and each open decision's deadline and closing. The scenario's own timetable
   * (timed injects and decisions, variation draws, dynamics ticks) is not copied here: the engine merges
   * it in from the compiled scenario (timers.ts). An index of the records above, kept equal to what
   * scanning them gives, so a step finds the next event without scanning every record on every tick.
   */
  timers: Timer[];
  feed: Delivery[];
  overrides: Override[];
  ending?: string;
  /** The module under way (the last one started); absent before the first or without modules. */
  module?: string;
  /** Set while the drill waits at the start of `module` for the facilitator to go on (phase `paused`). */
  holding?: true;
  /** Evaluators' observations; absent until the first (so drills without them keep their hashes). */
  observations?: Observation[];
}

export interface DrillOptions {
  seed: string | number;
  participants: Participant[];
}

export type CreateResult = { ok: true; state: DrillState } | { ok: false; reason: string };

/** A solo player who holds every role. */
export function soloParticipant(name = 'Player', team = 'solo'): Participant {
  return { id: 'p1', name, team, roles: [ALL_ROLES] };
}

/** The state before `start`: the world at its initial values, nothing drawn, nothing delivered. */
export function createDrill(scenario: Scenario, options: DrillOptions): CreateResult {
  const seed = String(options.seed);
  if (seed.length === 0 || seed.length > 200)
    return { ok: false, reason: 'the seed must be 1 to 200 characters' };
  const ps = options.participants;
  if (ps.length === 0) return { ok: false, reason: 'a drill needs at least one participant' };
  const roleIds = new Set([...scenario.roles.map((r) => r.id), ALL_ROLES]);
  const seen = new Set<string>();
  for (const p of ps) {
    if (!p.id || seen.has(p.id))
      return { ok: false, reason: `participant id \`${p.id}\` is empty or used twice` };
    seen.add(p.id);
    if (p.roles.length === 0) return { ok: false, reason: `participant \`${p.id}\` holds no role` };
    if (p.colleague !== undefined && !COLLEAGUE_LEVELS.includes(p.colleague))
      return {
        ok: false,
        reason: `participant \`${p.id}\`: a colleague plays ${COLLEAGUE_LEVELS.join(', ')}`,
      };
    const bad = p.roles.find((r) => !roleIds.has(r));
    if (bad) return { ok: false, reason: `participant \`${p.id}\`: this scenario has no role \`${bad}\`` };
  }
  const state: DrillState = {
    scenario: { id: scenario.id, contentHash: scenario.contentHash },
    seed,
    phase: 'briefing',
    clock: scenario.clock.start,
    seq: 0,
    participants: ps.map((p) => ({
      id: p.id,
      name: p.name,
      team: p.team,
      roles: [...p.roles],
      ...(p.colleague ? { colleague: p.colleague } : {}),
    })),
    world: Object.fromEntries(scenario.variables.map((v) => [v.id, v.initial])),
    rng: seedRng(seed),
    variations: {},
    injects: Object.fromEntries(scenario.injects.map((i) => [i.id, { status: 'pending' }])),
    decisions: Object.fromEntries(scenario.decisions.map((d) => [d.id, { status: 'pending' }])),
    dynamics: Object.fromEntries(scenario.dynamics.map((d) => [d.id, d.from])),
    timers: [],
    feed: [],
    overrides: [],
  };
  state.timers = scanTimers(scenario, state);
  return { ok: true, state };
}

/** Does this participant hold one of the roles a decision or inject is addressed to? */
export function holdsRole(p: Participant, roles: readonly string[]): boolean {
  return p.roles.includes(ALL_ROLES) || roles.includes(ALL_ROLES) || p.roles.some((r) => roles.includes(r));
}

/** The people at the table who hold one of these roles (simulated colleagues left out). */
export function humansHolding(participants: readonly Participant[], roles: readonly string[]): Participant[] {
  return participants.filter((p) => p.colleague === undefined && holdsRole(p, roles));
}

/**
 * The people at the table plus, when they leave seats empty, one simulated colleague holding every
 * empty seat at `level`. A solo cadre playing one role is then judged on that role alone.
 */
export function withColleagues(
  scenario: Scenario,
  people: readonly Participant[],
  level: ColleagueLevel = 'competent',
): Participant[] {
  if (people.some((p) => p.roles.includes(ALL_ROLES))) return [...people];
  const held = new Set(people.flatMap((p) => p.roles));
  const empty = scenario.roles.map((r) => r.id).filter((r) => !held.has(r));
  if (empty.length === 0) return [...people];
  const colleague: Participant = {
    id: 'colleagues',
    name: 'Simulated colleagues',
    // Beside one team they sit with it; beside several (a classroom) they are a seat of their own.
    team: new Set(people.map((p) => p.team)).size === 1 ? people[0]!.team : 'colleagues',
    roles: empty,
    colleague: level,
  };
  return [...people, colleague];
}
