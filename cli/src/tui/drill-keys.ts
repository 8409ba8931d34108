import type { Key } from 'ink';
import type { DecisionPoint, TableCommand } from '@drill/engine';
import { emptyPanel, type PanelUi } from './DecisionPanel.tsx';
import { offeredOptions, openDecisions as openOf, type OfferedOption } from './decisions.ts';
import { feedItems } from './Feed.tsx';
import { strings } from './i18n.ts';
import type { LiveDrill } from './live-drill.ts';
import { allocationRoom, choiceProblem, tickProblem } from './refusal.ts';
import { answerSlotsFor } from './discussion-lines.ts';

export type Overlay = 'none' | 'help' | 'quit';

type Set<T> = (v: T | ((prev: T) => T)) => void;

/**
 * What the drill screen's key handlers see and change. State is read through getters because several
 * keys may arrive before the next render (see `useSyncState`).
 */
export interface ScreenKeys {
  drill: LiveDrill;
  /** Rows the screen may use (pages scroll by about a screenful). */
  height: number;
  exit: () => void;
  /** Sends a Table command as the player; on refusal shows the reason and returns false. */
  send: (command: TableCommand, okText?: string) => boolean;
  /** Moment a decision was first on screen (pressure mode). */
  shownAt: ReadonlyMap<string, number>;
  now: () => number;
  getOverlay: () => Overlay;
  setOverlay: Set<Overlay>;
  getUi: () => PanelUi;
  setUi: Set<PanelUi>;
  getFocus: () => number;
  setFocus: Set<number>;
  setFeedSel: Set<number>;
  setScroll: Set<number>;
}

/** The focused decision as of now (not as of the last render). */
function focusedDecision(drill: LiveDrill, focus: number): DecisionPoint | undefined {
  const open = openOf(drill);
  return open[Math.min(focus, Math.max(0, open.length - 1))];
}

/**
 * One key on the drill screen, routed by what is in front of the player: an overlay, the debrief, the
 * briefing, the rationale being typed, or the drill itself.
 */
export function handleScreenKey(k: ScreenKeys, input: string, key: Key): void {
  const overlay = k.getOverlay();
  const phase = k.drill.state.phase;
  if (overlay === 'help') return k.setOverlay('none');
  if (overlay === 'quit') return quitPromptKey(k, input);
  if (phase === 'debrief' || phase === 'ended') return debriefKey(k, input, key);
  if (phase === 'briefing') return briefingKey(k, input, key);
  if (k.drill.state.holding) return moduleKey(k, input, key);
  if (k.getUi().mode === 'rationale') return rationaleKey(k, input, key);
  if (commandKey(k, input) || feedKey(k, input, key) || focusKey(k, key)) return;
  decisionKey(k, input, key);
}

/** The quit prompt: `y` leaves (the journal keeps the drill), `e` ends the drill, anything else goes back. */
function quitPromptKey(k: ScreenKeys, input: string): void {
  if (input === 'y' || input === 'Y') return k.exit();
  k.setOverlay('none');
  if (input === 'e' || input === 'E') k.send({ type: 'end' });
}

/** The debrief scrolls; `q`, Escape or Enter leaves. */
function debriefKey(k: ScreenKeys, input: string, key: Key): void {
  if (input === 'q' || key.escape || key.return) return k.exit();
  scrollKey(k, input, key, Math.max(1, k.height - 2), true);
}

/** The briefing scrolls; Enter starts the drill. */
function briefingKey(k: ScreenKeys, input: string, key: Key): void {
  if (scrollKey(k, input, key, Math.max(1, k.height - 8), false)) return;
  if (key.return) {
    k.setScroll(0);
    k.send({ type: 'start' });
  } else if (input === 'q') k.setOverlay('quit');
  else if (input === '?') k.setOverlay('help');
}

/** At a module's start: Enter (or `p`) goes on; help and quit still work. */
function moduleKey(k: ScreenKeys, input: string, key: Key): void {
  if (key.return || input === 'p') {
    k.setUi(emptyPanel());
    k.send({ type: 'resume' });
  } else if (input === 'q') k.setOverlay('quit');
  else if (input === '?') k.setOverlay('help');
}

/** Arrows (and j/k when `vi`) scroll by a line, space and Page Up/Down by a page. */
function scrollKey(k: ScreenKeys, input: string, key: Key, page: number, vi: boolean): boolean {
  if (key.downArrow || (vi && input === 'j')) k.setScroll((x) => x + 1);
  else if (key.upArrow || (vi && input === 'k')) k.setScroll((x) => Math.max(0, x - 1));
  else if (key.pageDown || input === ' ') k.setScroll((x) => x + page);
  else if (key.pageUp) k.setScroll((x) => Math.max(0, x - page));
  else return false;
  return true;
}

/** Typing the rationale: Enter submits the choice, Escape goes back to the options. */
function rationaleKey(k: ScreenKeys, input: string, key: Key): void {
  if (key.return) return confirmChoice(k);
  if (key.escape) return k.setUi((u) => ({ ...u, mode: 'select' }));
  if (key.backspace || key.delete)
    return k.setUi((u) => ({ ...u, rationale: [...u.rationale].slice(0, -1).join('') }));
  if (input && !key.ctrl && !key.meta && !key.tab && !/[\r\n]/.test(input))
    k.setUi((u) => ({ ...u, rationale: (u.rationale + input).slice(0, 500) }));
}

/** The drill's one-letter commands: help, quit, pause/resume, next event, one hour on. */
function commandKey(k: ScreenKeys, input: string): boolean {
  const { drill } = k;
  if (input === '?') k.setOverlay('help');
  else if (input === 'q') k.setOverlay('quit');
  else if (input === 'p') k.send(drill.state.phase === 'paused' ? { type: 'resume' } : { type: 'pause' });
  else if (input === 'n') k.send({ type: 'next' });
  else if (input === 'h') k.send({ type: 'advance', minutes: 60 });
  else return false;
  return true;
}

/** `[` `]` and Page Up/Down move through the inject feed. */
function feedKey(k: ScreenKeys, input: string, key: Key): boolean {
  const items = feedItems(k.drill).length;
  if (key.pageDown || input === ']') k.setFeedSel((x) => Math.min(items - 1, x + 1));
  else if (key.pageUp || input === '[') k.setFeedSel((x) => Math.max(0, x - 1));
  else return false;
  return true;
}

/** Tab and Shift-Tab move between the open decisions (dropping what was picked on the last one). */
function focusKey(k: ScreenKeys, key: Key): boolean {
  if (!key.tab) return false;
  const n = openOf(k.drill).length;
  k.setFocus((x) => (n ? (x + (key.shift ? n - 1 : 1)) % n : 0));
  k.setUi(emptyPanel());
  return true;
}

/** Keys on the focused decision: move the cursor, pick or tick an option, allocate, or go on to the rationale. */
function decisionKey(k: ScreenKeys, input: string, key: Key): void {
  const current = focusedDecision(k.drill, k.getFocus());
  if (!current) return;
  if (current.kind === 'discuss') {
    // A discussion: the cursor picks the role answered for, Enter opens the answer box.
    if (cursorKey(k, Math.max(1, answerSlotsFor(k.drill, current).length), key)) return;
    if (key.return) k.setUi((u) => ({ ...u, mode: 'rationale', message: undefined }));
    return;
  }
  const opts = offeredOptions(k.drill, current);
  if (cursorKey(k, opts.length, key) || optionKey(k, current, opts, input)) return;
  if (current.kind === 'allocate' && allocationKey(k, current, opts, input, key)) return;
  if (key.return) toRationale(k, current, opts);
}

/** Up and down move the option cursor, wrapping round. */
function cursorKey(k: ScreenKeys, n: number, key: Key): boolean {
  const by = key.upArrow ? n - 1 : key.downArrow ? 1 : 0;
  if (!by) return false;
  k.setUi((u) => ({ ...u, cursor: (Math.min(u.cursor, n - 1) + by) % n, message: undefined }));
  return true;
}

/** A digit puts the cursor on that option (multi: ticks it); space ticks the option under the cursor. */
function optionKey(k: ScreenKeys, d: DecisionPoint, opts: OfferedOption[], input: string): boolean {
  const n = opts.length;
  const digit = /^[1-9]$/.test(input) ? Number(input) - 1 : -1;
  if (digit >= 0 && digit < n) {
    if (d.kind === 'multi') tick(k, d, opts[digit]!.id, digit);
    else k.setUi((u) => ({ ...u, cursor: digit, message: undefined }));
    return true;
  }
  if (input === ' ' && d.kind === 'multi') {
    const at = Math.min(k.getUi().cursor, n - 1);
    tick(k, d, opts[at]!.id, at);
    return true;
  }
  return false;
}

/** Multi-choice: toggles an option, refusing a tick past the maximum (naming what is ticked). */
function tick(k: ScreenKeys, d: DecisionPoint, id: string, cursor: number): void {
  k.setUi((u) => {
    const on = u.picked.includes(id);
    const text = on ? undefined : tickProblem(k.drill, d, u.picked, id);
    if (text !== undefined) return { ...u, cursor, message: { kind: 'error', text } };
    return { ...u, cursor, picked: toggle(u.picked, id), message: undefined };
  });
}

function toggle(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

/** Allocation: `+`/`→` and `-`/`←` change the amount for the option under the cursor. */
function allocationKey(
  k: ScreenKeys,
  d: DecisionPoint,
  opts: OfferedOption[],
  input: string,
  key: Key,
): boolean {
  const inc = input === '+' || input === '=' || key.rightArrow;
  const dec = input === '-' || input === '_' || key.leftArrow;
  if (!inc && !dec) return false;
  const id = opts[Math.min(k.getUi().cursor, opts.length - 1)]!.id;
  k.setUi((u) => {
    const have = u.alloc[id] ?? 0;
    const room = allocationRoom(k.drill, d, id, u.alloc);
    // `+` stops at the budget and at the target's maximum, saying why, rather than letting the
    // player build an allocation the engine will refuse after the rationale.
    if (inc && have >= room.max) return { ...u, message: { kind: 'error', text: room.why } };
    const v = Math.max(0, Math.min(room.max, have + (inc ? 1 : -1)));
    return { ...u, alloc: { ...u.alloc, [id]: v }, message: undefined };
  });
  return true;
}

/** Enter on the options: checks the choice as the engine would, then asks for the rationale. */
function toRationale(k: ScreenKeys, d: DecisionPoint, opts: OfferedOption[]): void {
  const ui = k.getUi();
  const problem = choiceProblem(k.drill, d, choiceOf(d, opts, ui));
  if (problem) k.setUi((u) => ({ ...u, message: { kind: 'error', text: problem } }));
  else k.setUi((u) => ({ ...u, mode: 'rationale', message: undefined }));
}

/** Enter on the rationale: the choice, the rationale and (pressure mode) the time taken, as one input. */
function confirmChoice(k: ScreenKeys): void {
  const { drill, now } = k;
  const current = focusedDecision(drill, k.getFocus());
  if (!current) return;
  const ui = k.getUi();
  if (current.kind === 'discuss') return confirmAnswer(k, current, ui);
  const base = { type: 'choose' as const, team: drill.actor.team, decision: current.id };
  const rationale = ui.rationale.trim() ? { rationale: ui.rationale.trim() } : {};
  const elapsed = drill.pressure
    ? { elapsedMs: Math.max(0, Math.round(now() - (k.shownAt.get(current.id) ?? now()))) }
    : {};
  const choice = choiceOf(current, offeredOptions(drill, current), ui);
  if (k.send({ ...base, ...choice, ...rationale, ...elapsed }, strings(drill.lang).accepted)) k.setFocus(0);
  else k.setUi((u) => ({ ...u, mode: 'select' }));
}

/** Enter in the answer box: the answer (for the role under the cursor) as one input. */
function confirmAnswer(k: ScreenKeys, d: DecisionPoint, ui: PanelUi): void {
  const { drill, now } = k;
  const s = strings(drill.lang);
  const text = ui.rationale.trim();
  if (!text) return k.setUi((u) => ({ ...u, message: { kind: 'error', text: s.emptyAnswer } }));
  const slots = answerSlotsFor(drill, d);
  const role = slots[Math.min(ui.cursor, Math.max(0, slots.length - 1))];
  const elapsed = drill.pressure
    ? { elapsedMs: Math.max(0, Math.round(now() - (k.shownAt.get(d.id) ?? now()))) }
    : {};
  const input = {
    type: 'answer' as const,
    team: drill.actor.team,
    decision: d.id,
    ...(role !== undefined ? { role } : {}),
    text,
    ...elapsed,
  };
  if (k.send(input, s.answered)) k.setUi((u) => ({ ...u, mode: 'select', rationale: '' }));
  else k.setUi((u) => ({ ...u, mode: 'select' }));
}

/** The panel's picks as the engine's choice for this kind of decision. */
function choiceOf(
  d: DecisionPoint,
  opts: OfferedOption[],
  ui: PanelUi,
): { options: string[] } | { allocation: Record<string, number> } {
  switch (d.kind) {
    case 'allocate':
      return { allocation: Object.fromEntries(opts.map((o) => [o.id, ui.alloc[o.id] ?? 0])) };
    case 'multi':
      return { options: opts.filter((o) => ui.picked.includes(o.id)).map((o) => o.id) };
    case 'single':
      return { options: [opts[Math.min(ui.cursor, opts.length - 1)]!.id] };
    case 'discuss':
      // A discussion is answered in words (the answer box), never chosen.
      return { options: [] };
    default: {
      const never: never = d.kind;
      throw new Error(`unknown decision kind ${String(never)}`);
    }
  }
}
