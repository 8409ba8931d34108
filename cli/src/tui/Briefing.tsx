import { ALL_ROLES, formatDuration, localize } from '@drill/engine';
import { clockText } from './format.ts';
import { strings } from './i18n.ts';
import { truncateLine, wrap, type Line } from './layout.ts';
import { Lines } from './Lines.tsx';
import type { LiveDrill } from './live-drill.ts';

export function briefingLines(drill: LiveDrill, width: number, height: number): Line[] {
  const { scenario, lang } = drill;
  const s = strings(lang);
  const role =
    drill.role === ALL_ROLES
      ? s.allRoles
      : localize(scenario.roles.find((r) => r.id === drill.role)?.name, lang);
  const head: Line[] = [
    [{ t: localize(scenario.title, lang), bold: true, color: 'cyan' }],
    [
      {
        t: `${localize(scenario.setting.place, lang)} · ${clockText(scenario, scenario.clock.start, lang)} · ${formatDuration(scenario.clock.end - scenario.clock.start)}`,
        dim: true,
      },
    ],
    [{ t: `${s.yourRole}: `, bold: true }, { t: role }],
    [],
    [{ t: s.briefing, bold: true }],
  ];
  const foot: Line[] = [[], [{ t: s.startHint, bold: true, color: 'green' }]];
  const body = wrap(localize(scenario.briefing, lang), width).map((l): Line => [{ t: l }]);
  const room = Math.max(1, height - head.length - foot.length);
  const out = [...head, ...body.slice(0, room), ...foot];
  return out.slice(0, height).map((l) => truncateLine(l, width));
}

/** Before the clock starts: the situation, the player's role, and Enter to begin. */
export function Briefing({ drill, width, height }: { drill: LiveDrill; width: number; height: number }) {
  return <Lines lines={briefingLines(drill, width, height)} />;
}
