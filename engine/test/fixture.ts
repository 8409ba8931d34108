import { compileScenario, type Scenario } from '../src/index.ts';

/** A tiny scenario that exercises every kind of thing the engine schedules. */
export const FIXTURE_YAML = `
format: drill/1
id: fixture
version: 1.0.0
title: { en: Fixture, zh-CN: 测试 }
hazard: other
setting: { place: Testville }
languages: [en]
clock: { anchor: T0, t0: "2025-08-28T14:00", start: T-10h, end: T+5h }
briefing: A test drill.
roles:
  - { id: chief, name: Chief }
  - { id: press, name: Press }
variables:
  - { id: level, name: Level, initial: 0, min: 0, max: 4 }
  - { id: people, name: People, initial: 100, min: 0, max: 100 }
  - { id: rumour, name: Rumour, initial: 0, min: 0, max: 10 }
  - { id: rate, name: Rate, initial: 0, min: 0, max: 50 }
  - { id: acked, name: Acked, type: boolean, initial: false }
  - { id: severity, name: Severity, initial: 1, min: 0, max: 3 }
variations:
  - id: track
    at: T-8h
    outcomes:
      - { id: hit, p: 0.5, effects: ["severity = 2"] }
      - { id: miss, p: 0.5, effects: ["severity = 0.5"] }
dynamics:
  - { id: rumour_grows, every: 1h, when: "!acked", effects: ["rumour += 1"] }
  - { id: move, every: 1h, effects: ["people -= rate"] }
injects:
  - { id: first, at: T-10h, roles: [all], source: Duty, channel: phone, text: Start, effects: ["level = 1"] }
  - { id: warn, at: T-6h, roles: [chief], source: Met, channel: warning-system, text: Warning, effects: ["level = 3"] }
  - { id: nag, at: T-3h, unless: acked, roles: [chief], source: HQ, channel: phone, text: Why no ack? }
  - { id: rumour_big, when: "rumour >= 6", roles: [press], source: Web, channel: social-media, text: Rumour }
  - { id: followup, roles: [chief], source: Field, channel: field-report, text: Follow-up }
decisions:
  - id: ack
    roles: [chief]
    capability: warning_dissemination
    opens: T-6h
    due: +1h
    closes: +2h
    prompt: Acknowledge?
    default: ignore
    options:
      - { id: yes, label: Yes, score: 1, feedback: Good, effects: ["acked = true"], then: [{ inject: followup, after: 30m }] }
      - { id: ignore, label: No, score: 0, feedback: Bad }
  - id: measures
    roles: [chief]
    kind: multi
    max: 2
    capability: protective_actions
    opens: T-5h
    due: T-2h
    prompt: Measures?
    default: [none]
    options:
      - { id: a, label: A, score: 0.5, feedback: ok, effects: ["rate += 20"] }
      - { id: b, label: B, score: 0.5, feedback: ok, effects: ["rate += 10"] }
      - { id: none, label: None, score: 0, feedback: bad }
  - id: trucks
    roles: [press, chief]
    kind: allocate
    capability: mass_care
    opens: T0
    due: T+2h
    budget: 4
    prompt: Trucks?
    default: [x]
    score: "min(1, x / 2) * 0.5 + min(1, y / 2) * 0.5"
    options:
      - { id: x, label: X, max: 3 }
      - { id: y, label: Y }
endings:
  - { id: good, when: "people <= 20", title: Good, text: Good }
  - { id: bad, title: Bad, text: Bad }
outcomes:
  - { id: moved, label: Moved, value: "100 - people", target: 100, worst: 0 }
`;

let compiled: Scenario | undefined;

/**
 * The fixture compiled, once per process: the engine's test files share a worker (isolate: false) and
 * most of them start from it. The compiler freezes the scenario, so no test can change another's.
 */
export function fixture(): Scenario {
  if (compiled) return compiled;
  const r = compileScenario({ path: 'fixture.yaml', text: FIXTURE_YAML });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  compiled = r.scenario;
  return compiled;
}
