import type { KnownIds } from './link-ids.ts';
import type { LinkContext } from './link-context.ts';

/** Objectives name capabilities, and their critical tasks name a capability and decisions: all must exist. */
export function linkObjectives(c: LinkContext, ids: KnownIds): void {
  for (const o of c.lists.objectives) {
    o.value.capabilities.forEach((cap, i) =>
      c.checkRef(o, ['capabilities', i], 'capability', cap, ids.capabilities),
    );
    o.value.tasks.forEach((t, i) => {
      c.checkRef(o, ['tasks', i, 'capability'], 'capability', t.capability, ids.capabilities);
      t.decisions.forEach((d, j) =>
        c.checkRef(o, ['tasks', i, 'decisions', j], 'decision', d, ids.decisions),
      );
    });
  }
}
