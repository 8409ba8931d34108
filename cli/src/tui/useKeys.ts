import { useInput, useStdin, type Key } from 'ink';
import { useCallback, useReducer, useRef } from 'react';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** One key for each character of a run of plain characters. */
function splitKeys(input: string): [string, Key][] {
  return [...input].map((ch): [string, Key] => {
    if (ch === '\r' || ch === '\n') return ['', { ...NO_KEY, return: true }];
    if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
    if (ch === '\u007F' || ch === '\b') return ['', { ...NO_KEY, backspace: true }];
    return [ch, { ...NO_KEY, shift: /[A-Z]/.test(ch) }];
  });
}

/**
 * `useInput` made safe for fast typing:
 * - ink hands over a run of plain characters that arrive together ("1\r", "++") as one input, as if
 *   pasted; each character is handled as its own key here, so no keystroke is lost.
 * - the handler is called through a ref, so it is always the latest render's (ink re-subscribes a new
 *   handler only in an effect, which can run after the next key has arrived).
 * Active only when ink's stdin supports raw mode (ink throws otherwise).
 */
export function useKeys(handler: (input: string, key: Key) => void): void {
  const { isRawModeSupported } = useStdin();
  const ref = useRef(handler);
  ref.current = handler;
  const stable = useCallback((input: string, key: Key) => {
    const plain = !key.ctrl && !key.meta && input.length > 1 && !input.includes('\u001B');
    if (plain) for (const [i, k] of splitKeys(input)) ref.current(i, k);
    else ref.current(input, key);
  }, []);
  useInput(stable, { isActive: isRawModeSupported === true });
}

/**
 * State that key handlers read synchronously: `get()` sees a change made by the previous key even
 * before React has re-rendered (several keys can arrive in one chunk).
 */
export function useSyncState<T>(initial: T | (() => T)): [T, (v: T | ((prev: T) => T)) => void, () => T] {
  const ref = useRef<{ v: T } | undefined>(undefined);
  if (!ref.current) ref.current = { v: typeof initial === 'function' ? (initial as () => T)() : initial };
  const [, render] = useReducer((x: number) => x + 1, 0);
  const set = useCallback((v: T | ((prev: T) => T)) => {
    ref.current!.v = typeof v === 'function' ? (v as (prev: T) => T)(ref.current!.v) : v;
    render();
  }, []);
  const get = useCallback(() => ref.current!.v, []);
  return [ref.current.v, set, get];
}
