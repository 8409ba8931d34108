/**
 * @drill/scenarios — the shipped scenario library and the file-reading shell around the engine's
 * pure compiler (the engine does no I/O; this package reads files and resolves includes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileResult, Diagnostic, Scenario } from '@drill/engine';
import { fileNotFound, SHIPPED_IDS } from './library.ts';
import { precompiledEntries } from './precompiled-data.ts';
import { compileRecorded, heldScenario, holdCompiled, precompiledScenario } from './precompiled.ts';
import { readIncludeWithin } from './read-include-within.ts';

/** The folder holding the shipped scenario files. */
export const SCENARIO_DIR: string = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export { SHIPPED_IDS, DEFAULT_SCENARIO, compileFromFiles, libraryPath } from './library.ts';
export { readIncludeWithin } from './read-include-within.ts';

/** Ids of the shipped scenarios whose file is present. */
export function shippedScenarioIds(): string[] {
  return SHIPPED_IDS.filter((id) => existsSync(resolve(SCENARIO_DIR, `${id}.yaml`)));
}

/** Compiles a scenario file from disk, reading included files relative to the including one. */
export function loadScenarioFile(path: string): CompileResult {
  return compileFile(path).result;
}

/** loadScenarioFile's compile, with the files it read (see compileRecorded). */
function compileFile(path: string): ReturnType<typeof compileRecorded> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const message = `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    return { result: fileNotFound(path, message), files: undefined };
  }
  return compileRecorded(path, text, readIncludeWithin());
}

/**
 * The compiled scenario of a file, for commands that need only the scenario (not its warnings or source
 * positions): the one compiled with the CLI bundle when the files are unchanged since, else the one this
 * process compiled when they are unchanged since (precompiled.ts, `held`), else compiled now.
 */
export function loadScenarioModel(
  path: string,
): { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] } {
  const scenario = precompiledScenario(path, precompiledEntries()) ?? heldScenario(path);
  if (scenario) return { ok: true, scenario };
  const { result, files } = compileFile(path);
  if (result.ok && files) holdCompiled(files, result.scenario);
  return result;
}

/** A shipped id (`typhoon`) or a path to a YAML file. */
export function resolveScenarioPath(idOrPath: string, cwd: string = process.cwd()): string {
  if (SHIPPED_IDS.includes(idOrPath)) return resolve(SCENARIO_DIR, `${idOrPath}.yaml`);
  return resolve(cwd, idOrPath);
}

const cache = new Map<string, Scenario>();

/** Loads a shipped scenario or a file, throwing with every diagnostic when it is broken (for tests and tools). */
export function loadScenario(idOrPath: string, cwd?: string): Scenario {
  const path = resolveScenarioPath(idOrPath, cwd);
  const hit = cache.get(path);
  if (hit) return hit;
  const r = loadScenarioModel(path);
  if (!r.ok)
    throw new Error(
      `scenario ${idOrPath} is broken:\n${r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n')}`,
    );
  cache.set(path, r.scenario);
  return r.scenario;
}
