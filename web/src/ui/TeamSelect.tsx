import { Select } from './Select.tsx';

/**
 * A choice among a parallel drill's teams, with an optional first choice for "no one team" (its value is
 * ''). The console picks a team with it for an ad-hoc inject, the projector and the feed.
 */
export function TeamSelect({
  teams,
  value,
  onChange,
  none,
}: {
  teams: string[];
  /** The chosen team ('' for the first choice); undefined leaves the select uncontrolled. */
  value: string | undefined;
  onChange(team: string): void;
  /** The label of the first choice, whose value is '' (e.g. "all teams"); none when a team must be chosen. */
  none?: string;
}) {
  const choices = teams.map((tm) => ({ value: tm, label: tm }));
  return (
    <Select
      choices={none === undefined ? choices : [{ value: '', label: none }, ...choices]}
      value={value}
      onChange={onChange}
    />
  );
}
