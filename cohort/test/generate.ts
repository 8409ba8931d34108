import { autoplay, soloParticipant, type Policy, type Scenario, type Transcript } from '@drill/engine';

export interface GeneratedRun {
  file: string;
  policy: Policy;
  seed: number;
  name: string;
  transcript: Transcript;
}

/** A class played by automatic players: `plan` lists (policy, seed, participant name) per run. */
export function generateCohort(
  scenario: Scenario,
  plan: readonly { policy: Policy; seed: number; name: string; day?: number }[],
): GeneratedRun[] {
  return plan.map((p, i) => {
    const day = String(p.day ?? i + 1).padStart(2, '0');
    const transcript = autoplay(scenario, {
      seed: p.seed,
      policy: p.policy,
      participants: [soloParticipant(p.name)],
      startedAt: `2026-10-${day}T08:00:00.000Z`,
    }).transcript();
    return { file: `${p.policy}-${p.seed}.json`, policy: p.policy, seed: p.seed, name: p.name, transcript };
  });
}
