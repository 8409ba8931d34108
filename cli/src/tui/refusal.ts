import { localize, type ChoiceProblem, type DecisionPoint, type TableCommand } from '@drill/engine';
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
      if (!d || input.type !== 'choose' || !r.problem) break;
      return problemText(drill, d, input, r.problem);
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
 * What is wrong with a choice before it is sent, in the player's words, or undefined when the Table
 * would take it: the screen asks the Table (a dry run of the same command, nothing changes) while the
 * player edits, so a refusal never waits for the rationale and the rules live only in the engine.
 */
export function choiceProblem(
  drill: LiveDrill,
  d: DecisionPoint,
  choice: { options: string[] } | { allocation: Record<string, number> },
): string | undefined {
  const command: TableCommand = { type: 'choose', team: drill.actor.team, decision: d.id, ...choice };
  const r = drill.table.check(drill.actor, command, { lang: drill.lang });
  return r.ok ? undefined : refusalText(drill, command, r);
}

/**
 * Whether ticking `id` would take a multiple choice past its maximum, as the Table says: then the
 * refusal naming what is ticked already (the tick is not made). Anything else is left to Enter.
 */
export function tickProblem(
  drill: LiveDrill,
  d: DecisionPoint,
  picked: readonly string[],
  id: string,
): string | undefined {
  const command: TableCommand = {
    type: 'choose',
    team: drill.actor.team,
    decision: d.id,
    options: [...picked, id],
  };
  const r = drill.table.check(drill.actor, command, { lang: drill.lang });
  if (r.ok || r.problem?.kind !== 'too-many') return undefined;
  return problemText(drill, d, { ...command, options: [...picked] }, r.problem);
}

/** The engine's account of a choice's wrong shape, in the player's words (options by their labels). */
function problemText(
  drill: LiveDrill,
  d: DecisionPoint,
  input: Extract<TableCommand, { type: 'choose' }>,
  p: ChoiceProblem,
): string {
  const { lang } = drill;
  const s = strings(lang).refuse;
  switch (p.kind) {
    case 'pick-one':
      return s.pickOne;
    case 'pick-some':
      return s.pickSome(p.max);
    case 'too-many':
      return s.tooMany(
        p.max,
        (input.options ?? []).map((o) => optionLabel(d, o, lang)).join(lang === 'zh-CN' ? '、' : ', '),
      );
    case 'target-min':
      return s.targetMin(optionLabel(d, p.option, lang), p.min);
    case 'target-max':
      return s.targetMax(optionLabel(d, p.option, lang), p.max);
    case 'over-budget':
      return s.overBudget(p.total, p.budget, localize(d.unit, lang));
    default: {
      const never: never = p;
      return String(never);
    }
  }
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
