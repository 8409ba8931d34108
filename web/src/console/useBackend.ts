import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Lang, TableCommand } from '@drill/engine';
import type { ConsoleBackend } from './backend.ts';

/** Re-renders on every change the backend reports; returns a counter that moves with them. */
export function useBackendVersion(backend: ConsoleBackend | null): number {
  const [version, bump] = useReducer((x: number) => x + 1, 0);
  useEffect(() => backend?.subscribe(bump), [backend]);
  return version;
}

/** What happened to the last thing a control did: shown next to that control, not at the top of the page. */
export type Feedback = { ok: boolean; text: string } | undefined;

/**
 * Sends commands for one control and keeps its feedback: the refusal's reason, or `success` when it
 * was accepted. The feedback clears when the control acts again.
 */
export function useCommand(
  backend: ConsoleBackend,
  lang: Lang,
): {
  feedback: Feedback;
  setFeedback(f: Feedback): void;
  send(c: TableCommand, success: string): Promise<boolean>;
} {
  const [feedback, setFeedback] = useState<Feedback>();
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const send = useCallback(
    async (c: TableCommand, success: string): Promise<boolean> => {
      const r = await backend.submit(c, lang);
      if (alive.current) setFeedback(r.ok ? { ok: true, text: success } : { ok: false, text: r.reason });
      return r.ok;
    },
    [backend, lang],
  );
  return { feedback, setFeedback, send };
}
