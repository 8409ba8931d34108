import { liveText, localize, nextEventTime, type DecisionPoint } from '@drill/engine';
import { timeShort } from './format.ts';
import { budgetOf, offeredOptions } from './decisions.ts';
import { strings } from './i18n.ts';
import { truncateLine, wrap, type Line } from './layout.ts';
import { Lines } from './Lines.tsx';
import type { LiveDrill } from './live-drill.ts';

/** What the player is doing in the decision panel: kept by the App, drawn here. */
export interface PanelUi {
  cursor: number;
  /** multi: the options toggled on. */
  picked: string[];
  /** allocate: the amount per target. */
  alloc: Record<string, number>;
  mode: 'select' | 'rationale';
  rationale: string;
  message?: { kind: 'error' | 'ok'; text: string };
}

export const emptyPanel = (): PanelUi => ({
  cursor: 0,
  picked: [],
  alloc: {},
  mode: 'select',
  rationale: '',
});

/**
 * The decision panel: which decision (n of m), its deadline and late/due marks, the prompt, the options
 * (single, multi-choice or allocation with the budget), the key hints, and the last refusal or
 * confirmation. `maxLines` keeps the whole frame within the terminal.
 */
export function panelLines(
  drill: LiveDrill,
  open: DecisionPoint[],
  focus: number,
  ui: PanelUi,
  width: number,
  maxLines: number,
): Line[] {
  const { scenario, state, lang } = drill;
  const s = strings(lang);
  const out: Line[] = [[{ t: '─'.repeat(width), dim: true }]];
  const d = open[focus];
  if (!d) {
    out.push([{ t: s.noDecision }]);
    const next = nextEvent(drill);
    out.push([{ t: next === undefined ? s.noNextEvent : s.nextEvent(timeShort(scenario, next)), dim: true }]);
    if (ui.message)
      out.push([
        { t: ui.message.kind === 'error' ? `${s.rejected} ` : '', color: 'red', bold: true },
        { t: ui.message.text, color: ui.message.kind === 'error' ? 'red' : 'green' },
      ]);
    return out.map((l) => truncateLine(l, width));
  }
  const rec = state.decisions[d.id]!;
  const due = rec.due!;
  const marks: Line = [];
  if (state.clock > due) marks.push({ t: ` ${s.late} `, inverse: true, color: 'red', bold: true });
  else if (state.clock === due)
    marks.push({ t: ` ${s.dueNow} `, inverse: true, color: 'yellow', bold: true });
  const head: Line = [
    { t: `${s.decision} ${focus + 1}/${open.length} `, bold: true },
    { t: `· ${s.due} ${timeShort(scenario, due)}`, color: 'cyan' },
    ...(state.clock < due ? [{ t: ` (${s.inTime(s.dur(due - state.clock))})`, dim: true }] : []),
    ...(rec.closesAt !== undefined && rec.closesAt > due
      ? [{ t: ` · ${s.closes} ${timeShort(scenario, rec.closesAt)}`, dim: true }]
      : []),
    { t: ' ' },
    ...marks,
  ];
  out.push(truncateLine(head, width));
  const prompt = wrap(liveText(scenario, state, d.prompt, lang), width).slice(0, 3);
  for (const l of prompt) out.push([{ t: l, bold: true }]);

  const opts = offeredOptions(d, scenario, state);
  const optionLines: Line[] = [];
  const cursor = Math.min(ui.cursor, opts.length - 1);
  if (d.kind === 'allocate') {
    const budget = budgetOf(d, scenario, state);
    const used = opts.reduce((a, o) => a + (ui.alloc[o.id] ?? 0), 0);
    opts.forEach((o, i) => {
      const sel = i === cursor;
      const amount = String(ui.alloc[o.id] ?? 0).padStart(3);
      optionLines.push(
        truncateLine(
          [
            { t: sel ? '› ' : '  ', bold: true },
            { t: `${i + 1}. ${localize(o.label, lang)}  `, bold: sel, inverse: sel },
            { t: `◀${amount} ▶`, bold: true, color: 'cyan' },
          ],
          width,
        ),
      );
    });
    optionLines.push([
      {
        t: s.budget(used, budget, localize(d.unit, lang)),
        color: used > budget ? 'red' : used === budget ? 'green' : 'yellow',
      },
    ]);
  } else {
    opts.forEach((o, i) => {
      const sel = i === cursor;
      const box = d.kind === 'multi' ? (ui.picked.includes(o.id) ? '[x] ' : '[ ] ') : '';
      const label = `${i + 1}. ${box}${localize(o.label, lang)}`;
      if (sel) {
        const ls = wrap(label, width - 2).slice(0, 3);
        ls.forEach((l, k) =>
          optionLines.push([
            { t: k === 0 ? '› ' : '  ', bold: true, color: 'cyan' },
            { t: l, bold: true, inverse: true },
          ]),
        );
      } else optionLines.push(truncateLine([{ t: `  ${label}` }], width));
    });
    if (d.kind === 'multi' && d.max !== undefined)
      optionLines.push([{ t: s.chooseAtMost(d.max), dim: true }]);
  }
  const tail: Line[] = [];
  if (ui.mode === 'rationale') {
    tail.push([{ t: `${s.rationale} `, bold: true }, { t: ui.rationale }, { t: '▌', color: 'cyan' }]);
    tail.push([{ t: s.rationaleHint, dim: true }]);
  } else
    tail.push([
      { t: d.kind === 'allocate' ? s.allocHint : d.kind === 'multi' ? s.multiHint : s.selectHint, dim: true },
    ]);
  if (ui.message)
    tail.push([
      ...(ui.message.kind === 'error' ? [{ t: `${s.rejected} `, color: 'red', bold: true }] : []),
      { t: ui.message.text, color: ui.message.kind === 'error' ? 'red' : 'green' },
    ]);
  // Keep the lines around the cursor when the options do not all fit.
  const room = Math.max(1, maxLines - out.length - tail.length);
  let shown = optionLines;
  if (optionLines.length > room) {
    const at = Math.max(0, Math.min(cursor, optionLines.length - room));
    shown = optionLines.slice(at, at + room);
  }
  return [...out, ...shown, ...tail].map((l) => truncateLine(l, width)).slice(0, Math.max(2, maxLines));
}

/** The next visible event time (what `n` would advance to). */
function nextEvent(drill: LiveDrill): number | undefined {
  return nextEventTime(drill.scenario, drill.state, true);
}

export function DecisionPanel(p: {
  drill: LiveDrill;
  open: DecisionPoint[];
  focus: number;
  ui: PanelUi;
  width: number;
  maxLines: number;
}) {
  return <Lines lines={panelLines(p.drill, p.open, p.focus, p.ui, p.width, p.maxLines)} />;
}
