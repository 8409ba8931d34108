/** Terminal styling for the plain-text commands: ANSI colour only when wanted, and never control codes from data. */

export interface Style {
  enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  cyan(s: string): string;
  /** A rating letter coloured by its level (P green … U red). */
  rating(r: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export function makeStyle(enabled: boolean): Style {
  if (!enabled) {
    const id = (s: string): string => s;
    return { enabled, bold: id, dim: id, red: id, green: id, yellow: id, blue: id, cyan: id, rating: id };
  }
  const s = {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    blue: sgr(34, 39),
    cyan: sgr(36, 39),
  };
  const byRating: Record<string, (x: string) => string> = { P: s.green, S: s.cyan, M: s.yellow, U: s.red };
  return { enabled, ...s, rating: (r) => (byRating[r] ? s.bold(byRating[r](r)) : s.dim(r)) };
}

/**
 * Colour or not: an explicit `--color` / `--no-color` decides; else NO_COLOR (https://no-color.org: any
 * non-empty value) turns it off and FORCE_COLOR on; else colour only when writing to a terminal.
 */
export function colourWanted(
  option: boolean | undefined,
  env: NodeJS.ProcessEnv = process.env,
  isTTY: boolean = process.stdout.isTTY === true,
): boolean {
  if (option !== undefined) return option;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}

/**
 * Removes terminal control characters (ESC, C0/C1 codes) from text that came from a scenario or a
 * transcript, so a crafted rationale cannot move the cursor or retitle the terminal. Keeps newlines.
 */
export function clean(s: string): string {
  return s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}
