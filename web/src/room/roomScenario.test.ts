import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario, TableView } from '@drill/engine';
import { clockLabel, clockParts } from '../format.ts';
import { compileShipped, loadLibrary } from '../scenarios.ts';
import { clockLabelFor, optionLabel, roleName, roomClock } from './roomScenario.ts';

// A participant's phone in a room playing the trainer's own scenario: no scenario in this browser
// (`undefined`), only what the server sends — the join info and the member's view.
describe('naming things without the scenario file', () => {
  it('names seats from the join info, and recorded options from the view', () => {
    const join = {
      teams: [
        { name: 'Red', members: 1, roles: [{ id: 'chief', name: { en: 'County chief', 'zh-CN': '县长' } }] },
      ],
    };
    expect(roleName(undefined, 'chief', 'zh-CN', join)).toBe('县长');
    expect(roleName(undefined, 'chief', 'en', join)).toBe('County chief');
    expect(roleName(undefined, 'ghost', 'en', join)).toBe('ghost');

    const view = {
      seq: 3,
      mode: 'roles',
      teams: ['Red'],
      phase: 'running',
      clock: 60,
      lanes: [
        {
          view: {
            closed: [
              {
                decision: 'evacuate',
                at: 30,
                timeliness: 'on-time',
                options: ['now'],
                labels: { now: '立即转移' },
              },
            ],
          },
        },
      ],
    } as unknown as TableView;
    expect(optionLabel(undefined, 'evacuate', 'now', 'zh-CN', view)).toBe('立即转移');
    expect(optionLabel(undefined, 'evacuate', 'later', 'zh-CN', view)).toBeUndefined();
    expect(optionLabel(undefined, 'other', 'now', 'zh-CN', view)).toBeUndefined();
  });
});

describe("the room's clock without the scenario file", () => {
  let sc: Scenario;
  beforeAll(async () => {
    await loadLibrary();
    const r = compileShipped('typhoon');
    if (!r.ok) throw new Error('typhoon does not compile');
    sc = r.scenario;
  });

  it("reads the same as the console's from the T0 the server sends (en, zh)", () => {
    const t0 = sc.clock.t0;
    for (const lang of ['en', 'zh-CN'] as const)
      for (const m of [-46 * 60, -90, 0, 75, 3 * 24 * 60]) {
        const console = clockParts(sc, m, lang);
        expect(console.civil).not.toBe('');
        expect(roomClock(undefined, t0, m, lang)).toEqual(console);
        expect(clockLabelFor(undefined, t0, lang)(m)).toBe(clockLabel(sc, m, lang));
        expect(clockLabelFor(undefined, t0, lang)(m)).toContain(console.civil);
        // With the scenario in this browser, its own T0 is the one read.
        expect(clockLabelFor(sc, undefined, lang)(m)).toBe(clockLabel(sc, m, lang));
      }
    // Chinese has no Latin unit (T0 is the one symbol both languages write); a room without a dated T0 shows the relative time alone.
    expect(clockLabelFor(undefined, t0, 'zh-CN')(-90).replace('T0', '')).not.toMatch(/[A-Za-z]/);
    expect(clockLabelFor(undefined, undefined, 'en')(-90)).toBe(clockParts(sc, -90, 'en').rel);
  });
});
