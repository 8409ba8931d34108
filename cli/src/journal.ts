import {
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import type { Transcript, TranscriptEntry, TranscriptHeader, TranscriptResult } from '@drill/engine';
import { fsReason, UserError, writeAll, writeFileAtomic } from './io.ts';
import { say } from './say.ts';
import { processAlive } from '@drill/server/process';

/**
 * The crash-safe journal of a drill in progress (JSONL):
 *
 *   {"header": {...}}          first line, written when the drill is created
 *   {"seq": 1, ...}            one line per accepted input, appended and fsync'ed before the UI shows it
 *   {"result": {...}}          last line, once the drill has reached its debrief
 *
 * `parseTranscript` (engine) reads it back and drops a torn last line, so a `kill -9` in the middle of a
 * write loses at most the input that was being written — which the UI had not yet shown as accepted.
 *
 * While a process has it open, `<journal>.lock` holds that process's id: a second process (a second
 * `resume` after a dropped SSH session) is refused instead of interleaving its lines with the first's.
 */
export class Journal {
  private constructor(
    readonly path: string,
    private fd: number | undefined,
    private readonly lock: JournalLock,
    /** Where `reopen` kept the original of a journal it rewrote to the entries that could be read. */
    readonly kept?: string,
  ) {}

  /** Starts a new journal; refuses to overwrite an existing one (it may hold somebody's drill). */
  static create(path: string, header: TranscriptHeader): Journal {
    if (existsSync(path)) throw new Error(`a journal already exists at ${path}`);
    const lock = JournalLock.take(path);
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      lock.release();
      throw new UserError(
        say(`cannot create the journal ${path}: ${fsReason(e)}`, `无法创建日志 ${path}：${fsReason(e)}`),
      );
    }
    const j = new Journal(path, fd, lock);
    try {
      j.line({ header });
    } catch (e) {
      j.close();
      throw new UserError((e as Error).message);
    }
    return j;
  }

  /**
   * Reopens a journal to continue it, under its lock. A torn last line (the process died mid-write) is
   * cut off; a complete last line that only lacks its newline gets one, so the entry is kept and the
   * next starts on a line of its own. With `keep` (the entries that could be read, when later lines
   * could not), the original is kept beside it as `<journal>.unreadable-<n>` and the journal rewritten
   * to what holds, so new entries never land after lines no reader can pass.
   */
  static reopen(path: string, keep?: Transcript): Journal {
    const lock = JournalLock.take(path);
    let kept: string | undefined;
    try {
      if (keep) {
        let n = 1;
        while (existsSync(`${path}.unreadable-${n}`)) n++;
        kept = `${path}.unreadable-${n}`;
        copyFileSync(path, kept);
        const lines = [
          { header: keep.header },
          ...keep.entries,
          ...(keep.result ? [{ result: keep.result }] : []),
        ];
        writeFileAtomic(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
      }
      const text = readFileSync(path, 'utf8');
      const fd = openSync(path, 'r+');
      try {
        if (!text.endsWith('\n')) {
          const cut = text.lastIndexOf('\n') + 1;
          const last = text.slice(cut);
          if (isJson(last)) {
            // Complete but unterminated: finish the line rather than lose the entry.
            const size = fstatSync(fd).size;
            writeAllAt(fd, Buffer.from('\n'), size);
          } else ftruncateSync(fd, Buffer.byteLength(text.slice(0, cut), 'utf8'));
          fsyncSync(fd);
        }
      } finally {
        closeSync(fd);
      }
      return new Journal(path, openSync(path, 'a'), lock, kept);
    } catch (e) {
      lock.release();
      if (e instanceof UserError) throw e;
      throw new UserError(
        say(`cannot reopen the journal ${path}: ${fsReason(e)}`, `无法重新打开日志 ${path}：${fsReason(e)}`),
      );
    }
  }

  /** Throws (and the session refuses the input) unless the whole line is on disk. */
  append(entry: TranscriptEntry): void {
    this.line(entry);
  }

  finish(result: TranscriptResult): void {
    this.line({ result });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.lock.release();
  }

  /**
   * One JSON line, written whole and flushed to disk before returning. A short or failed write is cut
   * back off (so the file ends on a whole line) and thrown with the path and the reason.
   */
  private line(v: unknown): void {
    if (this.fd === undefined) throw new Error('the journal is closed');
    const size = fstatSync(this.fd).size;
    try {
      writeAll(this.fd, Buffer.from(`${JSON.stringify(v)}\n`, 'utf8'));
      fsyncSync(this.fd);
    } catch (e) {
      try {
        ftruncateSync(this.fd, size);
      } catch {
        // the torn line stays; readers drop a torn last line
      }
      throw new Error(`${this.path}: ${fsReason(e)}`);
    }
  }
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return s.trim() !== '';
  } catch {
    return false;
  }
}

function writeAllAt(fd: number, b: Buffer, at: number): void {
  // 'r+' has no append mode: position explicitly (writeAll writes at the current position, 0 here).
  let done = 0;
  while (done < b.length) {
    const n = writeSync(fd, b, done, b.length - done, at + done);
    if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
    done += n;
  }
}
/**
 * `<journal>.lock`: created exclusively, holding the owner's process id. A lock whose process is gone
 * (killed, machine rebooted) is stale and taken over; a live one is refused.
 */
class JournalLock {
  private held = true;
  private readonly onExit = (): void => this.release();

  private constructor(readonly path: string) {
    process.on('exit', this.onExit);
  }

  static take(journal: string): JournalLock {
    const path = `${journal}.lock`;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(path, 'wx', 0o644);
        try {
          writeAll(fd, Buffer.from(`${process.pid}\n`));
        } finally {
          closeSync(fd);
        }
        return new JournalLock(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new UserError(
            say(
              `cannot lock the journal ${journal}: ${fsReason(e)}`,
              `无法锁定日志 ${journal}：${fsReason(e)}`,
            ),
          );
      }
      let owner = NaN;
      try {
        owner = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      } catch {
        continue; // removed meanwhile: try again
      }
      if (Number.isInteger(owner) && owner > 0 && processAlive(owner))
        throw new UserError(
          say(
            `this journal is open in process ${owner} (${journal}): finish or quit the drill there first — ` +
              `if that process is not a drill, delete ${path}`,
            `这个日志正被进程 ${owner} 打开（${journal}）：请先在那里结束或退出推演——` +
              `如果那个进程不是推演，请删除 ${path}`,
          ),
        );
      try {
        unlinkSync(path); // stale: its process is gone
      } catch {
        // another process took it over first; the next attempt finds out whose it is
      }
    }
    throw new UserError(
      say(
        `cannot lock the journal ${journal}: another process keeps taking the lock`,
        `无法锁定日志 ${journal}：另一个进程一直占着锁`,
      ),
    );
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    process.off('exit', this.onExit);
    try {
      if (readFileSync(this.path, 'utf8').trim() === String(process.pid)) unlinkSync(this.path);
    } catch {
      // already gone
    }
  }
}

/** Where a run's files go, all beside each other: transcript `.json`, journal `.jsonl`, report `.html`. */
export interface RunPaths {
  transcript: string;
  journal: string;
  html: string;
}

export function runPaths(transcriptPath: string): RunPaths {
  const base = transcriptPath.replace(/\.json$/i, '');
  return { transcript: transcriptPath, journal: `${base}.jsonl`, html: `${base}.html` };
}

/** The transcript path that belongs to a journal (`x.jsonl` → `x.json`). */
export function transcriptPathForJournal(journalPath: string): string {
  return journalPath.endsWith('.jsonl') ? journalPath.replace(/\.jsonl$/, '.json') : `${journalPath}.json`;
}

/** The command that continues a journal, as the player would type it. */
export function resumeCommand(journal: string, scenarioArg?: string): string {
  const q = (s: string): string => (/^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `pnpm drill resume ${q(journal)}${scenarioArg ? ` --scenario ${q(scenarioArg)}` : ''}`;
}
