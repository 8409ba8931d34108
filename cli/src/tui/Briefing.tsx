import { ALL_ROLES, localize } from '@drill/engine';
import { clockText } from './format.ts';
import { strings } from './i18n.ts';
import { pack, truncateLine, wrap, type Line } from './layout.ts';
import { Lines } from './Lines.tsx';
import type { LiveDrill } from './live-drill.ts';

export function briefingLines(drill: LiveDrill, width: number, height: number, offset = 0): Line[] {
  const { scenario, lang } = drill;
  const s = strings(lang);
  // The briefing addresses the seat played: its name and what it does, and who holds the others.
  const seat = scenario.roles.find((r) => r.id === drill.role);
  const role = drill.role === ALL_ROLES ? s.allRoles : localize(seat?.name, lang);
  const level = drill.state.participants.find((p) => p.colleague)?.colleague;
  const seatLines: Line[] = [
    ...(seat?.description
      ? wrap(localize(seat.description, lang), width - 2).map((l): Line => [{ t: `  ${l}` }])
      : []),
    ...(level
      ? wrap(s.colleaguesPlay(s.colleagueLevels[level] ?? level), width - 2).map((l): Line => [
          { t: `  ${l}`, dim: true },
        ])
      : []),
  ];
  const head: Line[] = [
    [{ t: localize(scenario.title, lang), bold: true, color: 'cyan' }],
    // Place, start time and length: wrapped at the separators, never cut.
    ...pack(
      [
        localize(scenario.setting.place, lang),
        clockText(scenario, scenario.clock.start, lang),
        s.dur(scenario.clock.end - scenario.clock.start),
      ].map((t): Line => [{ t, dim: true }]),
      width,
    ),
    [
      { t: `${drill.role === ALL_ROLES ? s.yourRole : s.yourSeat}${s.colon}`, bold: true },
      { t: role, bold: true },
    ],
    ...seatLines,
    [],
    [{ t: s.briefing, bold: true }],
  ];
  const body = wrap(localize(scenario.briefing, lang), width).map((l): Line => [{ t: l }]);
  const room = Math.max(1, height - head.length - 2);
  const more = body.length > room;
  const off = Math.max(0, Math.min(offset, body.length - room));
  const foot: Line[] = [
    more
      ? [
          {
            t: `${off + room < body.length ? '▼ ' : '  '}${s.briefingScroll} ${off + 1}-${Math.min(body.length, off + room)}/${body.length}`,
            dim: true,
          },
        ]
      : [],
    [{ t: s.startHint, bold: true, color: 'green' }],
  ];
  const out = [...head, ...body.slice(off, off + room), ...foot];
  return out.slice(0, height).map((l) => truncateLine(l, width));
}

/** Before the clock starts: the situation, the player's role, and Enter to begin. */
export function Briefing({
  drill,
  width,
  height,
  offset = 0,
}: {
  drill: LiveDrill;
  width: number;
  height: number;
  offset?: number;
}) {
  return <Lines lines={briefingLines(drill, width, height, offset)} />;
}
