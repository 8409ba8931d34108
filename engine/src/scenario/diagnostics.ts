/** One problem found in a scenario file, pointing at where a trainer can fix it. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** A short stable code, e.g. `unknown-role`, for tests and filtering. */
  code: string;
  file: string;
  line: number;
  column: number;
  /** The path inside the document, e.g. `decisions[3].options[1].effects[0]`. */
  path: string;
  message: string;
  hint?: string;
}

/** `file:line:column: error: message (at path) — hint` — the way compilers print, so editors can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path ? ` (at ${d.path})` : '';
  const hint = d.hint ? `\n    hint: ${d.hint}` : '';
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${where}${hint}`;
}

export function formatPath(path: readonly (string | number)[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

/** By file and position; stable for golden tests. Code-point order: the same on every locale. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return [...ds].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.message, b.message),
  );
}
