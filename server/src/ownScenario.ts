import { diagnosticsText, type Diagnostic, type Scenario } from '@drill/engine';
import { compileFromFiles, libraryPath } from '@drill/scenarios/library';
import type { ScenarioSource } from './protocol.ts';

/**
 * Compiles a trainer's own scenario from the files the console sent (paths relative to one another;
 * includes resolve only among them, never on the server's disk). A scenario with any error is refused
 * with every diagnostic the compiler found, each at its file:line:column.
 */
export function compileOwnScenario(
  src: ScenarioSource,
): { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[]; reason: string } {
  const files = new Map<string, string>();
  // Two names of one file (`d.yaml` and `./d.yaml`, `a/../d.yaml`): which text the scenario holds would
  // depend on the order of the request's keys, and a page compiling the stored files could read the
  // other one. A folder the console reads never has both, so the request is refused, naming them.
  const named = new Map<string, string>();
  const twice: Diagnostic[] = [];
  for (const [path, text] of Object.entries(src.files)) {
    const p = libraryPath(path);
    const first = named.get(p);
    if (first !== undefined)
      twice.push({
        severity: 'error',
        code: 'duplicate-file',
        file: path,
        line: 1,
        column: 1,
        path: '',
        message: `\`${path}\` and \`${first}\` name the same file \`${p}\`: send it once`,
      });
    else named.set(p, path);
    files.set(p, text);
  }
  const r = twice.length
    ? { ok: false as const, diagnostics: twice }
    : compileFromFiles(files, libraryPath(src.entry));
  if (r.ok) return { ok: true, scenario: r.scenario };
  // `reason` in English (the server words its answer in the request's language from the diagnostics).
  return { ok: false, diagnostics: r.diagnostics, reason: diagnosticsText(r.diagnostics, 'en') };
}
