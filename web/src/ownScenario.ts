import type { Scenario } from '@drill/engine';
import { readStored, SAVE_KEY } from './drill/storage.ts';
import { compileSource, type OwnScenario } from './scenarios.ts';

/**
 * The trainer's own scenario: read from the files or folder they pick (or drop), remembered in this
 * browser across reloads, and offered wherever a scenario is chosen (console, Review, rooms).
 */

/** The remembered own scenario (`OwnScenario` as JSON). */
export const OWN_KEY = 'drill.scenario.own.v1';
/** The last scenario chosen in the set-up: `own` or a shipped id. */
export const CHOICE_KEY = 'drill.scenario.choice';
/**
 * The most a remembered scenario may take, in characters of JSON. A browser gives a site about five
 * million characters in all, and the running drill's save needs its share of them.
 */
export const REMEMBER_LIMIT = 1_500_000;

/** Why a pick gave no scenario, for the page to say in its language. */
export type PickProblem = { problem: 'no-yaml' } | { problem: 'unreadable'; file: string; reason: string };

export type RememberResult =
  | { ok: true }
  | { ok: false; problem: 'too-large'; size: number; limit: number }
  | { ok: false; problem: 'storage'; reason: string };

const isRecordOfText = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v as Record<string, unknown>).every((x) => typeof x === 'string');

export function rememberedOwn(storage: Storage = localStorage): OwnScenario | undefined {
  try {
    const v = JSON.parse(storage.getItem(OWN_KEY) ?? 'null') as Partial<OwnScenario> | null;
    if (!v || v.kind !== 'files' || typeof v.entry !== 'string' || !isRecordOfText(v.files)) return undefined;
    return { kind: 'files', entry: v.entry, files: v.files };
  } catch {
    return undefined;
  }
}

/** Remembers the own scenario, unless it is larger than this browser should hold (then says so). */
export function rememberOwn(own: OwnScenario, storage: Storage = localStorage): RememberResult {
  const json = JSON.stringify(own);
  if (json.length > REMEMBER_LIMIT)
    return { ok: false, problem: 'too-large', size: json.length, limit: REMEMBER_LIMIT };
  try {
    storage.setItem(OWN_KEY, json);
    return { ok: true };
  } catch (e) {
    return { ok: false, problem: 'storage', reason: (e as Error)?.message ?? String(e) };
  }
}

export function forgetOwn(storage: Storage = localStorage): void {
  storage.removeItem(OWN_KEY);
  if (storage.getItem(CHOICE_KEY) === 'own') storage.removeItem(CHOICE_KEY);
}

export function rememberedChoice(storage: Storage = localStorage): string | undefined {
  return storage.getItem(CHOICE_KEY) ?? undefined;
}

export function rememberChoice(choice: string, storage: Storage = localStorage): void {
  try {
    storage.setItem(CHOICE_KEY, choice);
  } catch {
    // A full storage only loses the preselection, never the drill.
  }
}

/**
 * The scenarios of the trainer's own that transcripts may name: the one picked in this page, the
 * remembered one and the one the console's saved drill runs on (which may be an older pick).
 */
export function ownScenarios(storage: Storage = localStorage): Scenario[] {
  // Called on every render of Review and the room pages: recompiled only when something changed.
  const key = { own: currentOwn(), rawOwn: storage.getItem(OWN_KEY), rawSaved: storage.getItem(SAVE_KEY) };
  if (memo && memo.own === key.own && memo.rawOwn === key.rawOwn && memo.rawSaved === key.rawSaved)
    return memo.out;
  const out: Scenario[] = [];
  const saved = readStored(storage)?.source;
  for (const src of [key.own, rememberedOwn(storage), saved?.kind === 'shipped' ? undefined : saved]) {
    if (!src) continue;
    const r = compileSource(src);
    if (r.ok && !out.some((s) => s.contentHash === r.scenario.contentHash)) out.push(r.scenario);
  }
  memo = { ...key, out };
  return out;
}
let memo:
  | { own: OwnScenario | undefined; rawOwn: string | null; rawSaved: string | null; out: Scenario[] }
  | undefined;

/** A file read from a pick or a drop, with its path inside what was picked. */
export interface PickedFile {
  path: string;
  text: string;
}

const YAML = /\.ya?ml$/i;
const PART = /^format:[ \t]*["']?drill\/1-part\b/m;

/**
 * The files of a pick as one scenario: only YAML files, hidden folders skipped, the common top folder
 * dropped (a picked folder's own name says nothing about its includes). The entry is the file that is
 * not a part file (`format: drill/1-part`), the shallowest first.
 */
export function ownFromPicked(picked: readonly PickedFile[]): OwnScenario | PickProblem {
  const yaml = picked.filter((f) => YAML.test(f.path) && !f.path.split('/').some((s) => s.startsWith('.')));
  if (yaml.length === 0) return { problem: 'no-yaml' };
  const first = yaml[0]!.path.split('/')[0]!;
  const shared = yaml.every((f) => f.path.includes('/') && f.path.split('/')[0] === first);
  const files: Record<string, string> = {};
  for (const f of yaml) files[shared ? f.path.slice(first.length + 1) : f.path] = f.text;
  return { kind: 'files', entry: entryOf(files), files };
}

/** The file to compile among the picked ones: not a part file, shallowest, then in code-unit order. */
export function entryOf(files: Readonly<Record<string, string>>): string {
  const depth = (p: string): number => p.split('/').length;
  const byPlace = (a: string, b: string): number => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
  const paths = Object.keys(files).sort(byPlace);
  return paths.find((p) => !PART.test(files[p]!)) ?? paths[0]!;
}

/** The files that could be the entry (not part files), for the trainer to choose among. */
export function entryCandidates(own: OwnScenario): string[] {
  return Object.keys(own.files)
    .filter((p) => !PART.test(own.files[p]!))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads the files of an `<input type=file multiple>` or `webkitdirectory` pick. */
export async function readFileList(list: FileList | readonly File[]): Promise<PickedFile[] | PickProblem> {
  const out: PickedFile[] = [];
  for (const f of [...list]) {
    if (!YAML.test(f.name)) continue;
    const path = f.webkitRelativePath || f.name;
    try {
      out.push({ path, text: await f.text() });
    } catch (e) {
      return { problem: 'unreadable', file: path, reason: (e as Error)?.message ?? String(e) };
    }
  }
  return out;
}

/**
 * Reads what was dropped: files, and folders walked through the File and Directory Entries API (the
 * only way a page can read a dropped folder).
 */
export async function readDropped(dt: DataTransfer): Promise<PickedFile[] | PickProblem> {
  const entries = [...dt.items].flatMap((i) => {
    const e = i.kind === 'file' ? i.webkitGetAsEntry() : null;
    return e ? [e] : [];
  });
  if (entries.length === 0) return readFileList(dt.files);
  const out: PickedFile[] = [];
  const walk = async (e: FileSystemEntry, prefix: string): Promise<PickProblem | undefined> => {
    const path = prefix + e.name;
    if (e.name.startsWith('.')) return undefined;
    if (e.isDirectory) {
      const reader = (e as FileSystemDirectoryEntry).createReader();
      // readEntries gives a batch at a time; an empty batch is the end.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) return undefined;
        for (const child of batch) {
          const p = await walk(child, `${path}/`);
          if (p) return p;
        }
      }
    }
    if (!YAML.test(e.name)) return undefined;
    try {
      const file = await new Promise<File>((res, rej) => (e as FileSystemFileEntry).file(res, rej));
      out.push({ path, text: await file.text() });
      return undefined;
    } catch (err) {
      return { problem: 'unreadable', file: path, reason: (err as Error)?.message ?? String(err) };
    }
  };
  for (const e of entries) {
    const p = await walk(e, '');
    if (p) return p;
  }
  return out;
}

/*
 * The own scenario in this page: the last pick (even a broken one, to show its problems), shared by
 * the console's set-up, the room form and Review, which are all mounted at once. It starts as the
 * remembered one.
 */
let current: OwnScenario | undefined | null = null; // null: not read from storage yet
const listeners = new Set<() => void>();

export function currentOwn(): OwnScenario | undefined {
  if (current === null) current = typeof localStorage === 'undefined' ? undefined : rememberedOwn();
  return current;
}

export function setCurrentOwn(own: OwnScenario | undefined): void {
  current = own;
  for (const l of listeners) l();
}

export function subscribeOwn(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
