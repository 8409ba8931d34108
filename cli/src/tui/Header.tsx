import { localize } from '@drill/engine';
import { clockText, levelColour, valueText } from './format.ts';
import { strings } from './i18n.ts';
import { pack, truncateLine, textWidth, type Line } from './layout.ts';
import { Lines } from './Lines.tsx';
import type { LiveDrill } from './live-drill.ts';

/**
 * The header: title, scenario clock and phase; warning and response levels (variables with `levels`);
 * the key indicators (variables with `indicator: true`) with trend marks against the previous input,
 * green when they moved the good way (`better`), red when the bad way.
 */
export function headerLines(drill: LiveDrill, width: number): Line[] {
  const { scenario, lang } = drill;
  const view = drill.view();
  const s = strings(lang);
  const clock = clockText(scenario, view.clock, lang);
  const phase =
    view.phase === 'paused'
      ? { t: ` ${s.paused} `, inverse: true, bold: true, color: 'yellow' }
      : { t: `▶ ${s.running}`, dim: true };
  const right = `${clock}  `;
  const title = localize(scenario.title, lang);
  const room = width - textWidth(right) - textWidth(phase.t) - 1;
  const first: Line = [
    { t: title.length && room > 4 ? truncateLine([{ t: title }], room)[0]!.t : '', bold: true },
  ];
  const pad = Math.max(1, width - textWidth(first[0]!.t) - textWidth(right) - textWidth(phase.t));
  first.push({ t: ' '.repeat(pad) }, { t: right, bold: true, color: 'cyan' }, phase);

  const levels: Line[] = [];
  const indicators: Line[] = [];
  // The indicators are what the Table's view shows the player; the scenario says how to draw each.
  const shown = view.indicators;
  for (const v of scenario.variables) {
    const value = shown[v.id];
    if (value === undefined) continue;
    const name = localize(v.name, lang);
    if (v.levels?.length && typeof value === 'number') {
      levels.push([
        { t: `${name} ` },
        { t: valueText(v, value, lang), bold: true, color: levelColour(v, value) },
      ]);
      continue;
    }
    const prev = drill.prevWorld[v.id];
    let mark = '';
    let colour: string | undefined;
    if (typeof value === 'number' && typeof prev === 'number' && value !== prev) {
      const up = value > prev;
      mark = up ? '▲' : '▼';
      if (v.better) colour = (v.better === 'higher') === up ? 'green' : 'red';
    }
    indicators.push([
      { t: `${name} ` },
      { t: valueText(v, value, lang), bold: true },
      ...(mark ? [{ t: mark, color: colour, bold: true }] : []),
    ]);
  }
  return [
    truncateLine(first, width),
    ...pack(levels, width, '   '),
    ...pack(indicators, width),
    [{ t: '─'.repeat(width), dim: true }],
  ];
}

export function Header({ drill, width }: { drill: LiveDrill; width: number }) {
  return <Lines lines={headerLines(drill, width)} />;
}
