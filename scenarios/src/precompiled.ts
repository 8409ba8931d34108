/**
 * Shipped scenarios compiled ahead of time (when the CLI bundle is built), so a `drill` command does not
 * parse and validate ~100 KB of YAML on every start — about half of the CPU of `drill run` or `drill
 * verify`. The files are read from disk, each time an entry is checked (see precompiled-core.ts for what
 * makes an entry usable; the web build's are in precompiled-files.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ReadInclude, Scenario } from '@drill/engine';
import {
  compileRecording,
  entryFor,
  precompiledFrom,
  precompileFrom,
  sameFiles,
  type FilesRead,
  type PrecompileSource,
} from './precompiled-core.ts';
import { readIncludeWithin } from './read-include-within.ts';

export type { FilesRead, PrecompiledRead, PrecompiledScenario } from './precompiled-core.ts';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The file at `path` (absolute) and its includes, as `drill` reads them. */
function onDisk(path: string): PrecompileSource {
  return { text: () => readFileSync(path, 'utf8'), read: readIncludeWithin() };
}

/**
 * Compiles the scenario file at `path` (absolute) and records what it read; undefined when it does not
 * compile or an include could not be read (such a scenario is compiled each time, with its diagnostics).
 */
export function precompileScenario(path: string): ReturnType<typeof precompileFrom> {
  return precompileFrom(path, onDisk(path), sha256);
}

/**
 * The precompiled scenario for the file at `path` when one of `entries` still matches the files on disk
 * and is intact; undefined otherwise, and for anything that is not a list of entries (compile the YAML
 * then). Never throws.
 */
export function precompiledScenario(path: string, entries: unknown): Scenario | undefined {
  return precompiledFrom(path, entries, onDisk(path), sha256);
}

/** Compiles the scenario with main file text `text` at `path` (absolute), recording what it read. */
export function compileRecorded(
  path: string,
  text: string,
  read: ReadInclude,
): ReturnType<typeof compileRecording> {
  return compileRecording(path, text, read, sha256);
}

/**
 * Scenarios this process compiled from their files, most recent first. A process that loads the same
 * scenario again — a test worker running one `drill` command after another in-process (a `drill`
 * command itself loads one once) — gets the one it compiled while every file that compile read still has
 * the same bytes: the check a precompiled entry passes (precompiled-core.ts), against a scenario held in
 * memory instead of JSON. Compiling the typhoon's ~100 KB of YAML costs ~0.3–0.8 s of CPU; the check,
 * reading and hashing its files, about a millisecond. A few are kept.
 */
const held: { files: FilesRead; scenario: Scenario }[] = [];
const HELD = 8;

/** Keeps a scenario this process compiled from `files` (see `held`). */
export function holdCompiled(files: FilesRead, scenario: Scenario): void {
  const i = held.findIndex((h) => h.files.path === files.path);
  if (i >= 0) held.splice(i, 1);
  held.unshift({ files, scenario });
  held.length = Math.min(held.length, HELD);
}

/**
 * Precompiled entries this process may use besides the bundle's own (precompiled-data.ts), from a caller
 * that knows they were compiled from the very sources it runs: the test set-up hands over the `drill`
 * bundle's while the bundle is built from exactly these sources (test/tools/precompiled-shipped.ts).
 * Loaded when first needed; an entry is used only after the check any precompiled entry passes
 * (precompiled-core.ts), then held like a scenario compiled here.
 */
let adopted: { load: () => unknown; entries?: unknown } | undefined;

/** Adopts the entries `load` returns (see `adopted`), replacing any adopted before; returns what puts that back. */
export function adoptPrecompiled(load: () => unknown): () => void {
  const before = adopted;
  adopted = { load };
  return () => {
    adopted = before;
  };
}

/**
 * The scenario this process compiled (or adopted, see `adopted`) for the file at `path`, when the files
 * it was compiled from are unchanged since. Never throws.
 */
export function heldScenario(path: string): Scenario | undefined {
  try {
    const h = held.find((x) => x.files.path === path);
    if (h && sameFiles(h.files, onDisk(path), sha256)) return h.scenario;
    if (!adopted) return undefined;
    adopted.entries ??= adopted.load();
    const scenario = precompiledFrom(path, adopted.entries, onDisk(path), sha256);
    const e = entryFor(path, adopted.entries);
    if (scenario && e) holdCompiled({ path: e.path, sha256: e.sha256, reads: e.reads }, scenario);
    return scenario;
  } catch {
    return undefined;
  }
}
