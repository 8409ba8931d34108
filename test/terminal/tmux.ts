// Drives the real CLI in a real terminal: tmux on a private socket, 80×24, keys in, screen out.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE = join(ROOT, 'test', 'terminal', 'fixtures', 'short.yaml');

/**
 * The CLI's fast-start bundle, cli/dist/drill.mjs: test/tools/global-setup.ts builds it (with
 * cli/build.mjs, as `pnpm install` does) before any test file starts whenever it is older than the
 * sources, so the tests run the current code without building a copy of their own (seconds of CPU).
 */
export const CLI_BUNDLE = join(ROOT, 'cli', 'dist', 'drill.mjs');

const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export class Tmux {
  readonly socket = `drill-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private n = 0;

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /**
   * Starts `argv` in a new 80×24 session. CI is removed from its environment (ink draws only the last
   * frame under CI); after the command, its exit code is printed as `__EXIT__<code>` and the pane stays.
   */
  start(argv: string[], env: Record<string, string> = {}, o: { pidFile?: string } = {}): string {
    const name = `s${++this.n}`;
    const vars = Object.entries({ LANG: 'en_US.UTF-8', TERM: 'xterm-256color', ...env })
      .map(([k, v]) => `${k}=${q(v)}`)
      .join(' ');
    const run = o.pidFile
      ? `sh -c ${q(`echo $$ > ${q(o.pidFile)}; exec ${argv.map(q).join(' ')}`)}`
      : argv.map(q).join(' ');
    const cmd = `cd ${q(ROOT)} && env -u CI ${vars} ${run}; echo __EXIT__$?; sleep 600`;
    this.tmux('new-session', '-d', '-s', name, '-x', '80', '-y', '24', cmd);
    return name;
  }

  screen(name: string): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', name); // -J: wrapped lines joined
  }

  keys(name: string, ...keys: string[]): void {
    for (const k of keys) this.tmux('send-keys', '-t', name, k);
  }

  /** Types text literally (no key-name lookup). */
  type(name: string, text: string): void {
    this.tmux('send-keys', '-t', name, '-l', text);
  }

  resize(name: string, x: number, y: number): void {
    this.tmux('resize-window', '-t', name, '-x', String(x), '-y', String(y));
  }

  /** Waits until the screen shows `text` (a string or pattern); fails with the screen it last saw. */
  async waitFor(name: string, text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      last = this.screen(name);
      if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
      if (Date.now() > until)
        throw new Error(`timed out waiting for ${String(text)}; the screen was:\n${last}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Sends keys one by one, waiting for `text` after the last. */
  async press(name: string, keys: string[], then: string | RegExp): Promise<string> {
    for (const k of keys) {
      this.keys(name, k);
      await new Promise((r) => setTimeout(r, 120));
    }
    return this.waitFor(name, then);
  }

  /** Ends every session of this socket (the tests' own tmux server). */
  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
