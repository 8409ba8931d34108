import { useT } from '../i18n.ts';
import { OverrideForm } from '../ui/OverrideForm.tsx';
import type { ConsoleBackend } from './backend.ts';
import { Feedback } from './Feedback.tsx';
import { useCommand } from './useBackend.ts';

/**
 * Adjudication in the console: the evaluator overrides a team's capability rating (one form, on the
 * run screen and the debrief), as a Table `override` command with its feedback beside the form.
 */
export function TeamOverrideForm({ backend, idPrefix }: { backend: ConsoleBackend; idPrefix: string }) {
  const { t, lang } = useT();
  const cmd = useCommand(backend, lang);
  return (
    <>
      <OverrideForm
        idPrefix={idPrefix}
        scenario={backend.scenario}
        subjects={backend.setup.teams.map((x) => ({
          key: x.name,
          label: x.name,
          subject: { kind: 'team', id: x.name },
        }))}
        onOverride={async (capability, s, rating, note) => {
          const ok = await cmd.send(
            { type: 'override', team: s.key, capability, rating, note },
            t('ratingOverridden'),
          );
          return ok ? { ok } : { ok, reason: '' };
        }}
      />
      <Feedback feedback={cmd.feedback} />
    </>
  );
}
