import { formatScenarioTime, localize, type Lang, type Scenario } from '@drill/engine';
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

export const roleName = (sc: Scenario | undefined, id: string, lang: Lang): string => {
  const r = sc?.roles.find((x) => x.id === id);
  return r ? localize(r.name, lang) : id;
};

export const optionLabel = (
  sc: Scenario | undefined,
  decision: string,
  option: string,
  lang: Lang,
): string | undefined => {
  const o = sc?.decisions.find((d) => d.id === decision)?.options.find((x) => x.id === option);
  return o ? localize(o.label, lang) : undefined;
};
