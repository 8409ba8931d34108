import { describe, expect, it } from 'vitest';
import { longestFirst, type Spec } from './longest-first.ts';

const spec = (project: string, groupOrder: number, moduleId: string): Spec => ({
  moduleId,
  project: { name: project, config: { sequence: { groupOrder } } },
});
const names = (list: Spec[]): string[] => list.map((s) => s.moduleId);

// vitest's order: group by group, project by project.
const base = [
  spec('engine', 0, 'engine/a'),
  spec('engine', 0, 'engine/long'),
  spec('web', 0, 'web/a'),
  spec('cohort', 1, 'cohort/cli'),
  spec('cohort', 1, 'cohort/small'),
  spec('e2e', 1, 'e2e/unknown'),
  spec('e2e', 1, 'e2e/short'),
  spec('e2e', 1, 'e2e/room'),
  spec('e2e', 1, 'e2e/console'),
  spec('server', 2, 'server/a'),
];
const seconds: Record<string, number> = {
  'engine/long': 9,
  'cohort/cli': 10,
  'cohort/small': 2,
  'e2e/short': 1,
  'e2e/room': 60,
  'e2e/console': 36,
  'server/a': 3,
};
const workers = (s: Spec): number => (s.project.config.sequence.groupOrder === 0 ? 1 : 2);

describe('longest-first order', () => {
  const order = names(longestFirst(base, (s) => seconds[s.moduleId], workers));

  it('keeps a one-worker group as vitest orders it', () => {
    expect(order.slice(0, 3)).toEqual(['engine/a', 'engine/long', 'web/a']);
  });

  it('starts the longest files of a several-worker group first, project by project, unknown files last', () => {
    expect(order.slice(3, 9)).toEqual([
      'cohort/cli',
      'cohort/small',
      'e2e/room',
      'e2e/console',
      'e2e/short',
      'e2e/unknown',
    ]);
  });

  it('puts the project with the least expected time first, and keeps the groups in order', () => {
    const order2 = names(
      longestFirst(base, (s) => (s.moduleId === 'cohort/cli' ? 200 : seconds[s.moduleId]), workers),
    );
    expect(order2.slice(3, 9)).toEqual([
      'e2e/room',
      'e2e/console',
      'e2e/short',
      'e2e/unknown',
      'cohort/cli',
      'cohort/small',
    ]);
    expect(order2.at(-1)).toBe('server/a');
  });

  it('leaves the order alone when no file has a weight', () => {
    expect(names(longestFirst(base, () => undefined, workers))).toEqual(names(base));
  });
});
