import { compileScenario, type CompileResult, type Scenario, formatDiagnostic } from '@drill/engine';

/*
 * The shipped scenarios as YAML text, one lazily loaded chunk per file (the scenarios package reads files with node:fs, so
 * the browser compiles the YAML itself with the engine's pure compiler).
 */
const loaders = import.meta.glob(
  ['../../scenarios/**/*.yaml', '!**/node_modules/**', '!../../scenarios/examples/**'],
  {
    query: '?raw',
    import: 'default',
  },
) as Record<string, () => Promise<string>>;

/** Menu order of the shipped scenarios; anything else found top-level follows alphabetically. */
const ORDER = ['typhoon', 'flood', 'rainstorm', 'earthquake'];
const PREFIX = '../../scenarios/';

function normalize(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

let byPath = new Map<string, string>();

/** Top-level files that are whole scenarios (parts carry no `id:` at the top and are only included). */
export const SHIPPED_IDS: string[] = [];

/**
 * Loads the scenario library: the YAML texts are separate chunks (data, not code), fetched once at start-up
 * so the app's own JavaScript stays small. Everything after this is synchronous.
 */
export async function loadLibrary(): Promise<void> {
  if (byPath.size) return;
  const entries = await Promise.all(
    Object.entries(loaders).map(
      async ([k, load]) => [normalize(k.slice(PREFIX.length)), await load()] as const,
    ),
  );
  byPath = new Map(entries);
  const ids = [...byPath.keys()]
    .filter((p) => !p.includes('/') && /^id:\s/m.test(byPath.get(p)!))
    .map((p) => p.replace(/\.yaml$/, ''))
    .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  SHIPPED_IDS.splice(0, SHIPPED_IDS.length, ...ids);
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i + 1);
}

const cache = new Map<string, CompileResult>();

/** Compiles a shipped scenario, resolving `include` among the bundled files. */
export function compileShipped(id: string): CompileResult {
  const hit = cache.get(id);
  if (hit) return hit;
  const path = `${id}.yaml`;
  const text = byPath.get(path);
  const r: CompileResult =
    text === undefined
      ? {
          ok: false,
          diagnostics: [
            {
              severity: 'error',
              code: 'file-not-found',
              file: path,
              line: 1,
              column: 1,
              path: '',
              message: `no shipped scenario \`${id}\``,
            },
          ],
        }
      : compileScenario({ path, text }, (from, inc) => {
          const p = normalize(dirOf(from) + inc);
          const t = byPath.get(p);
          return t === undefined ? undefined : { path: p, text: t };
        });
  cache.set(id, r);
  return r;
}

/** Compiles a scenario file the trainer picked (no includes: the browser cannot read its neighbours). */
export function compileText(name: string, text: string): CompileResult {
  const key = `${name}\u0000${text}`;
  const hit = fileCache.get(key);
  if (hit) return hit;
  const r = compileScenario({ path: name, text });
  fileCache.clear(); // one picked file at a time is enough; keeps memory flat
  fileCache.set(key, r);
  return r;
}
const fileCache = new Map<string, CompileResult>();

export function compileError(r: CompileResult): string {
  return r.ok
    ? ''
    : r.diagnostics
        .filter((d) => d.severity === 'error')
        .slice(0, 5)
        .map(formatDiagnostic)
        .join('\n');
}

export type ScenarioSource = { kind: 'shipped'; id: string } | { kind: 'file'; name: string; text: string };

export function compileSource(src: ScenarioSource): CompileResult {
  return src.kind === 'shipped' ? compileShipped(src.id) : compileText(src.name, src.text);
}

/** The scenario a transcript names, among the shipped ones and any extra compiled ones. */
export function scenarioById(id: string, extra: Scenario[] = []): Scenario | undefined {
  const x = extra.find((s) => s.id === id);
  if (x) return x;
  if (!SHIPPED_IDS.includes(id)) return undefined;
  const r = compileShipped(id);
  return r.ok ? r.scenario : undefined;
}

/**
 * A shipped scenario's title for the menu, read from the YAML text without compiling it (compiling every
 * scenario just to list them would cost a second or more at start-up). Falls back to the id.
 */
export function shippedTitle(id: string, lang: 'en' | 'zh-CN'): string {
  const text = byPath.get(`${id}.yaml`) ?? '';
  const block = /^title:(.*(?:\r?\n[ \t]+.*)*)/m.exec(text)?.[1] ?? '';
  const value = (raw: string | undefined): string | undefined => {
    if (raw === undefined) return undefined;
    const s = raw.trim();
    if (s.startsWith('"')) {
      try {
        return JSON.parse(s.replace(/,\s*$/, '')) as string;
      } catch {
        return s.slice(1, s.lastIndexOf('"'));
      }
    }
    if (s.startsWith("'")) return s.slice(1, s.lastIndexOf("'")).replace(/''/g, "'");
    return s || undefined;
  };
  const key = (k: string): string | undefined =>
    value(
      new RegExp(
        `(?:^|[\\s{,])${k.replace('-', '\\-')}:[ \\t]*("(?:[^"\\\\]|\\\\.)*"|'(?:[^']|'')*'|[^,}\\r\\n]+)`,
      ).exec(block)?.[1],
    );
  const plain =
    block.trim() && !block.trim().startsWith('{') && !/^\s*\n/.test(block) ? value(block) : undefined;
  return key(lang) ?? key('en') ?? plain ?? id;
}
