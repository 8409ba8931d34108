import type { ReactNode } from 'react';

/**
 * The head of a table with one column per team (or per compared transcript): the row header's title,
 * then each column's name. The console's scoreboard and key decisions and Review's comparison share it.
 */
export function ColumnsHead({
  first,
  columns,
}: {
  first: ReactNode;
  columns: { key: string; label: ReactNode }[];
}) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {columns.map(({ key, label }) => (
          <th scope="col" key={key} className="team-col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
