import { useInput, useStdin, type Key } from 'ink';
import { useCallback, useRef } from 'react';

/**
 * `useInput` with a handler that always sees the latest render's state. ink re-subscribes a changed
 * handler in an effect, which React may run a little after the frame is drawn; a key typed in between
 * would reach the previous render's handler. A stable wrapper around a ref avoids that. Active only when
 * ink's stdin supports raw mode (ink throws otherwise).
 */
export function useKeys(handler: (input: string, key: Key) => void): void {
  const { isRawModeSupported } = useStdin();
  const ref = useRef(handler);
  ref.current = handler;
  const stable = useCallback((input: string, key: Key) => ref.current(input, key), []);
  useInput(stable, { isActive: isRawModeSupported === true });
}
