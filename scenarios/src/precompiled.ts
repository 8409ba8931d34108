/**
 * Shipped scenarios compiled ahead of time (when the CLI bundle is built), so a `drill` command does not
 * parse and validate ~100 KB of YAML on every start — about half of the CPU of `drill run` or `drill
 * verify`. The files are read from disk, each time an entry is checked (see precompiled-core.ts for what
 * makes an entry usable; the web build's are in precompiled-files.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Scenario } from '@drill/engine';
import { precompiledFrom, precompileFrom, type PrecompileSource } from './precompiled-core.ts';
import { readIncludeWithin } from './read-include-within.ts';

export type { PrecompiledRead, PrecompiledScenario } from './precompiled-core.ts';

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
