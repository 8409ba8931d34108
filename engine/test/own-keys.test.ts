import { describe, expect, it } from 'vitest';
import {
  autoplay,
  canonicalJson,
  compileScenario,
  createDrill,
  formatDiagnostic,
  liveText,
  scoreDrill,
  step,
  type DrillState,
  type Input,
  type Scenario,
} from '../src/index.ts';

/**
 * Ids are lower-case words, so `constructor` is a valid id — and the name of a property every plain
 * object inherits. Every lookup keyed by a scenario's or a user's id must read own properties only.
 */
const YAML = `format: drill/1
id: proto
version: 1.0.0
title: Prototype names
hazard: flood
setting: { place: Town }
languages: [en]
clock: { anchor: peak, t0: "2025-07-01T12:00", start: T-2h, end: T+2h }
briefing: "Level {constructor}."
roles: [{ id: chief, name: Chief }]
variables:
  - { id: constructor, name: Level, initial: 3, min: 0, max: 10 }
variations:
  - id: constructor
    outcomes:
      - { id: high, p: 1, effects: ["constructor += 1"] }
      - { id: low, p: 0 }
decisions:
  - id: split
    roles: [chief]
    capability: resources_logistics
    kind: allocate
    opens: T-1h
    due: +30m
    budget: 4
    prompt: "Share out 4 teams (level {constructor})."
    default: [constructor]
    score: "min(1, (constructor + other) / 4)"
    options:
      - { id: constructor, label: Here }
      - { id: other, label: There }
endings:
  - { id: high, when: "variation('constructor') == 'high'", title: High, text: High }
  - { id: fallback, title: End, text: End }
`;

function compiled(): Scenario {
  const r = compileScenario({ path: 'proto.yaml', text: YAML });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.scenario;
}

function run(sc: Scenario, inputs: Input[]): DrillState {
  const c = createDrill(sc, {
    seed: 's',
    participants: [{ id: 'p', name: 'P', team: 't', roles: ['chief'] }],
  });
  if (!c.ok) throw new Error(c.reason);
  let s = c.state;
  for (const i of inputs) {
    const r = step(sc, s, i);
    if (!r.ok) throw new Error(r.rejection.reason);
    s = r.state;
  }
  return s;
}

describe('ids named like Object.prototype properties', () => {
  it('an allocation that leaves out `constructor` records 0 for it, not a function', () => {
    const sc = compiled();
    const s = run(sc, [
      { type: 'start' },
      { type: 'advance', minutes: 60 },
      { type: 'choose', participant: 'p', decision: 'split', allocation: { other: 3 } },
    ]);
    const alloc = s.decisions.split!.allocation!;
    expect(Object.hasOwn(alloc, 'constructor')).toBe(true);
    expect(alloc['constructor']).toBe(0);
    expect(alloc.other).toBe(3);
    // The state stays plain data: canonical JSON (hence every hash) accepts it.
    expect(() => canonicalJson(s)).not.toThrow();
  });

  it('a variation named `constructor` is drawn (an inherited property is not a drawn outcome)', () => {
    const sc = compiled();
    const s = run(sc, [{ type: 'start' }]);
    expect(s.variations['constructor']).toBe('high');
    expect(s.world['constructor']).toBe(4);
  });

  it('a whole drill plays out and scores with finite numbers', () => {
    const sc = compiled();
    for (const policy of ['random', 'best', 'worst'] as const) {
      const end = autoplay(sc, { seed: 's', policy }).state;
      expect(end.ending).toBe('high');
      const alloc = end.decisions.split!.allocation!;
      for (const v of Object.values(alloc)) expect(typeof v).toBe('number');
      expect(Number.isFinite(scoreDrill(sc, end).overall)).toBe(true);
    }
  });

  it('live text shows the value of a variable named `constructor`', () => {
    const sc = compiled();
    const s = run(sc, [{ type: 'start' }]);
    expect(liveText(sc, s, sc.decisions[0]!.prompt, 'en', {})).toBe('Share out 4 teams (level 4).');
  });
});
