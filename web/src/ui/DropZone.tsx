import { useState, type ReactNode } from 'react';

/**
 * An area files can be dropped on (it highlights while they hover), holding the pickers for those who
 * do not drag. The console's own-scenario picker and Review's transcript loader share it.
 */
export function DropZone({
  onDrop,
  testId,
  children,
}: {
  onDrop(data: DataTransfer): void;
  testId: string;
  children: ReactNode;
}) {
  const [drag, setDrag] = useState(false);
  return (
    <div
      className={`dropzone ${drag ? 'drag' : ''}`}
      onDragOver={(e) => {
        // Without this the browser opens the dropped file instead of handing it over.
        e.preventDefault();
        setDrag(true);
      }}
      onDragLeave={() => setDrag(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDrag(false);
        onDrop(e.dataTransfer);
      }}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
