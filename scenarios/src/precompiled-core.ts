/**
 * Shipped scenarios compiled ahead of time, for any shell: the CLI bundle reads files from disk
 * (precompiled.ts), the web build holds them in memory (precompiled-files.ts). Nothing here reads a file
 * or picks a hash implementation: the caller gives the main file's text, the include reader its compile
 * uses, and a SHA-256, so the browser needs no node:crypto.
 *
 * A precompiled scenario is used only when every file its compile read still has the bytes it had then
 * (SHA-256 of each), the path and the engine version are the same, and its JSON is intact; otherwise the
 * caller compiles the YAML as if there were none. Compiling is a pure function of the main file's path and
 * text and of what the include reader returns, so equal inputs give an equal scenario.
 */
import {
  compileScenario,
  ENGINE_VERSION,
  type CompileResult,
  type ReadInclude,
  type Scenario,
  type Sha256Hex,
} from '@drill/engine';

/** One include the compile asked for (`from` names `inc`) and the file the reader gave it. */
export interface PrecompiledRead {
  from: string;
  inc: string;
  path: string;
  sha256: string;
}

/** The files one compile read: the main file's SHA-256 and every include it asked for, in order. */
export interface FilesRead {
  /** The main file's path, as the compiler was given it. */
  path: string;
  /** SHA-256 of the main file's text. */
  sha256: string;
  /** Every include the compile read, in order. */
  reads: PrecompiledRead[];
}

export interface PrecompiledScenario extends FilesRead {
  /** The engine version that compiled it. */
  engine: string;
  /** The compiled scenario as JSON, and its SHA-256 (a damaged entry is not parsed). */
  json: string;
  jsonSha256: string;
}

/** Where a compile's files come from: the main file's text (undefined: unreadable) and the include reader. */
export interface PrecompileSource {
  text(): string | undefined;
  read: ReadInclude;
}

/**
 * Compiles the scenario at `path` (main file text `text`, includes from `read`) and records what it read.
 * `files` is undefined when an include could not be read or was refused: such a compile depends on more
 * than the bytes recorded (a reason, a missing file), so it is not kept.
 */
export function compileRecording(
  path: string,
  text: string,
  read: ReadInclude,
  sha256: Sha256Hex,
): { result: CompileResult; files: FilesRead | undefined } {
  const reads: PrecompiledRead[] = [];
  let unread = false;
  const result = compileScenario({ path, text }, (from, inc) => {
    const got = read(from, inc);
    if (got && 'text' in got) reads.push({ from, inc, path: got.path, sha256: sha256(got.text) });
    else unread = true;
    return got;
  });
  return { result, files: unread ? undefined : { path, sha256: sha256(text), reads } };
}

/**
 * Compiles the scenario at `path` from `source` and records what it read; undefined when it does not
 * compile or an include could not be read (such a scenario is compiled each time, with its diagnostics).
 */
export function precompileFrom(
  path: string,
  source: PrecompileSource,
  sha256: Sha256Hex,
): PrecompiledScenario | undefined {
  const text = source.text();
  if (text === undefined) return undefined;
  const { result: r, files } = compileRecording(path, text, source.read, sha256);
  if (!r.ok || !files) return undefined;
  const json = JSON.stringify(r.scenario);
  return { engine: ENGINE_VERSION, ...files, json, jsonSha256: sha256(json) };
}

/**
 * True when `source` still gives the bytes `files` recorded: the main file's, and for every include the
 * compile asked for, the same file with the same bytes. Compiling is a pure function of these, so a
 * scenario compiled from them is the one compiling now would give. May throw (a reader that does).
 */
export function sameFiles(files: FilesRead, source: PrecompileSource, sha256: Sha256Hex): boolean {
  const text = source.text();
  if (text === undefined || sha256(text) !== files.sha256) return false;
  for (const r of files.reads) {
    const got = source.read(r.from, r.inc);
    if (!got || !('text' in got) || got.path !== r.path || sha256(got.text) !== r.sha256) return false;
  }
  return true;
}

/** Freezes each object as JSON.parse builds it (children first), as the compiler freezes its scenario. */
function frozen(_key: string, value: unknown): unknown {
  return value !== null && typeof value === 'object' ? Object.freeze(value) : value;
}

/** The entry for `path` among `entries` (as read from a file: anything), when it is one. */
export function entryFor(path: string, entries: unknown): PrecompiledScenario | undefined {
  if (!Array.isArray(entries)) return undefined;
  const e = (entries as unknown[]).find(
    (x): x is Record<string, unknown> =>
      x !== null &&
      typeof x === 'object' &&
      Object.hasOwn(x, 'path') &&
      (x as { path: unknown }).path === path,
  );
  if (!e) return undefined;
  const strings = (o: Record<string, unknown>, keys: readonly string[]) =>
    keys.every((k) => Object.hasOwn(o, k) && typeof o[k] === 'string');
  const ok =
    strings(e, ['engine', 'path', 'sha256', 'json', 'jsonSha256']) &&
    Array.isArray(e.reads) &&
    (e.reads as unknown[]).every(
      (r) =>
        r !== null &&
        typeof r === 'object' &&
        strings(r as Record<string, unknown>, ['from', 'inc', 'path', 'sha256']),
    );
  return ok ? (e as unknown as PrecompiledScenario) : undefined;
}

/**
 * The precompiled scenario for the file at `path` when one of `entries` still matches the files `source`
 * gives now and is intact; undefined otherwise, and for anything that is not a list of entries (compile
 * the YAML then). Never throws.
 */
export function precompiledFrom(
  path: string,
  entries: unknown,
  source: PrecompileSource,
  sha256: Sha256Hex,
): Scenario | undefined {
  const e = entryFor(path, entries);
  if (!e || e.engine !== ENGINE_VERSION) return undefined;
  try {
    if (!sameFiles(e, source, sha256)) return undefined;
    if (sha256(e.json) !== e.jsonSha256) return undefined;
    const scenario = JSON.parse(e.json, frozen) as unknown;
    if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) return undefined;
    return scenario as Scenario;
  } catch {
    return undefined;
  }
}
