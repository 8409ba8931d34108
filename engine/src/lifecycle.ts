import type { ParsedInput } from './inputs.ts';
import { setup, transition, type SnapshotFrom } from 'xstate';

/** The drill lifecycle. Everything else the engine does happens inside `running`. */
export type Phase = 'briefing' | 'running' | 'paused' | 'debrief' | 'ended';
export const PHASES: readonly Phase[] = ['briefing', 'running', 'paused', 'debrief', 'ended'];

/**
 * Every input is a lifecycle event: the phase decides whether it is accepted. `hold` is the engine's
 * own: the clock reached a module's start, and the drill waits (paused) until the facilitator resumes.
 */
export type LifecycleEvent = { type: ParsedInput['type'] | 'hold' };

/**
 * Driven only through xstate's pure `transition()`: no actor, no timers. Targetless transitions mark
 * inputs a phase accepts without leaving it (the `accept` action makes them count for `can()`).
 */
export const lifecycleMachine = setup({
  types: { events: {} as LifecycleEvent },
  actions: { accept: () => {} },
}).createMachine({
  id: 'drill',
  initial: 'briefing',
  states: {
    briefing: { on: { start: 'running' } },
    running: {
      on: {
        pause: 'paused',
        hold: 'paused',
        end: 'debrief',
        advance: { actions: 'accept' },
        choose: { actions: 'accept' },
        answer: { actions: 'accept' },
        inject: { actions: 'accept' },
        override: { actions: 'accept' },
        observe: { actions: 'accept' },
        correct: { actions: 'accept' },
      },
    },
    paused: {
      on: {
        resume: 'running',
        end: 'debrief',
        inject: { actions: 'accept' },
        override: { actions: 'accept' },
        observe: { actions: 'accept' },
        correct: { actions: 'accept' },
      },
    },
    debrief: {
      on: {
        close: 'ended',
        override: { actions: 'accept' },
        observe: { actions: 'accept' },
        correct: { actions: 'accept' },
      },
    },
    ended: { on: { override: { actions: 'accept' }, observe: { actions: 'accept' } } },
  },
});

// A record over the input types, so a new input type without a place in the lifecycle fails to compile.
const EVENT_SET: Record<LifecycleEvent['type'], true> = {
  start: true,
  pause: true,
  resume: true,
  end: true,
  close: true,
  advance: true,
  choose: true,
  answer: true,
  inject: true,
  override: true,
  observe: true,
  hold: true,
  correct: true,
};
const EVENTS = Object.keys(EVENT_SET) as LifecycleEvent['type'][];

/**
 * The machine's answers as a table, derived once at load by asking xstate's pure `transition()` for
 * every (phase, event): the machine stays the source of truth (and the graph tests check it), while a
 * step costs a map lookup instead of building an inert actor per input.
 */
const TABLE: ReadonlyMap<Phase, ReadonlyMap<LifecycleEvent['type'], Phase>> = new Map(
  PHASES.map((p) => {
    const snap: SnapshotFrom<typeof lifecycleMachine> = lifecycleMachine.resolveState({
      value: p,
      context: {},
    });
    const row = new Map<LifecycleEvent['type'], Phase>();
    for (const e of EVENTS)
      if (snap.can({ type: e }))
        row.set(e, transition(lifecycleMachine, snap, { type: e })[0].value as Phase);
    return [p, row];
  }),
);

/** The phase after `event`, or undefined when the phase does not accept it. */
export function lifecycleStep(phase: Phase, event: LifecycleEvent['type']): Phase | undefined {
  return TABLE.get(phase)?.get(event);
}

/** Which inputs a phase accepts, for messages ("the drill is paused: resume it first"). */
export function acceptedIn(phase: Phase): ParsedInput['type'][] {
  return EVENTS.filter((e): e is ParsedInput['type'] => e !== 'hold' && TABLE.get(phase)?.has(e) === true);
}
