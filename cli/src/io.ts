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
import { say } from './say.ts';

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

/**
 * The reason behind a file-system error, in words in the terminal's language (the errno code stays for
 * searching).
 */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EFBIG':
      return say(
        'the file is too large (a file-size limit is in force) (EFBIG)',
        '文件太大（受文件大小限制）（EFBIG）',
      );
    case 'ENOSPC':
      return say('no space left on the device (ENOSPC)', '磁盘空间已满（ENOSPC）');
    case 'EDQUOT':
      return say('the disk quota is used up (EDQUOT)', '磁盘配额已用完（EDQUOT）');
    case 'EACCES':
    case 'EPERM':
      return say(`permission denied (${code})`, `没有权限（${code}）`);
    case 'EROFS':
      return say('the file system is read-only (EROFS)', '文件系统是只读的（EROFS）');
    case 'EISDIR':
      return say('it is a folder, not a file (EISDIR)', '这是文件夹，不是文件（EISDIR）');
    case 'EEXIST':
      return say('a file of that name is in the way (EEXIST)', '已有同名文件（EEXIST）');
    case 'ENOTDIR':
      return say(
        'part of the path is a file, not a folder (ENOTDIR)',
        '路径中有一段是文件，不是文件夹（ENOTDIR）',
      );
    case 'ENOENT':
      return say('no such file or folder (ENOENT)', '没有这个文件或文件夹（ENOENT）');
    case 'EIO':
      return say('input/output error (EIO)', '读写错误（EIO）');
    default:
      return (e as Error)?.message ?? String(e);
  }
}

/** "cannot read FILE: REASON", the message of every file a command could not read. */
export function cannotRead(file: string, e: unknown): string {
  return say(`cannot read ${file}: ${fsReason(e)}`, `无法读取 ${file}：${fsReason(e)}`);
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
  if (isDir)
    throw new UserError(
      say(
        `cannot write ${path}: it is a folder — give a file name inside it`,
        `无法写入 ${path}：这是文件夹，请给出其中的文件名`,
      ),
    );
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(
      say(
        `cannot write ${path}: cannot create the folder ${dir}: ${fsReason(e)}`,
        `无法写入 ${path}：无法创建文件夹 ${dir}：${fsReason(e)}`,
      ),
    );
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
    throw new UserError(
      say(
        `could not write ${path}: ${fsReason(e)} — nothing was replaced`,
        `未能写入 ${path}：${fsReason(e)}——原文件未被改动`,
      ),
    );
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
