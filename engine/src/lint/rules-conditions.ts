import type { DecisionPoint } from '../scenario/model.ts';
import type { LintContext } from './context.ts';
import { absEval } from './ranges.ts';
import type { Range } from './variable-ranges.ts';

function allocationLocals(k: LintContext, d: DecisionPoint): Map<string, Range> {
  const budget = d.budget ? absEval(d.budget.ast, k.cx()) : undefined;
  const top = budget?.kind === 'num' ? Math.max(0, budget.hi) : Infinity;
  return new Map(d.options.map((o) => [o.id, { lo: 0, hi: Math.min(top, o.max ?? Infinity) }]));
}

export function conditionRules(k: LintContext): void {
  for (const d of k.s.dynamics)
    if (d.when)
      k.condition('dynamics', d.id, ['when'], d.when, {
        t: { lo: d.from, hi: d.until },
        ifFalse: 'this dynamic never applies',
        ifTrue: 'drop the `when`',
      });
  for (const d of k.s.decisions) {
    if (!k.reachD.has(d.id) || d.kind !== 'allocate') continue;
    const locals = allocationLocals(k, d);
    d.feedback.forEach((f, i) => k.condition('decisions', d.id, ['feedback', i, 'when'], f.when, { locals }));
  }
}
