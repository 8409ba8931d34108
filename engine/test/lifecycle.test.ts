import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { acceptedIn, lifecycleMachine, lifecycleStep, PHASES } from '../src/lifecycle.ts';

const EVENTS = [
  'start',
  'pause',
  'resume',
  'end',
  'close',
  'advance',
  'choose',
  'answer',
  'inject',
  'override',
  'observe',
  'hold',
  'correct',
] as const;
const events = EVENTS.map((type) => ({ type }));

describe('drill lifecycle machine', () => {
  it('reaches every phase from the briefing', () => {
    const paths = getShortestPaths(lifecycleMachine, { events });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual([...PHASES].sort());
  });
  it('reaches the end of a drill by exactly two simple paths: straight through, or ended while paused', () => {
    const paths = getSimplePaths(lifecycleMachine, { events }).filter((p) => p.state.value === 'ended');
    const seqs = paths.map((p) => p.steps.map((s) => s.event.type).join('>')).sort();
    expect(seqs).toEqual([
      'xstate.init>start>end>close',
      'xstate.init>start>hold>end>close',
      'xstate.init>start>pause>end>close',
    ]);
  });
  it('returns from a pause to the running drill', () => {
    expect(lifecycleStep('paused', 'resume')).toBe('running');
    expect(lifecycleStep('running', 'resume')).toBeUndefined();
  });
  it('accepts in each phase exactly the inputs the engine documents', () => {
    expect(acceptedIn('briefing')).toEqual(['start']);
    expect(acceptedIn('running')).toEqual([
      'pause',
      'end',
      'advance',
      'choose',
      'answer',
      'inject',
      'override',
      'observe',
      'correct',
    ]);
    expect(acceptedIn('paused')).toEqual(['resume', 'end', 'inject', 'override', 'observe', 'correct']);
    expect(acceptedIn('debrief')).toEqual(['close', 'override', 'observe', 'correct']);
    expect(acceptedIn('ended')).toEqual(['override', 'observe']);
  });
  it('waits at a module start (the engine’s own `hold`) until the facilitator resumes', () => {
    expect(lifecycleStep('running', 'hold')).toBe('paused');
    expect(lifecycleStep('paused', 'hold')).toBeUndefined();
    expect(acceptedIn('running')).not.toContain('hold');
  });
  it('never leaves the ended phase', () => {
    for (const e of EVENTS) expect([undefined, 'ended']).toContain(lifecycleStep('ended', e));
  });
});
