import type { SourceMap } from '../scenario/compile.ts';
import { sortDiagnostics, type Diagnostic } from '../scenario/diagnostics.ts';
import type { Scenario } from '../scenario/model.ts';
import { LintContext } from './context.ts';
import { conditionRules } from './rules-conditions.ts';
import { endingRules } from './rules-endings.ts';
import { giveawayRules } from './rules-giveaways.ts';
import { decisionRules, injectRules } from './rules-reachability.ts';
import { deadlineRules, scoringRules } from './rules-scoring.ts';
import { translationRules } from './rules-translations.ts';

export { LINT_CODES, type LintCode } from './context.ts';
export { negate } from './rules-endings.ts';

/**
 * Warns about loose ends in a compiled scenario: things that can never happen, dead ends, unscored
 * objectives, clashing deadlines, missing translations and constant conditions. Pure static analysis
 * over a sound over-approximation of the reachable states (lint/context.ts), so every "never" it
 * reports is certain. `source` (from `compileScenario`) places each warning at file:line:column.
 * Each rule is a function of its own, in lint/rules-*.ts.
 */
export function lintScenario(scenario: Scenario, source?: SourceMap): Diagnostic[] {
  const k = new LintContext(scenario, source);
  injectRules(k);
  decisionRules(k);
  conditionRules(k);
  endingRules(k);
  scoringRules(k);
  deadlineRules(k);
  translationRules(k);
  giveawayRules(k);
  return sortDiagnostics(k.out);
}
