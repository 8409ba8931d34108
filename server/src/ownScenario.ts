import { formatDiagnostic, type Diagnostic, type Scenario } from '@drill/engine';
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
  for (const [path, text] of Object.entries(src.files)) files.set(libraryPath(path), text);
  const r = compileFromFiles(files, libraryPath(src.entry));
  if (r.ok) return { ok: true, scenario: r.scenario };
  const diagnostics = r.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    ok: false,
    diagnostics,
    reason: [
      `the scenario has ${errors} ${errors === 1 ? 'error' : 'errors'}:`,
      ...diagnostics.map((d) => formatDiagnostic(d)),
    ].join('\n'),
  };
}
