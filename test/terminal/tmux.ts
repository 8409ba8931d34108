// Drives the real CLI in a real terminal: tmux on a private socket, 80×24, keys in, screen out.
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE = join(ROOT, 'test', 'terminal', 'fixtures', 'short.yaml');

/**
 * The CLI's fast-start bundle, cli/dist/drill.mjs: test/tools/global-setup.ts builds it (with
 * cli/build.mjs, as `pnpm install` does) before any test file starts whenever it is older than the
 * sources, so the tests run the current code without building a copy of their own (seconds of CPU).
 */
export const CLI_BUNDLE = join(ROOT, 'cli', 'dist', 'drill.mjs');

/** Quoted for a shell. */
const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
/** Quoted for tmux's own command parser (a double-quoted string: `\`, `"` and `$` escaped). */
const tq = (s: string): string => `"${s.replace(/[\\"$]/g, '\\$&')}"`;

/**
 * One tmux server per instance. Every command after a session's start (keys, screen captures, resizes)
 * goes through one tmux client in control mode (`tmux -C`, commands on its stdin, each answer framed by
 * `%begin`/`%end`) instead of a tmux client process per command: the screen is read every 50 ms while a
 * test waits, and a client process per read cost ~20 ms of CPU each (hundreds per file).
 */
export class Tmux {
  readonly socket = `drill-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private n = 0;
  /** Sessions whose program already reads raw keys (see untilRaw). */
  private readonly raw = new Set<string>();
  private control: ChildProcessWithoutNullStreams | undefined;
  /** Answers awaited, in the order their commands were written (tmux answers in that order). */
  private readonly pending: { resolve: (out: string) => void; reject: (e: Error) => void }[] = [];

  /** The control client, started with the server's first session (a `cat` that waits and draws nothing). */
  private controlClient(): ChildProcessWithoutNullStreams {
    if (this.control) return this.control;
    const c = spawn('tmux', ['-L', this.socket, '-C', 'new-session', '-s', 'control', 'cat'], {
      stdio: 'pipe',
    });
    let block: string[] | undefined;
    let ours = false;
    createInterface({ input: c.stdout }).on('line', (line) => {
      if (block === undefined) {
        // `%begin time number flags`: flags 1 marks an answer to this client's command (the session
        // the client was started with answers first, with flags 0). Other lines are notifications.
        const m = /^%begin \d+ \d+ (\d+)$/.exec(line);
        if (m) {
          block = [];
          ours = (Number(m[1]) & 1) === 1;
        }
        return;
      }
      const end = /^%(end|error) \d+ \d+ \d+$/.exec(line);
      if (!end) {
        block.push(line);
        return;
      }
      const text = block.map((l) => `${l}\n`).join('');
      block = undefined;
      if (!ours) return;
      const p = this.pending.shift();
      if (end[1] === 'end') p?.resolve(text);
      else p?.reject(new Error(`tmux: ${text.trim()}`));
    });
    c.on('exit', () => {
      for (const p of this.pending.splice(0)) p.reject(new Error('the tmux control client exited'));
    });
    this.control = c;
    return c;
  }

  /** Runs one tmux command through the control client; resolves with what it printed. */
  private command(...args: string[]): Promise<string> {
    const c = this.controlClient();
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      c.stdin.write(`${args.join(' ')}\n`);
    });
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
    // The session itself is made by a client of its own, before the control client exists (that one
    // attaches to a session of its own and does not size this one).
    execFileSync('tmux', ['-L', this.socket, 'new-session', '-d', '-s', name, '-x', '80', '-y', '24', cmd]);
    return name;
  }

  screen(name: string): Promise<string> {
    return this.command('capture-pane', '-p', '-J', '-t', name); // -J: wrapped lines joined
  }

  async keys(name: string, ...keys: string[]): Promise<void> {
    for (const k of keys) await this.command('send-keys', '-t', name, tq(k));
  }

  /** Types text literally (no key-name lookup). */
  async type(name: string, text: string): Promise<void> {
    await this.command('send-keys', '-t', name, '-l', tq(text));
  }

  async resize(name: string, x: number, y: number): Promise<void> {
    await this.command('resize-window', '-t', name, '-x', String(x), '-y', String(y));
  }

  /** Waits until the screen shows `text` (a string or pattern); fails with the screen it last saw. */
  async waitFor(name: string, text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let last = '';
    for (;;) {
      last = await this.screen(name);
      if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
      if (Date.now() > until)
        throw new Error(`timed out waiting for ${String(text)}; the screen was:\n${last}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Waits until the program in the pane reads keys one by one: its terminal is out of canonical mode
   * (ink's `useInput` turns raw mode on as it starts listening). A screen can be drawn before that, and
   * a key sent in between is taken by the line discipline (Enter arrives as a newline, not a return).
   */
  private async untilRaw(name: string, timeoutMs = 30_000): Promise<void> {
    const tty = (await this.command('display-message', '-p', '-t', name, tq('#{pane_tty}'))).trim();
    const until = Date.now() + timeoutMs;
    while (!/(^|\s)-icanon(\s|$)/.test(execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' }))) {
      if (Date.now() > until) throw new Error(`the program in ${name} never read keys one by one`);
      await new Promise((r) => setTimeout(r, 50));
    }
    this.raw.add(name);
  }

  /**
   * Sends keys one by one, waiting for `text` after the last. `lineMode`: the program reads a line, not
   * raw keys (a prompt before the drill's screen): a key sent early waits in the terminal for it.
   */
  async press(
    name: string,
    keys: string[],
    then: string | RegExp,
    o: { lineMode?: boolean } = {},
  ): Promise<string> {
    if (!o.lineMode && !this.raw.has(name)) await this.untilRaw(name);
    for (const k of keys) {
      await this.keys(name, k);
      // Keys apart, as a person types them (as before: a pause, not a wait for the screen).
      await new Promise((r) => setTimeout(r, 120));
    }
    return this.waitFor(name, then);
  }

  /** Ends every session of this socket (the tests' own tmux server); the control client exits with it. */
  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    this.control?.kill();
    this.control = undefined;
  }
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
