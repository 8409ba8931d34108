import {
  liveText,
  replay,
  type DrillState,
  type Lang,
  type ReplayResult,
  type Scenario,
  type Transcript,
} from '@drill/engine';

/**
 * The state each decision was open in (the one before the entry that closed it): what its prompt's
 * `{variable}`s read as when the table answered it. The AAR and both debriefs read prompts this way.
 */
export function openStates(replayed: Extract<ReplayResult, { ok: true }>): Map<string, DrillState> {
  const out = new Map<string, DrillState>();
  replayed.events.forEach((evs, i) => {
    for (const e of evs)
      if (e.type === 'decision-closed') out.set(e.id, replayed.states?.[i] ?? replayed.state);
  });
  return out;
}

/**
 * Every decision's prompt in `lang` with its live values as they stood when it closed (or as they stand
 * now, for one still open or never reached): the engine's `liveText`, over a replay of the transcript.
 */
export function promptsThen(scenario: Scenario, t: Transcript, lang: Lang): Map<string, string> {
  const r = replay(scenario, t, { keepStates: true });
  const out = new Map<string, string>();
  if (!r.ok) return out;
  const states = openStates(r);
  for (const d of scenario.decisions)
    out.set(d.id, liveText(scenario, states.get(d.id) ?? r.state, d.prompt, lang));
  return out;
}
