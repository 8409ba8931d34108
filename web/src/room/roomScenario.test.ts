import { describe, expect, it } from 'vitest';
import type { TableView } from '@drill/engine';
import { optionLabel, roleName } from './roomScenario.ts';

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
