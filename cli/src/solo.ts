import {
  ALL_ROLES,
  playOut,
  policyChoice,
  policyRandom,
  Session,
  soloParticipant,
  Table,
  withColleagues,
  type Actor,
  type ColleagueLevel,
  type Driver,
  type DrillState,
  type Input,
  type Lang,
  type PlayOutOptions,
  type Policy,
  type Scenario,
  type TableCommand,
} from '@drill/engine';
import { answerFor, nextAnswerTime, type Answers } from './answers.ts';
import { UserError } from './io.ts';
import { reasonSaid } from './say.ts';

/**
 * A cadre playing alone, at the terminal or without a screen: the session the terminal starts (its
 * header names the cadre, the seat they hold and simulated colleagues in the others), and the engine
 * `Table` around it that every input goes through.
 */
export interface SoloSessionOptions {
  seed: string;
  startedAt: string;
  name?: string;
  team?: string;
  /** The seat the cadre holds, or `all`. */
  role?: string;
  /** Who plays the seats the cadre leaves empty (default competent). */
  colleagues?: ColleagueLevel;
  meta: Record<string, string>;
  /** Signs the finished drill's result (the key from `drill keys init`). */
  signingKey?: Uint8Array;
}

/** The cadre's new session (a bad seed or scenario is the user's to fix, said in words). */
export function startSoloSession(scenario: Scenario, o: SoloSessionOptions): Session {
  const s = Session.start(scenario, {
    seed: o.seed,
    participants: withColleagues(
      scenario,
      [{ ...soloParticipant(o.name ?? 'Player', o.team ?? 'solo'), roles: [o.role ?? ALL_ROLES] }],
      o.colleagues,
    ),
    startedAt: o.startedAt,
    meta: o.meta,
  });
  if ('error' in s) throw new UserError(reasonSaid(s.error));
  if (o.signingKey) s.signingKey = o.signingKey;
  return s;
}

/** The Table a solo session is played on, and the cadre as its actor. */
export function soloTable(
  scenario: Scenario,
  session: Session,
): { table: Table; actor: Extract<Actor, { kind: 'solo' }> } {
  const table = Table.solo(scenario, session);
  if ('error' in table) throw new UserError(reasonSaid(table.error));
  const team = table.setup.teams[0]!;
  return { table, actor: { kind: 'solo', team: team.name, roles: team.roles } };
}

/**
 * The engine input an automatic player (the engine's `playOut`) asks for, as the cadre's Table command:
 * the autoplay loop is the engine's, the authority over what reaches the drill the Table's.
 */
export function commandOf(team: string, input: Input): TableCommand | undefined {
  switch (input.type) {
    case 'start':
    case 'pause':
    case 'resume':
    case 'end':
      return { type: input.type };
    case 'advance':
      return input.minutes !== undefined ? { type: 'advance', minutes: input.minutes } : { type: 'next' };
    case 'choose':
      return {
        type: 'choose',
        team,
        decision: input.decision,
        ...(input.options !== undefined ? { options: input.options } : {}),
        ...(input.allocation !== undefined ? { allocation: input.allocation } : {}),
        ...(input.rationale !== undefined ? { rationale: input.rationale } : {}),
        ...(input.elapsedMs !== undefined ? { elapsedMs: input.elapsedMs } : {}),
      };
    case 'answer':
      return {
        type: 'answer',
        team,
        decision: input.decision,
        ...(input.role !== undefined ? { role: input.role } : {}),
        text: input.text,
        ...(input.elapsedMs !== undefined ? { elapsedMs: input.elapsedMs } : {}),
      };
    case 'inject':
    case 'override':
    case 'observe':
    case 'correct':
    case 'close':
      // The trainer's inputs, never the cadre's.
      return undefined;
    default: {
      const never: never = input;
      return never;
    }
  }
}

/** A driver for the engine's `playOut` that sends each input through `submit` as the cadre's command. */
export function soloDriver(
  team: string,
  state: () => DrillState,
  submit: (c: TableCommand) => { ok: true } | { ok: false; reason: string },
): Driver {
  return {
    get state() {
      return state();
    },
    apply: (input) => {
      const c = commandOf(team, input);
      return c ? submit(c) : { ok: false, reason: `a ${input.type} is the trainer’s to send` };
    },
  };
}

/** What an automatic player chooses: a policy's choice, or the answers file's. */
export function autoPlayer(
  scenario: Scenario,
  o: { policy?: Policy; answers?: Answers; seed: string; lang: Lang },
): Pick<PlayOutOptions, 'choose' | 'waitUntil'> {
  const rnd = policyRandom(o.policy ?? 'answers', o.seed);
  const { policy, answers } = o;
  return {
    choose: (state) =>
      policy
        ? policyChoice(scenario, state, policy, rnd, { lang: o.lang })
        : answers
          ? answerFor(scenario, state, answers)
          : undefined,
    ...(answers ? { waitUntil: (state) => nextAnswerTime(scenario, state, answers) } : {}),
  };
}

/**
 * Plays a solo drill to its end with the engine's autoplay loop, following the cadre's seats (as the
 * terminal's "next" does).
 */
export function playSolo(
  driver: Driver,
  participant: string,
  player: Pick<PlayOutOptions, 'choose' | 'waitUntil'>,
  refused?: PlayOutOptions['refused'],
): void {
  playOut(driver, { ...player, viewer: participant, ...(refused ? { refused } : {}) });
}
