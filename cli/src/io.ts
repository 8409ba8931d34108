import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Paths the user typed are relative to where they typed them (pnpm runs scripts from the repo root). */
export function userPath(p: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** A problem the user can fix: printed as one clear message, never as a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** The reason behind a file-system error, in words (the errno code stays for searching). */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EFBIG':
      return 'the file is too large (a file-size limit is in force) (EFBIG)';
    case 'ENOSPC':
      return 'no space left on the device (ENOSPC)';
    case 'EDQUOT':
      return 'the disk quota is used up (EDQUOT)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case 'EISDIR':
      return 'it is a folder, not a file (EISDIR)';
    case 'EEXIST':
      return 'a file of that name is in the way (EEXIST)';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder (ENOTDIR)';
    case 'ENOENT':
      return 'no such file or folder (ENOENT)';
    case 'EIO':
      return 'input/output error (EIO)';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

/**
 * Writes all of `data` at the file's current position, or throws: `writeSync` may write less than asked
 * (a file-size limit, a full disk) and say so only in its return value.
 */
export function writeAll(fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) {
    const n = writeSync(fd, data, done, data.length - done);
    if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
    done += n;
  }
}

/**
 * Writes a file so that a crash or a failed write leaves the old content, never half of the new: the
 * data goes to a temporary file that is checked (every byte written, flushed, the size on disk right)
 * before it replaces the target. A failure is a UserError naming the path and the reason.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    isDir = false; // no such file yet: fine
  }
  if (isDir) throw new UserError(`cannot write ${path}: it is a folder — give a file name inside it`);
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(`cannot write ${path}: cannot create the folder ${dir}: ${fsReason(e)}`);
  }
  const tmp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', mode);
    writeAll(fd, bytes);
    fsyncSync(fd);
    if (fstatSync(fd).size !== bytes.length)
      throw Object.assign(new Error('the file on disk is shorter than what was written'), { code: 'EIO' });
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {
        // already failing: the first error is the one to report
      }
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file may not exist
    }
    throw new UserError(`could not write ${path}: ${fsReason(e)} — nothing was replaced`);
  }
  syncDir(dir);
}

/** Makes a rename durable (the directory entry), where the platform allows it. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported everywhere (Windows): the file itself is already flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const OSC = /\u001b\][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g;
const STRING_SEQ = /\u001b[PX^_][^\u001b\u009c]*(?:\u001b\\|\u009c)?/g;
const CSI = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g;
const ESC = /\u001b[ -/]*[0-~]?/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from a scenario or transcript, safe to print: terminal control sequences are removed (a hostile
 * briefing could set the clipboard with OSC 52, retitle the window, or redraw the screen), and so is
 * every other control character but newline and tab.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(OSC, '')
    .replace(STRING_SEQ, '')
    .replace(CSI, '')
    .replace(ESC, '')
    .replace(CONTROLS, '');
}

/** A copy of plain data (a report, a list of runs) with every string made `terminalSafe`. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => terminalSafeDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[terminalSafe(k)] = terminalSafeDeep(v);
    return out as T;
  }
  return value; // numbers, booleans, class instances: nothing a terminal would interpret
}
