import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileScenario, type Scenario } from '../src/index.ts';

/** A module-paced tabletop using every discussion-based construct: modules, discussions, notes, tasks, notices. */
export const DISCUSSION_PATH = fileURLToPath(new URL('./fixtures/discussion.yaml', import.meta.url));

export function discussionFixture(): Scenario {
  const r = compileScenario({ path: 'discussion.yaml', text: readFileSync(DISCUSSION_PATH, 'utf8') });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return r.scenario;
}
