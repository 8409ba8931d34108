import { formatDiagnostic, type Scenario } from '@drill/engine';
import { loadScenarioModel, resolveScenarioPath, SHIPPED_IDS } from '@drill/scenarios';
import { existsSync } from 'node:fs';
import { UserError } from './io.ts';

/** Loads `typhoon` (a shipped id) or a path; a broken file becomes a UserError listing every problem. */
export function scenarioFromArg(arg: string): Scenario {
  const path = resolveScenarioPath(arg, process.env.INIT_CWD ?? process.cwd());
  if (!existsSync(path))
    throw new UserError(
      `no scenario \`${arg}\`: give a shipped id (${SHIPPED_IDS.join(', ')}) or a path to a .yaml file`,
    );
  const r = loadScenarioModel(path);
  if (!r.ok)
    throw new UserError(
      `${r.diagnostics.map(formatDiagnostic).join('\n')}\n${r.diagnostics.length} problem(s) in ${arg}`,
    );
  return r.scenario;
}
