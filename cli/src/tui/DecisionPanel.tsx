import { ALL_ROLES, liveText, localize, nextEventTime, type DecisionPoint } from '@drill/engine';
import { roleNames } from './summary.ts';
import { timeShort } from './format.ts';
import { budgetOf, offeredOptions } from './decisions.ts';
import { strings } from './i18n.ts';
import { lineWidth, textWidth, truncateLine, wrap, type Line } from './layout.ts';
import { Lines } from './Lines.tsx';
import type { LiveDrill } from './live-drill.ts';
import { discussionLines, moduleBannerLines } from './discussion-lines.ts';

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
  // At a module's start the drill waits for the facilitator: the module is what the table reads now.
  if (state.holding)
    return [...out, ...moduleBannerLines(drill, width)]
      .map((l) => truncateLine(l, width))
      .slice(0, Math.max(2, maxLines));
  const d = open[focus];
  if (!d) {
    out.push([{ t: s.noDecision }]);
    const next = nextEvent(drill);
    out.push([
      { t: next === undefined ? s.noNextEvent : s.nextEvent(timeShort(scenario, next, lang)), dim: true },
    ]);
    if (ui.message) out.push(...messageLines(ui.message, width, s.rejected));
    return out.map((l) => truncateLine(l, width));
  }
  const rec = state.decisions[d.id]!;
  const due = rec.due!;
  const marks: Line = [];
  if (state.clock > due) marks.push({ t: ` ${s.late} `, inverse: true, color: 'red', bold: true });
  else if (state.clock === due)
    marks.push({ t: ` ${s.dueNow} `, inverse: true, color: 'yellow', bold: true });
  // In all-roles mode one person plays every seat: say whose decision this is.
  const seat =
    drill.role === ALL_ROLES
      ? [{ t: `· ${s.seatOf(roleNames(scenario, d.roles, lang))} `, color: 'magenta' }]
      : [];
  const closes: Line =
    rec.closesAt !== undefined && rec.closesAt > due
      ? [{ t: ` · ${s.closes} ${timeShort(scenario, rec.closesAt, lang)}`, dim: true }]
      : [];
  const base: Line = [
    { t: `${s.decision} ${focus + 1}/${open.length} `, bold: true },
    ...seat,
    { t: `· ${s.due} ${timeShort(scenario, due, lang)}`, color: 'cyan' },
    ...(state.clock < due ? [{ t: ` (${s.inTime(s.dur(due - state.clock))})`, dim: true }] : []),
  ];
  // The hard close is the first thing to give way on a narrow screen; the marks never do.
  const tailMarks: Line = [{ t: ' ' }, ...marks];
  const head: Line =
    lineWidth([...base, ...closes, ...tailMarks]) <= width
      ? [...base, ...closes, ...tailMarks]
      : [...base, ...tailMarks];
  out.push(truncateLine(head, width));
  const prompt = wrap(liveText(scenario, state, d.prompt, lang), width).slice(0, 3);
  for (const l of prompt) out.push([{ t: l, bold: true }]);

  const opts = offeredOptions(drill, d);
  // One group of lines per option: every option is wrapped in full, so all can be read without moving
  // the cursor onto each; the window below keeps the cursor's group in view.
  const groups: Line[][] = [];
  const cursor = Math.min(ui.cursor, opts.length - 1);
  if (d.kind === 'discuss') groups.push(discussionLines(drill, d, ui, width));
  else if (d.kind === 'allocate') {
    opts.forEach((o, i) => {
      const sel = i === cursor;
      const amount = String(ui.alloc[o.id] ?? 0).padStart(3);
      const cap = o.max !== undefined ? ` / ${o.max}` : '';
      const label = wrap(`${i + 1}. ${o.text}`, width - 14 - cap.length);
      groups.push(
        label.map((l, k): Line => [
          { t: sel && k === 0 ? '› ' : '  ', bold: true, color: 'cyan' },
          { t: l, bold: sel, inverse: sel },
          ...(k === 0 ? [{ t: '  ' }, { t: `◀${amount}${cap} ▶`, bold: true, color: 'cyan' }] : []),
        ]),
      );
    });
  } else {
    opts.forEach((o, i) => {
      const sel = i === cursor;
      const box = d.kind === 'multi' ? (ui.picked.includes(o.id) ? '[x] ' : '[ ] ') : '';
      const num = `${i + 1}. ${box}`;
      const ls = wrap(o.text, width - 2 - textWidth(num));
      groups.push(
        ls.map((l, k): Line => [
          { t: sel && k === 0 ? '› ' : '  ', bold: true, color: 'cyan' },
          { t: k === 0 ? num : ' '.repeat(textWidth(num)), bold: sel },
          { t: l, bold: sel, inverse: sel },
        ]),
      );
    });
  }
  const footer: Line[] = [];
  if (d.kind === 'allocate') {
    const budget = budgetOf(drill, d);
    const used = opts.reduce((a, o) => a + (ui.alloc[o.id] ?? 0), 0);
    footer.push([
      {
        t: s.budget(used, budget, localize(d.unit, lang)),
        color: used > budget ? 'red' : used === budget ? 'green' : 'yellow',
      },
    ]);
  } else if (d.kind === 'multi' && d.max !== undefined)
    footer.push([{ t: `${s.chooseAtMost(d.max)} · ${s.ticked} ${ui.picked.length}/${d.max}`, dim: true }]);
  const tail: Line[] = [...footer];
  const discuss = d.kind === 'discuss';
  if (ui.mode === 'rationale') {
    // For a discussion the same box takes the answer itself.
    tail.push([
      { t: `${discuss ? s.answerLabel : s.rationale} `, bold: true },
      { t: ui.rationale },
      { t: '▌', color: 'cyan' },
    ]);
    tail.push([{ t: discuss ? s.answerHint : s.rationaleHint, dim: true }]);
  } else
    tail.push([
      {
        t: discuss
          ? s.discussHint
          : d.kind === 'allocate'
            ? s.allocHint
            : d.kind === 'multi'
              ? s.multiHint
              : s.selectHint,
        dim: true,
      },
    ]);
  if (ui.message) tail.push(...messageLines(ui.message, width, s.rejected));
  // Keep the cursor's option (and as many after it as fit) when the options do not all fit.
  const room = Math.max(1, maxLines - out.length - tail.length);
  const flat = groups.flat();
  let shown = flat;
  if (flat.length > room) {
    const start = groups.slice(0, cursor).reduce((a, g) => a + g.length, 0);
    const at = Math.max(0, Math.min(start, flat.length - room));
    shown = flat.slice(at, at + room);
  }
  return [...out, ...shown, ...tail].map((l) => truncateLine(l, width)).slice(0, Math.max(2, maxLines));
}

/** A refusal or confirmation, wrapped in full (a refusal cut off with "…" cannot be acted on). */
function messageLines(m: { kind: 'error' | 'ok'; text: string }, width: number, rejected: string): Line[] {
  const prefix = m.kind === 'error' ? `${rejected} ` : '';
  const colour = m.kind === 'error' ? 'red' : 'green';
  return wrap(`${prefix}${m.text}`, width).map((l, k): Line =>
    k === 0 && prefix && l.startsWith(prefix)
      ? [
          { t: prefix, color: 'red', bold: true },
          { t: l.slice(prefix.length), color: colour },
        ]
      : [{ t: l, color: colour }],
  );
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
