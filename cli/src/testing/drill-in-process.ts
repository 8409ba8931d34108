// `drill ARGS` run in the test's own process, for the tests whose point is what a command prints, writes
// and exits with — not the process. A spawned `drill` costs ~0.4–0.6 s of CPU to start (Node, the
// bundle's modules, zod's schemas) before the command does anything; here the modules are loaded once per
// worker. What only a process shows (the bundle itself, a file-size limit, EPIPE, the exit status the
// process really ends with) stays spawned in the files that check it.
import { runDrill } from '../run-drill.ts';

export interface DrillResult {
  code: number;
  out: string;
  err: string;
}

let running = false;

/**
 * Runs `drill ARGS` as main.ts does — the same command line (runDrill), its exit code, what it writes to
 * stdout and stderr — with `env` as the whole environment and `cwd` as the working directory for the
 * call, both put back after it. An exception runDrill lets out is what the process would die of: exit
 * code 1 and the stack on stderr (so "no stack trace" checks still catch it). Calls may not overlap
 * (stdout, stderr, the environment and the working directory are the process's).
 */
export async function drillInProcess(
  args: string[],
  o: { env: Record<string, string>; cwd: string },
): Promise<DrillResult> {
  if (running) throw new Error('drillInProcess: a call is already running in this process');
  running = true;
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  const { stdout, stderr } = process;
  const writeOut = stdout.write.bind(stdout);
  const writeErr = stderr.write.bind(stderr);
  let out = '';
  let err = '';
  const capture =
    (append: (s: string) => void) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((r): r is () => void => typeof r === 'function');
      if (done) queueMicrotask(done);
      return true;
    };
  try {
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, o.env);
    process.chdir(o.cwd);
    process.exitCode = undefined;
    stdout.write = capture((s) => (out += s)) as typeof stdout.write;
    stderr.write = capture((s) => (err += s)) as typeof stderr.write;
    let code: number;
    try {
      code = await runDrill(args);
    } catch (e) {
      err += `${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`;
      code = 1;
    }
    return { code, out, err };
  } finally {
    stdout.write = writeOut;
    stderr.write = writeErr;
    process.exitCode = savedExitCode;
    process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, savedEnv);
    running = false;
  }
}
