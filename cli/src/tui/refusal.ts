import { localize, type DecisionPoint, type TableCommand } from '@drill/engine';
import { budgetOf, offeredOptions } from './decisions.ts';
import { strings } from './i18n.ts';
import type { LiveDrill, Refused } from './live-drill.ts';
import { decisionGist, optionLabel, roleNames } from './summary.ts';

/**
 * The Table's refusal in the player's words, naming decisions and options by their words, never their
 * ids (the engine's reasons are written for transcripts and authors). A refusal the terminal cannot
 * explain better keeps the Table's sentence, already in the player's language.
 */
export function refusalText(drill: LiveDrill, input: TableCommand, r: Refused): string {
  const { scenario, state, lang } = drill;
  const s = strings(lang).refuse;
  if (r.code !== 'engine' || r.engineCode === undefined) return r.reason;
  const d = input.type === 'choose' ? scenario.decisions.find((x) => x.id === input.decision) : undefined;
  const q = decisionGist(d, lang);
  switch (r.engineCode) {
    case 'wrong-phase':
      if (state.phase === 'paused') return s.paused;
      if (state.phase === 'briefing') return s.notStarted;
      if (state.phase === 'debrief' || state.phase === 'ended') return s.over;
      return r.reason;
    case 'decision-closed':
      return s.closed(q);
    case 'decision-not-open':
      return s.notOpen(q);
    case 'role-not-allowed':
      return s.notYours(q, roleNames(scenario, d?.roles ?? [], lang));
    case 'option-not-offered': {
      if (!d || input.type !== 'choose') break;
      const offered = new Set(offeredOptions(drill, d).map((o) => o.id));
      const ids = [...(input.options ?? []), ...Object.keys(input.allocation ?? {})];
      const bad = ids.find((id) => !offered.has(id));
      if (bad !== undefined) return s.notOffered(optionLabel(d, bad, lang));
      break;
    }
    case 'bad-choice': {
      if (!d || input.type !== 'choose') break;
      const problem = choiceProblem(drill, d, input.options ?? [], input.allocation ?? {});
      if (problem) return problem;
      break;
    }
    case 'not-saved':
      return s.notSaved;
    case 'malformed':
    case 'unknown-participant':
    case 'unknown-decision':
    case 'unknown-role':
    case 'unknown-capability':
    case 'duplicate-id':
    case 'unknown-task':
    case 'bad-correction':
      break;
    default: {
      const never: never = r.engineCode;
      return String(never);
    }
  }
  return r.reason;
}

/**
 * What is wrong with a choice before it is sent, in the player's words, or undefined when the engine
 * would take it: the screen checks while the player edits, so a refusal never waits for the rationale.
 */
export function choiceProblem(
  drill: LiveDrill,
  d: DecisionPoint,
  options: readonly string[],
  allocation: Readonly<Record<string, number>>,
): string | undefined {
  const { lang } = drill;
  const s = strings(lang).refuse;
  if (d.kind === 'single') return options.length === 1 ? undefined : s.pickOne;
  if (d.kind === 'multi') {
    const max = d.max ?? d.options.length;
    if (options.length < 1) return s.pickSome(max);
    if (options.length > max)
      return s.tooMany(max, options.map((o) => optionLabel(d, o, lang)).join(lang === 'zh-CN' ? '、' : ', '));
    return undefined;
  }
  const unit = localize(d.unit, lang);
  for (const o of d.options) {
    const v = allocation[o.id] ?? 0;
    if (o.max !== undefined && v > o.max) return s.targetMax(localize(o.label, lang), o.max);
    if (o.min !== undefined && v < o.min) return s.targetMin(localize(o.label, lang), o.min);
  }
  const budget = budgetOf(drill, d);
  const total = Object.values(allocation).reduce((a, b) => a + b, 0);
  if (total > budget) return s.overBudget(total, budget, unit);
  return undefined;
}

/**
 * The largest amount a target can take now: its own maximum and what the budget leaves after the
 * other targets. `+` stops there, with the reason.
 */
export function allocationRoom(
  drill: LiveDrill,
  d: DecisionPoint,
  target: string,
  allocation: Readonly<Record<string, number>>,
): { max: number; why: string } {
  const { lang } = drill;
  const s = strings(lang).refuse;
  const o = d.options.find((x) => x.id === target);
  const budget = budgetOf(drill, d);
  const others = Object.entries(allocation).reduce((a, [k, v]) => (k === target ? a : a + v), 0);
  const byBudget = Math.max(0, budget - others);
  if (o?.max !== undefined && o.max < byBudget)
    return { max: o.max, why: s.targetMax(localize(o.label, lang), o.max) };
  return { max: byBudget, why: s.budgetFull(budget, localize(d.unit, lang)) };
}
