import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsRole, Session, type Input, type Phase, type Scenario } from '../src/index.ts';
import { shippedScenario } from './shipped.ts';
import { fixture } from './fixture.ts';

/** What the model predicts about the drill: its phase, its clock, and how many inputs were accepted. */
interface Model {
  phase: Phase;
  clock: number;
  accepted: number;
}
interface Real {
  s: Session;
  sc: Scenario;
}

/** Applies an input and checks the engine against the model's prediction of acceptance. */
abstract class Cmd implements fc.Command<Model, Real> {
  abstract input(r: Real): Input | undefined;
  abstract allowedIn: Phase[];
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const input = this.input(r);
    if (!input) return;
    const before = r.s.state;
    const res = r.s.apply(input);
    const expectAccepted = this.allowedIn.includes(m.phase) && this.extraValid(m, r);
    expect(
      res.ok,
      `${JSON.stringify(input)} in ${m.phase}: ${res.ok ? 'accepted' : res.rejection.reason}`,
    ).toBe(expectAccepted);
    if (!res.ok) {
      expect(r.s.state).toBe(before);
      return;
    }
    m.accepted += 1;
    this.update(m, r);
    expect(r.s.state.phase).toBe(m.phase);
    expect(r.s.state.clock).toBe(m.clock);
    expect(r.s.entries.length).toBe(m.accepted);
  }
  extraValid(_m: Model, _r: Real): boolean {
    return true;
  }
  abstract update(m: Model, r: Real): void;
  toString(): string {
    return this.constructor.name;
  }
}

const reachedEnd = (m: Model, r: Real): void => {
  if (m.clock >= r.sc.clock.end) m.phase = 'debrief';
};

class Start extends Cmd {
  allowedIn: Phase[] = ['briefing'];
  input = (): Input => ({ type: 'start' });
  update(m: Model): void {
    m.phase = 'running';
  }
}
class AdvanceMinutes extends Cmd {
  allowedIn: Phase[] = ['running'];
  constructor(readonly minutes: number) {
    super();
  }
  input = (): Input => ({ type: 'advance', minutes: this.minutes });
  update(m: Model, r: Real): void {
    m.clock = Math.min(m.clock + this.minutes, r.sc.clock.end);
    reachedEnd(m, r);
  }
  override toString(): string {
    return `AdvanceMinutes(${this.minutes})`;
  }
}
class AdvanceNext extends Cmd {
  allowedIn: Phase[] = ['running'];
  input = (): Input => ({ type: 'advance', to: 'next' });
  update(m: Model, r: Real): void {
    expect(r.s.state.clock).toBeGreaterThan(m.clock);
    m.clock = r.s.state.clock;
    reachedEnd(m, r);
  }
}
class ChooseOpen extends Cmd {
  allowedIn: Phase[] = ['running'];
  private picked: Input | undefined;
  input = (r: Real): Input | undefined => {
    const d = r.sc.decisions.find(
      (x) => r.s.state.decisions[x.id]?.status === 'open' && x.kind !== 'allocate',
    );
    const p = d && r.s.state.participants.find((x) => holdsRole(x, d.roles));
    this.picked =
      d && p
        ? { type: 'choose', participant: p.id, decision: d.id, options: [d.options.at(-1)!.id] }
        : undefined;
    return this.picked;
  };
  update(): void {}
}
class Pause extends Cmd {
  allowedIn: Phase[] = ['running'];
  input = (): Input => ({ type: 'pause' });
  update(m: Model): void {
    m.phase = 'paused';
  }
}
class Resume extends Cmd {
  allowedIn: Phase[] = ['paused'];
  input = (): Input => ({ type: 'resume' });
  update(m: Model): void {
    m.phase = 'running';
  }
}
class End extends Cmd {
  allowedIn: Phase[] = ['running', 'paused'];
  input = (): Input => ({ type: 'end' });
  update(m: Model): void {
    m.phase = 'debrief';
  }
}
class Close extends Cmd {
  allowedIn: Phase[] = ['debrief'];
  input = (): Input => ({ type: 'close' });
  update(m: Model): void {
    m.phase = 'ended';
  }
}

const commands = [
  fc.constant(new Start()),
  fc.integer({ min: 1, max: 720 }).map((n) => new AdvanceMinutes(n)),
  fc.constant(new AdvanceNext()),
  fc.constant(new ChooseOpen()),
  fc.constant(new Pause()),
  fc.constant(new Resume()),
  fc.constant(new End()),
  fc.constant(new Close()),
];

describe.each([
  ['fixture', fixture()],
  ['typhoon', shippedScenario('typhoon')],
] as const)('model-based: the drill lifecycle on %s follows the model for any input sequence', (_n, sc) => {
  it('accepts exactly the inputs the model allows, with the predicted phase and clock', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const s = Session.start(sc, {
          seed: 'model',
          participants: [{ id: 'p', name: 'P', team: 'T', roles: ['all'] }],
          startedAt: 'x',
        });
        if ('error' in s) throw new Error(s.error);
        fc.modelRun(
          () => ({
            model: { phase: 'briefing' as Phase, clock: sc.clock.start, accepted: 0 },
            real: { s, sc },
          }),
          cmds,
        );
      }),
      { numRuns: 150 },
    );
  });
});
