import type { ReactNode } from 'react';

/** One choice of a `Select`: the value it sends and what the reader sees. */
export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
}

/**
 * A drop-down over a list of choices, each sending its value: what every form of the console and of
 * Review picks with (a team, a subject, a capability, a rating, a role…), so each reads as the list it
 * offers.
 */
export function Select<V extends string>({
  choices,
  value,
  onChange,
  id,
}: {
  choices: readonly Choice<V>[];
  /** The chosen value; undefined leaves the select uncontrolled, as a plain one would. */
  value: V | undefined;
  onChange(value: NoInfer<V>): void;
  id?: string;
}) {
  return (
    // The value read back is one of `choices`' (the only options there are).
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
