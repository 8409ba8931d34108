/**
 * The scenario library without the file system: the shipped ids in menu order, and compiling a scenario
 * from files held in memory. Safe in the browser (the web app imports it as `@drill/scenarios/library`);
 * the package's main entry adds the node loader.
 */
import { compileScenario, type CompileResult, type ReadInclude } from '@drill/engine';

/** Shipped scenarios, in menu order. The first is the default. */
export const SHIPPED_IDS: readonly string[] = ['typhoon', 'flood', 'rainstorm', 'earthquake', 'preseason'];
export const DEFAULT_SCENARIO = 'typhoon';

/** A path inside the library with `.` and `..` segments resolved (`typhoon/../typhoon/a.yaml` → `typhoon/a.yaml`). */
export function libraryPath(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i + 1);
}

/** A compile result that refuses a file it could not read, saying why. */
export function fileNotFound(path: string, message: string): CompileResult {
  return {
    ok: false,
    diagnostics: [
      { severity: 'error', code: 'file-not-found', file: path, line: 1, column: 1, path: '', message },
    ],
  };
}

/**
 * How the library resolves `include` without a file system: relative to the including file, and only
 * among the library's files (`get`: library-relative path → text, undefined when there is none).
 */
export function libraryReader(get: (path: string) => string | undefined): ReadInclude {
  return (from, inc) => {
    const p = libraryPath(dirOf(from) + inc);
    const t = get(p);
    return t === undefined ? undefined : { path: p, text: t };
  };
}

/**
 * Compiles the scenario at `path` among in-memory files (library-relative path → text), resolving
 * `include` relative to the including file and only among those files: how a browser, which cannot read
 * files, compiles the shipped library.
 */
export function compileFromFiles(files: ReadonlyMap<string, string>, path: string): CompileResult {
  const text = files.get(path);
  if (text === undefined) return fileNotFound(path, `no scenario file \`${path}\` in the library`);
  return compileScenario(
    { path, text },
    libraryReader((p) => files.get(p)),
  );
}
