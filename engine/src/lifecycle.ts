import { setup, transition, type SnapshotFrom } from 'xstate';

/** The drill lifecycle. Everything else the engine does happens inside `running`. */
export type Phase = 'briefing' | 'running' | 'paused' | 'debrief' | 'ended';
export const PHASES: readonly Phase[] = ['briefing', 'running', 'paused', 'debrief', 'ended'];

export type LifecycleEvent =
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'end' }
  | { type: 'close' }
  | { type: 'advance' }
  | { type: 'choose' }
  | { type: 'inject' }
  | { type: 'override' };

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
        end: 'debrief',
        advance: { actions: 'accept' },
        choose: { actions: 'accept' },
        inject: { actions: 'accept' },
        override: { actions: 'accept' },
      },
    },
    paused: {
      on: {
        resume: 'running',
        end: 'debrief',
        inject: { actions: 'accept' },
        override: { actions: 'accept' },
      },
    },
    debrief: { on: { close: 'ended', override: { actions: 'accept' } } },
    ended: { on: { override: { actions: 'accept' } } },
  },
});

type LifecycleSnapshot = SnapshotFrom<typeof lifecycleMachine>;
const snapshots = new Map<Phase, LifecycleSnapshot>(
  PHASES.map((p) => [p, lifecycleMachine.resolveState({ value: p, context: {} })]),
);

/** The phase after `event`, or undefined when the phase does not accept it. */
export function lifecycleStep(phase: Phase, event: LifecycleEvent['type']): Phase | undefined {
  const snap = snapshots.get(phase)!;
  if (!snap.can({ type: event })) return undefined;
  const [next] = transition(lifecycleMachine, snap, { type: event });
  return next.value as Phase;
}

/** Which inputs a phase accepts, for messages ("the drill is paused: resume it first"). */
export function acceptedIn(phase: Phase): LifecycleEvent['type'][] {
  const snap = snapshots.get(phase)!;
  return (
    ['start', 'pause', 'resume', 'end', 'close', 'advance', 'choose', 'inject', 'override'] as const
  ).filter((e) => snap.can({ type: e }));
}
