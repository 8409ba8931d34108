import { formatScenarioTime, localize, type Lang, type Scenario, type TableView } from '@drill/engine';
import type { JoinInfo } from '@drill/server/protocol';
import { clockLabel } from '../format.ts';
import { scenarioById } from '../scenarios.ts';
import { ownScenarios } from '../ownScenario.ts';

/**
 * The room's scenario when this app has it — shipped, or the trainer's own picked in this browser —
 * for clock times, seat and option names.
 */
export function roomScenario(id: string | undefined): Scenario | undefined {
  return id ? scenarioById(id, ownScenarios()) : undefined;
}

/** `T-12h · 08-27 10:00` with the scenario, else the relative time alone. */
export const clockLabelFor =
  (sc: Scenario | undefined) =>
  (minute: number): string =>
    sc ? clockLabel(sc, minute) : formatScenarioTime(minute);

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
