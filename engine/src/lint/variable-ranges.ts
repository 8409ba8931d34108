import type { CompiledEffect, Scenario } from '../scenario/model.ts';
import { absEval, type Abs, type RangeContext } from './ranges.ts';

export type Range = { lo: number; hi: number };
/** Why a variable keeps to its range, for the explanation of a constant condition. */
export type Why = 'constant' | 'bounds' | 'grows' | 'shrinks' | 'free';

/** Every effect with the names in scope where it runs. */
function allEffects(s: Scenario): { e: CompiledEffect; locals?: Map<string, Range> }[] {
  const amount = new Map([['amount', { lo: 0, hi: Infinity }]]);
  return [
    ...s.variations.flatMap((v) => v.outcomes.flatMap((o) => o.effects.map((e) => ({ e })))),
    ...s.dynamics.flatMap((d) => d.effects.map((e) => ({ e }))),
    ...s.injects.flatMap((i) => i.effects.map((e) => ({ e }))),
    ...s.decisions.flatMap((d) =>
      d.options.flatMap((o) => o.effects.map((e) => (d.kind === 'allocate' ? { e, locals: amount } : { e }))),
    ),
  ];
}

/**
 * The range each variable can take: its initial value if no effect changes it; else its declared
 * bounds (the engine clamps to them), narrowed on one side when every change goes the same way.
 */
export function variableRanges(s: Scenario): { vars: Map<string, Abs>; why: Map<string, Why> } {
  const vars = new Map<string, Abs>();
  const why = new Map<string, Why>();
  const effects = allEffects(s);
  for (const v of s.variables) {
    const bounds: Range = { lo: v.min ?? -Infinity, hi: v.max ?? Infinity };
    if (v.type === 'boolean') vars.set(v.id, { kind: 'bool', canTrue: true, canFalse: true });
    else vars.set(v.id, { kind: 'num', ...bounds });
  }
  // A context in which every decision, option and inject may happen (for effect ranges).
  const all: RangeContext = {
    vars: new Map(vars),
    t: { lo: s.clock.start, hi: s.clock.end },
    canChoose: () => true,
    canOpen: () => true,
    canFire: () => true,
    variationValues: () => undefined,
  };
  for (const v of s.variables) {
    const mine = effects.filter((x) => x.e.ast.target === v.id);
    if (mine.length === 0) {
      vars.set(
        v.id,
        v.type === 'boolean'
          ? { kind: 'bool', canTrue: v.initial === true, canFalse: v.initial !== true }
          : { kind: 'num', lo: Number(v.initial), hi: Number(v.initial) },
      );
      why.set(v.id, 'constant');
      continue;
    }
    if (v.type !== 'number') {
      why.set(v.id, 'free');
      continue;
    }
    const dirs = mine.map(({ e, locals }) => {
      const r = absEval(e.ast.value, locals ? { ...all, locals } : all);
      if (r.kind !== 'num') return 0;
      if (e.ast.op === '+=') return r.lo >= 0 ? 1 : r.hi <= 0 ? -1 : 0;
      if (e.ast.op === '-=') return r.hi <= 0 ? 1 : r.lo >= 0 ? -1 : 0;
      return 0;
    });
    const cur = vars.get(v.id) as Range & Abs;
    const init = Number(v.initial);
    if (dirs.every((d) => d === 1)) {
      vars.set(v.id, { kind: 'num', lo: init, hi: cur.hi });
      why.set(v.id, 'grows');
    } else if (dirs.every((d) => d === -1)) {
      vars.set(v.id, { kind: 'num', lo: cur.lo, hi: init });
      why.set(v.id, 'shrinks');
    } else why.set(v.id, v.min !== undefined || v.max !== undefined ? 'bounds' : 'free');
  }
  return { vars, why };
}
