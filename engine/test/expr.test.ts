import { describe, expect, it } from 'vitest';
import { checkExpr, type ExprScope } from '../src/expr/check.ts';
import { applyAssignment, evaluate, type EvalEnv } from '../src/expr/evaluate.ts';
import { parseAssignment, parseExpr } from '../src/expr/parse.ts';

const env: EvalEnv = {
  world: { rumour: 40, trust: 60, acked: false },
  clock: -120,
  chose: (d, o) => d === 'press' && o === 'publish',
  decided: (d) => d === 'press',
  opened: () => true,
  fired: (i) => i === 'red',
  variation: () => 'west',
  random: () => 0.5,
};
const ev = (s: string): unknown => evaluate(parseExpr(s), env);

describe('expressions', () => {
  it('evaluate arithmetic with the usual precedence', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('-rumour / 4 + 1')).toBe(-9);
    expect(ev('10 % 4')).toBe(2);
  });
  it('never produce NaN or Infinity: division by zero gives 0', () => {
    expect(ev('1 / 0')).toBe(0);
    expect(ev('5 % 0')).toBe(0);
  });
  it('evaluate logic, comparisons and the ternary', () => {
    expect(ev('rumour > 30 && !acked')).toBe(true);
    expect(ev('rumour > 30 and not acked')).toBe(true);
    expect(ev('trust < 50 || fired("red")')).toBe(true);
    expect(ev("variation('track') == 'west' ? 1 : 2")).toBe(1);
    expect(ev('t')).toBe(-120);
  });
  it('call the functions of the language', () => {
    expect(ev('min(3, rumour, 10)')).toBe(3);
    expect(ev('clamp(rumour, 0, 25)')).toBe(25);
    expect(ev("chose('press', 'publish') && decided('press')")).toBe(true);
    expect(ev('rand(10, 20)')).toBe(15);
  });
  it('apply assignments', () => {
    expect(applyAssignment(parseAssignment('rumour += 5'), 40, env)).toBe(45);
    expect(applyAssignment(parseAssignment('trust = min(100, trust + 50)'), 60, env)).toBe(100);
    expect(applyAssignment(parseAssignment('acked = true'), false, env)).toBe(true);
  });
  it('report syntax errors with the offset of the problem', () => {
    expect(() => parseExpr('rumour > ')).toThrow(/ends too early/);
    try {
      parseExpr('rumour >> 3');
    } catch (e) {
      expect((e as { offset: number }).offset).toBe(8);
    }
    expect(() => parseAssignment('5 = rumour')).toThrow(/starts with the variable/);
  });
});

describe('expression type checking', () => {
  const scope: ExprScope = {
    variables: new Map([
      ['rumour', 'number'],
      ['acked', 'boolean'],
    ]),
    decisions: new Map([['press', new Set(['publish', 'silent'])]]),
    injects: new Set(['red']),
    variations: new Map([['track', new Set(['west', 'east'])]]),
    allowRandom: false,
  };
  const problems = (s: string): string[] =>
    checkExpr(parseExpr(s), scope).problems.map(
      (p) => `${p.offset}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`,
    );
  it('accepts a well-typed condition and gives its type', () => {
    expect(checkExpr(parseExpr("rumour > 3 && chose('press', 'publish')"), scope)).toEqual({
      type: 'boolean',
      problems: [],
    });
  });
  it('suggests the closest name for an unknown variable, decision, option, inject or outcome', () => {
    expect(problems('rumor > 3')).toEqual(['0: unknown variable `rumor` (did you mean `rumour`?)']);
    expect(problems("chose('pres', 'publish')")).toEqual([
      '6: unknown decision `pres` (did you mean `press`?)',
    ]);
    expect(problems("chose('press', 'publsh')")).toEqual([
      '15: decision `press` has no option `publsh` (did you mean `publish`?)',
    ]);
    expect(problems("fired('rd')")).toEqual(['6: unknown inject `rd` (did you mean `red`?)']);
    expect(problems("variation('track') == 'wset'")).toEqual([
      '22: variation `track` has no outcome `wset` (did you mean `west`?)',
    ]);
  });
  it('finds type errors', () => {
    expect(problems('acked + 1')).toEqual(["0: '+' needs numbers, but this is a boolean"]);
    expect(problems('rumour && acked')).toEqual(["0: '&&' needs booleans, but this is a number"]);
    expect(problems("rumour == 'high'")).toEqual(['7: cannot compare a number with a string']);
  });
  it('allows rand() in effects only', () => {
    expect(problems('rand(1, 2) > 1')[0]).toMatch(/may only be used in effects/);
  });
});
