import type { Expr } from '../expr/ast.ts';
import type { CompiledExpr } from '../scenario/model.ts';
import type { LintContext } from './context.ts';
import { describe } from './explain.ts';
import { absEval, conjuncts } from './ranges.ts';

export function endingRules(k: LintContext): void {
  const s = k.s;
  let shadow: string | undefined;
  const live: CompiledExpr[] = [];
  let fallback = false;
  for (const e of s.endings) {
    if (shadow) {
      k.warn(
        'endings',
        e.id,
        [],
        'unreachable-ending',
        `ending \`${e.id}\` can never be reached: \`${shadow}\` comes first and always applies`,
        'endings are tried in order: put the fallback last',
      );
      continue;
    }
    if (!e.when) {
      shadow = e.id;
      fallback = true;
      continue;
    }
    const r = k.can(e.when);
    if (!r.canTrue) {
      const x = describe(k, e.when, false);
      k.warn(
        'endings',
        e.id,
        ['when'],
        'unreachable-ending',
        `ending \`${e.id}\` can never be reached: ${x.text}`,
        undefined,
        x.offset,
      );
      continue;
    }
    if (!r.canFalse) {
      const x = describe(k, e.when, true);
      k.warn(
        'endings',
        e.id,
        ['when'],
        'constant-condition',
        `condition is always true: ${x.text}`,
        'drop the `when` to make it the fallback ending',
      );
      shadow = e.id;
      fallback = true;
      continue;
    }
    k.constantParts('endings', e.id, ['when'], e.when);
    live.push(e.when);
  }
  if (fallback) return;
  if (s.endings.length === 0) {
    k.warn(
      undefined,
      undefined,
      [],
      'dead-end',
      'dead end: the scenario has no endings, so no drill ever reaches one',
      'add `endings:`, the last one without `when` (the fallback)',
    );
    return;
  }
  // A dead end exists if all endings' conditions can fail together: their negations are jointly satisfiable.
  const negs = live.flatMap((c) => conjuncts(negate(c.ast)));
  const all = negs.reduce<Expr | undefined>(
    (acc, n) => (acc ? { kind: 'binary', op: '&&', left: acc, right: n, pos: 0 } : n),
    undefined,
  );
  const a = all ? absEval(all, k.cx()) : { kind: 'bool' as const, canTrue: true, canFalse: false };
  if (a.kind === 'bool' && !a.canTrue) return;
  const example = live.length
    ? `none of ${live.map((c) => `\`${c.src.trim()}\``).join(', ')} holds`
    : 'no ending can be reached';
  k.warn(
    undefined,
    undefined,
    ['endings'],
    'dead-end',
    `dead end: a drill can finish where ${example}, and there is no fallback ending`,
    'add a last ending without `when`, or make the conditions cover every case',
  );
}

const FLIP = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' } as const;

/** The negation of a condition, pushed inwards so its comparisons stay comparisons. */
export function negate(e: Expr): Expr {
  if (e.kind === 'unary' && e.op === '!') return e.arg;
  if (e.kind === 'bool') return { ...e, value: !e.value };
  if (e.kind === 'binary') {
    if (e.op === '&&' || e.op === '||')
      return { ...e, op: e.op === '&&' ? '||' : '&&', left: negate(e.left), right: negate(e.right) };
    if (e.op in FLIP) return { ...e, op: FLIP[e.op as keyof typeof FLIP] };
  }
  return { kind: 'unary', op: '!', arg: e, pos: e.pos };
}
