import { createInterface } from 'node:readline/promises';

/**
 * Shows a notice and waits for Enter, before the full-screen drill takes the terminal: a warning
 * written just before it (a damaged journal's lines left out) would otherwise be hidden behind the
 * drill until the user quits.
 */
export async function waitForEnter(
  notice: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  const rl = createInterface({ input, output, terminal: false });
  try {
    await rl.question(`${notice}\npress Enter to continue the drill `);
  } finally {
    rl.close();
  }
}
