import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { TranscriptEntry, TranscriptHeader, TranscriptResult } from '@drill/engine';

/**
 * The crash-safe journal of a drill in progress (JSONL):
 *
 *   {"header": {...}}          first line, written when the drill is created
 *   {"seq": 1, ...}            one line per accepted input, appended and fsync'ed before the UI shows it
 *   {"result": {...}}          last line, once the drill has reached its debrief
 *
 * `parseTranscript` (engine) reads it back and drops a torn last line, so a `kill -9` in the middle of a
 * write loses at most the input that was being written — which the UI had not yet shown as accepted.
 */
export class Journal {
  private constructor(
    readonly path: string,
    private fd: number | undefined,
  ) {}

  /** Starts a new journal; refuses to overwrite an existing one (it may hold somebody's drill). */
  static create(path: string, header: TranscriptHeader): Journal {
    if (existsSync(path)) throw new Error(`a journal already exists at ${path}`);
    const fd = openSync(path, 'wx');
    const j = new Journal(path, fd);
    j.line({ header });
    return j;
  }

  /**
   * Reopens a journal to continue it. A torn last line (the process died mid-write) is cut off first,
   * so the next entry starts on a line of its own.
   */
  static reopen(path: string): Journal {
    const text = readFileSync(path, 'utf8');
    const fd = openSync(path, 'r+');
    const keep = text.endsWith('\n') ? text.length : text.lastIndexOf('\n') + 1;
    const bytes = Buffer.byteLength(text.slice(0, keep), 'utf8');
    if (keep !== text.length) {
      ftruncateSync(fd, bytes);
      fsyncSync(fd);
    }
    closeSync(fd);
    return new Journal(path, openSync(path, 'a'));
  }

  append(entry: TranscriptEntry): void {
    this.line(entry);
  }

  finish(result: TranscriptResult): void {
    this.line({ result });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** One JSON line, written whole and flushed to disk before returning. */
  private line(v: unknown): void {
    if (this.fd === undefined) throw new Error('the journal is closed');
    writeSync(this.fd, `${JSON.stringify(v)}\n`);
    fsyncSync(this.fd);
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
