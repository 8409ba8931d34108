import { localize, ratingFor, type AppliedCap, type DecisionPoint, type ScoreReport } from '@drill/engine';
import { timeShort } from './format.ts';
import { strings } from './i18n.ts';
import { truncateLine, wrap, type Line, type Seg } from './layout.ts';
import { choiceText, gist, optionLabel } from './summary.ts';
import { promptsThen } from '@drill/report';
import { Lines } from './Lines.tsx';
import type { FinishInfo, LiveDrill } from './live-drill.ts';

const RATING_COLOUR: Record<string, string> = { P: 'green', S: 'cyan', M: 'yellow', U: 'red' };
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * Everything the debrief says, as lines (the screen shows a scrollable window of them): score, ending,
 * capability ratings with their evidence, per-decision feedback in the player's language, what to
 * improve, and where the files were written.
 */
export function debriefLines(
  drill: LiveDrill,
  score: ScoreReport,
  files: FinishInfo | undefined,
  width: number,
): Line[] {
  const { scenario, lang } = drill;
  const s = strings(lang);
  const out: Line[] = [];
  const para = (text: string, style: Omit<Seg, 't'> = {}, indent = ''): void => {
    for (const l of wrap(text, width - indent.length)) out.push([{ t: `${indent}${l}`, ...style }]);
  };
  const dp = (id: string): DecisionPoint | undefined => scenario.decisions.find((d) => d.id === id);
  // Prompts with their `{variable}`s as they read when each was answered (the report's replay).
  const prompts = promptsThen(scenario, drill.transcript(), lang);
  const promptOf = (def: DecisionPoint): string => prompts.get(def.id) ?? localize(def.prompt, lang);
  const byId = new Map(score.decisions.map((d) => [d.decision, d]));
  /** Evidence names a decision by its question in a few words and what was chosen. */
  const summary = (id: string): string => {
    const def = dp(id);
    const d = byId.get(id);
    if (!def) return id;
    if (!d || d.status === 'not-reached') return `${gist(promptOf(def), 40)} (${s.notReached})`;
    return `${gist(promptOf(def), 40)} → ${choiceText(def, d.options, d.allocation, lang)}`;
  };
  const sep = lang === 'zh-CN' ? '；' : '; ';

  out.push([{ t: `${s.debrief} — ${localize(scenario.title, lang)}`, bold: true, color: 'cyan' }]);
  if (drill.pressure) out.push([{ t: s.pressureMode(drill.pressure), bold: true, color: 'yellow' }]);
  out.push([
    { t: `${s.score}${s.colon}`, bold: true },
    {
      t: `${score.overall.toFixed(1)}/100`,
      bold: true,
      // Coloured as the engine rates a share of credit (P, S, M, U), not by thresholds of its own.
      color: RATING_COLOUR[ratingFor(score.overall / 100)],
    },
    {
      t: `  ${lang === 'zh-CN' ? '（' : '('}${s.breakdown(score.breakdown.decisions.toFixed(0), score.breakdown.outcomes === null ? '–' : score.breakdown.outcomes.toFixed(0))}${lang === 'zh-CN' ? '）' : ')'}`,
      dim: true,
    },
  ]);
  const capped = score.breakdown.capped;
  if (capped)
    para(
      s.scoreCapped(capped.before.toFixed(1), capped.caps.map((c) => capText(c)).join(sep)),
      { color: 'red' },
      '  ',
    );
  const early = endedEarly(drill);
  const ending = scenario.endings.find((e) => e.id === score.ending);
  if (early) {
    // Two decisions and "no lives lost" would be a verdict the drill never reached: say it stopped.
    out.push([
      { t: `${s.ending}${s.colon}`, bold: true },
      { t: s.endedEarly, bold: true, color: 'yellow' },
    ]);
    const taken = score.decisions.filter((d) => d.status !== 'not-reached' && !d.simulated).length;
    const total = score.decisions.filter((d) => !d.simulated).length;
    para(s.endedEarlyText(timeShort(scenario, drill.state.clock, lang), taken, total), {}, '  ');
  } else if (ending) {
    out.push([
      { t: `${s.ending}${s.colon}`, bold: true },
      { t: localize(ending.title, lang), bold: true },
    ]);
    para(localize(ending.text, lang), {}, '  ');
  }
  out.push([]);
  out.push([{ t: s.capabilities, bold: true }]);
  for (const c of score.capabilities) {
    if (c.final === 'not-rated') continue;
    const cap = scenario.capabilities.find((x) => x.id === c.capability);
    out.push([
      { t: ` ${c.final} `, inverse: true, bold: true, color: RATING_COLOUR[c.final] },
      { t: ` ${localize(cap?.name, lang) || c.capability}` },
      ...(c.override ? [{ t: ` (${c.proposed} → ${c.final}: ${c.override.note})`, dim: true }] : []),
    ]);
    for (const cap of c.caps ?? [])
      para(s.cappedAt(cap.rating ?? c.final, capText(cap)), { color: 'red' }, '     ');
    para(`${s.evidence}${s.colon}${c.evidence.map(summary).join(sep)}`, { dim: true }, '     ');
  }
  out.push([]);
  out.push([{ t: s.decisions, bold: true }]);
  // Decisions the drill never reached are counted in one line, not listed prompt by prompt.
  const unreached = score.decisions.filter((d) => d.status === 'not-reached').length;
  for (const d of score.decisions) {
    const def = dp(d.decision);
    if (!def || d.status === 'not-reached') continue;
    // Marked by the engine's rating of the share of the best credit: P ✓, S or M ~, U ✗.
    const rating = ratingFor(d.best > 0 ? d.credit / d.best : 0);
    const mark = rating === 'P' ? '✓' : rating === 'U' ? '✗' : '~';
    const colour = rating === 'P' ? 'green' : rating === 'U' ? 'red' : 'yellow';
    const prompt = wrap(promptOf(def), width - 2);
    out.push([
      { t: `${mark} `, color: colour, bold: true },
      { t: prompt[0] ?? '', bold: true },
    ]);
    for (const l of prompt.slice(1)) out.push([{ t: `  ${l}`, bold: true }]);
    if (d.simulated) out.push([{ t: `  ${s.simulated}`, color: 'magenta' }]);
    const chosen = choiceText(def, d.options, d.allocation, lang);
    const when = d.timeliness === 'on-time' ? s.onTime : d.timeliness === 'late' ? s.lateMark : s.missed;
    para(`${d.status === 'missed' ? s.defaultTaken : s.chose}${s.colon}${chosen}`, {}, '  ');
    // Pressure mode: how long the player took on the wall clock, and whether it ran past the limit.
    const ms = drill.state.decisions[d.decision]?.elapsedMs;
    const timing: Seg[] =
      drill.pressure && ms !== undefined && !d.simulated
        ? [
            { t: ` · ${s.took(s.seconds(Math.round(ms / 1000)))}`, dim: ms <= drill.pressure * 1000 },
            ...(ms > drill.pressure * 1000
              ? [{ t: ` (${s.overLimit(drill.pressure)})`, color: 'red', bold: true }]
              : []),
          ]
        : [];
    out.push([
      {
        t: `  ${when}${d.at !== undefined ? ` · ${timeShort(scenario, d.at, lang)}` : ''} · ${s.credit} ${pct(d.credit)}`,
        dim: true,
      },
      ...timing,
    ]);
    if (d.rationale) para(`${s.rationaleShort}${s.colon}${d.rationale}`, { dim: true }, '  ');
    // Each feedback line names the option it judges (a multi-choice has several).
    const notes =
      def.kind === 'allocate'
        ? d.feedback.map((i) => localize(def.feedback[i]?.text, lang))
        : d.options.map((o) => {
            const f = localize(def.options.find((x) => x.id === o)?.feedback, lang);
            return f ? `${optionLabel(def, o, lang)} — ${f}` : '';
          });
    for (const n of [...new Set(notes)].filter(Boolean)) para(n, { color: colour }, '  ');
  }
  if (unreached) out.push([{ t: `– ${s.unreached(unreached)}`, dim: true }]);
  out.push([]);
  out.push([{ t: s.improvements, bold: true }]);
  if (score.improvements.length === 0) out.push([{ t: `  ${s.noImprovements}` }]);
  for (const id of score.improvements) {
    const def = dp(id);
    // A simulated colleague's decision is never among the player's costliest choices.
    if (!def || byId.get(id)?.simulated) continue;
    const best =
      def.kind === 'allocate'
        ? undefined
        : [...def.options].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
    for (const [n, l] of wrap(promptOf(def), width - 2).entries())
      out.push([{ t: `${n === 0 ? '• ' : '  '}${l}` }]);
    const mine = byId.get(id);
    const due = mine?.due;
    // The best option chosen, but late: the lesson is the deadline, not the choice.
    if (best && mine?.timeliness === 'late' && mine.options.includes(best.id) && due !== undefined)
      para(s.rightButLate(timeShort(scenario, due, lang)), { color: 'yellow' }, '  ');
    else if (best) para(`${s.bestWas}${localize(best.label, lang)}`, { color: 'green' }, '  ');
    else {
      // An allocation: the feedback that applied to this drill, each line once.
      const applied = (mine?.feedback ?? []).map((i) => localize(def.feedback[i]?.text, lang));
      for (const f of [...new Set(applied)].filter(Boolean)) para(f, { color: 'yellow' }, '  ');
    }
  }
  if (files) {
    out.push([]);
    out.push([{ t: s.files, bold: true }]);
    out.push([{ t: `  ${s.transcript}${s.colon}` }, { t: files.transcript, bold: true }]);
    out.push([{ t: `  ${s.journal}${s.colon}` }, { t: files.journal }]);
    if (files.html) out.push([{ t: `  ${s.report}${s.colon}` }, { t: files.html, bold: true }]);
    else
      out.push([
        {
          t: `  ${s.reportMissing}${files.htmlMissing && files.htmlMissing !== 'not available in this build' ? ` (${files.htmlMissing})` : ''}`,
          dim: true,
        },
      ]);
    out.push([{ t: `  ${s.finalHash} (sha256)${s.colon}`.trimEnd() }]);
    out.push([{ t: `    ${files.finalStateHash}`, dim: true }]);
  }
  return out.map((l) => truncateLine(l, width));

  /** An outcome that capped a rating, as evidence: "Dead or missing 7 (worse than 5)". */
  function capText(c: AppliedCap): string {
    const o = scenario.outcomes.find((x) => x.id === c.outcome);
    const unit = localize(o?.unit, lang);
    const v = `${Number.isInteger(c.value) ? c.value : c.value.toFixed(1)}${unit ? (/^[%\u2e80-\ua4cf]/u.test(unit) ? unit : ` ${unit}`) : ''}`;
    return `${localize(o?.label, lang) || c.outcome} ${v} (${s.worseThan(c.worseThan)})`;
  }
}

/** Ended with `e` (or an `end` input) before the scenario's last minute: no ending was reached. */
export function endedEarly(drill: LiveDrill): boolean {
  const last = drill.table
    .save()
    .transcripts[0]!.entries.filter((e) => e.input.type !== 'choose')
    .at(-1);
  return last?.input.type === 'end' && drill.state.clock < drill.scenario.clock.end;
}

/** The debrief: a window of `height` lines onto `debriefLines`, scrolled by `offset`. */
export function Debrief(p: {
  drill: LiveDrill;
  score: ScoreReport;
  files: FinishInfo | undefined;
  width: number;
  height: number;
  offset: number;
}) {
  const s = strings(p.drill.lang);
  const all = debriefLines(p.drill, p.score, p.files, p.width);
  const body = Math.max(1, p.height - 1);
  const off = Math.max(0, Math.min(p.offset, all.length - body));
  const lines = all.slice(off, off + body);
  while (lines.length < body) lines.push([]);
  const more = all.length > body ? ` ${off + 1}-${Math.min(all.length, off + body)}/${all.length}` : '';
  return <Lines lines={[...lines, [{ t: `${s.debriefHint}${more}`, dim: true }]]} />;
}

export function debriefLength(
  drill: LiveDrill,
  score: ScoreReport,
  files: FinishInfo | undefined,
  width: number,
): number {
  return debriefLines(drill, score, files, width).length;
}
