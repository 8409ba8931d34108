import { answerRolesFor, localize, moduleOf, type DecisionPoint } from '@drill/engine';
import { strings } from './i18n.ts';
import { wrap, type Line } from './layout.ts';
import type { LiveDrill } from './live-drill.ts';
import type { PanelUi } from './DecisionPanel.tsx';
import { roleNames } from './summary.ts';

/**
 * The roles the player answers a discussion for: each role of an `each: role` question the player
 * holds (the cursor picks one), or one entry (undefined) for the table's answer.
 */
export function answerSlotsFor(drill: LiveDrill, d: DecisionPoint): (string | undefined)[] {
  if (d.each !== 'role') return [undefined];
  const p = drill.state.participants.find((x) => x.id === drill.participant);
  return p ? answerRolesFor(d, p) : [];
}

/** A discussion in the panel: the answers so far, one line per role (the cursor on the one to answer). */
export function discussionLines(drill: LiveDrill, d: DecisionPoint, ui: PanelUi, width: number): Line[] {
  const { scenario, state, lang } = drill;
  const s = strings(lang);
  const answers = state.decisions[d.id]?.answers ?? [];
  const slots = answerSlotsFor(drill, d);
  const cursor = Math.min(ui.cursor, Math.max(0, slots.length - 1));
  const out: Line[] = [[{ t: `${s.discussion}`, color: 'magenta', bold: true }]];
  slots.forEach((role, i) => {
    const sel = i === cursor;
    const who = role === undefined ? s.table : roleNames(scenario, [role], lang);
    const said = answers.find((a) => a.role === role)?.text ?? s.noAnswerYet;
    const lines = wrap(`${who}: ${said}`, width - 2);
    lines.forEach((l, k) =>
      out.push([
        { t: sel && k === 0 ? '› ' : '  ', bold: true, color: 'cyan' },
        { t: l, bold: sel, inverse: sel && k === 0 },
      ]),
    );
  });
  return out;
}

/** The module banner while the drill waits at a module's start: title, summary, key issues, how to go on. */
export function moduleBannerLines(drill: LiveDrill, width: number): Line[] {
  const { scenario, state, lang } = drill;
  const s = strings(lang);
  const m = moduleOf(scenario, state.module);
  if (!m) return [];
  const out: Line[] = [
    [
      { t: ` ${s.moduleLabel} `, inverse: true, bold: true, color: 'magenta' },
      { t: ` ${localize(m.title, lang)}`, bold: true },
    ],
  ];
  for (const l of wrap(localize(m.summary, lang), width)) out.push([{ t: l }]);
  if (m.keyIssues.length) {
    out.push([{ t: s.keyIssues, bold: true }]);
    for (const k of m.keyIssues) for (const l of wrap(`• ${localize(k, lang)}`, width)) out.push([{ t: l }]);
  }
  out.push([{ t: s.moduleGoOn, color: 'cyan', bold: true }]);
  return out;
}
