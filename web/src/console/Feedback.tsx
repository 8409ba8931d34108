import type { Feedback as F } from './useBackend.ts';

/** A control's own result line: a refusal is an alert, a success a polite status. */
export function Feedback({ feedback, id }: { feedback: F; id?: string }) {
  return (
    <p
      id={id}
      className={`feedback ${feedback ? (feedback.ok ? 'feedback-ok' : 'feedback-bad') : ''}`}
      role={feedback && !feedback.ok ? 'alert' : 'status'}
      data-testid="feedback"
    >
      {feedback ? (feedback.ok ? `✓ ${feedback.text}` : feedback.text) : null}
    </p>
  );
}
