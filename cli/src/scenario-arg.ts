import { formatDiagnostic, type Scenario } from '@drill/engine';
import { loadScenarioModel, resolveScenarioPath, SHIPPED_IDS } from '@drill/scenarios';
import { existsSync } from 'node:fs';
import { UserError } from './io.ts';
import { say } from './say.ts';

/** Loads `typhoon` (a shipped id) or a path; a broken file becomes a UserError listing every problem. */
export function scenarioFromArg(arg: string): Scenario {
  const path = resolveScenarioPath(arg, process.env.INIT_CWD ?? process.cwd());
  if (!existsSync(path))
    throw new UserError(
      say(
        `no scenario \`${arg}\`: give a shipped id (${SHIPPED_IDS.join(', ')}) or a path to a .yaml file`,
        `没有想定“${arg}”：请给出内置想定的编号（${SHIPPED_IDS.join('、')}）或 .yaml 文件的路径`,
      ),
    );
  const r = loadScenarioModel(path);
  if (!r.ok)
    throw new UserError(
      `${r.diagnostics.map(formatDiagnostic).join('\n')}\n${say(`${r.diagnostics.length} problem(s) in ${arg}`, `${arg} 中有${r.diagnostics.length}个问题`)}`,
    );
  return r.scenario;
}
