import type { ConsoleDrill, Outcome } from '../drill/consoleDrill.ts';
import { OverrideForm } from '../ui/OverrideForm.tsx';

/** Adjudication in the console: the evaluator overrides a team's capability rating (one form, two screens). */
export function TeamOverrideForm({
  drill,
  act,
  idPrefix,
}: {
  drill: ConsoleDrill;
  act(fn: (d: ConsoleDrill) => Outcome): Outcome;
  idPrefix: string;
}) {
  return (
    <OverrideForm
      idPrefix={idPrefix}
      scenario={drill.scenario}
      subjects={drill.teams.map((tm) => ({ key: tm, label: tm, subject: { kind: 'team', id: tm } }))}
      onOverride={(capability, s, rating, note) =>
        act((d) => d.applyTeam(s.key, { type: 'override', capability, subject: s.subject, rating, note }))
      }
    />
  );
}
