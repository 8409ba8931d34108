import { localize, type Lang, type Scenario, type TableView } from '@drill/engine';
import type { JoinInfo } from '@drill/server/protocol';
import { clockLabelAt, clockPartsAt } from '../format.ts';
import { scenarioById } from '../scenarios.ts';
import { ownScenarios } from '../ownScenario.ts';

/**
 * The room's scenario when this app has it — shipped, or the trainer's own picked in this browser —
 * for clock times, seat and option names.
 */
export function roomScenario(id: string | undefined): Scenario | undefined {
  return id ? scenarioById(id, ownScenarios()) : undefined;
}

/**
 * The room's time label as the console writes it (`T-12h (08-27 10:00)`, `T0前12小时（08-27 10:00）`):
 * the T0 from the scenario when this browser has it, else the one the server sent with the room, so a
 * phone without the trainer's own scenario shows the same clock text.
 */
export const clockLabelFor =
  (sc: Scenario | undefined, t0: string | undefined, lang: Lang) =>
  (minute: number): string =>
    clockLabelAt(sc?.clock.t0 ?? t0 ?? '', minute, lang);

/** The room's clock as the console shows it: relative and civil parts (see `clockLabelFor`). */
export const roomClock = (
  sc: Scenario | undefined,
  t0: string | undefined,
  minute: number,
  lang: Lang,
): { rel: string; civil: string } => clockPartsAt(sc?.clock.t0 ?? t0 ?? '', minute, lang);

/**
 * A seat's name: from the scenario when this browser has it, else from the room's join info (the
 * server names every seat there, so a participant's phone needs no scenario file), else its id.
 */
export const roleName = (
  sc: Scenario | undefined,
  id: string,
  lang: Lang,
  join?: Pick<JoinInfo, 'teams'>,
): string => {
  const r = sc?.roles.find((x) => x.id === id);
  if (r) return localize(r.name, lang);
  const seat = join?.teams.flatMap((t) => t.roles).find((x) => x.id === id);
  return seat ? localize(seat.name, lang) : id;
};

/**
 * A recorded option's label: the view's own (the engine names what a viewer's closed decisions
 * recorded, in the viewer's language), else the scenario's when this browser has it.
 */
export const optionLabel = (
  sc: Scenario | undefined,
  decision: string,
  option: string,
  lang: Lang,
  view?: TableView,
): string | undefined => {
  for (const lane of view?.lanes ?? []) {
    const c = lane.view.closed.find((x) => x.decision === decision);
    const label = c?.labels && Object.hasOwn(c.labels, option) ? c.labels[option] : undefined;
    if (label !== undefined) return label;
  }
  const o = sc?.decisions.find((d) => d.id === decision)?.options.find((x) => x.id === option);
  return o ? localize(o.label, lang) : undefined;
};
