import { compileScenario, type CompileResult, type Scenario, formatDiagnostic } from '@drill/engine';
import { loadBundledFiles } from '@drill/scenarios/bundled';
import { compileFromFiles, SHIPPED_IDS as MENU_ORDER } from '@drill/scenarios/library';

/* The shipped scenarios come from @drill/scenarios as YAML text (its node loader reads files, so the
 * browser compiles the YAML itself with the engine's pure compiler). */
let files = new Map<string, string>();

/** The shipped scenarios present in this build, in the library's menu order. */
export const SHIPPED_IDS: string[] = [];

/**
 * Loads the scenario library (separate chunks of text, fetched once at start-up); everything after this is
 * synchronous.
 */
export async function loadLibrary(): Promise<void> {
  if (files.size) return;
  files = await loadBundledFiles();
  SHIPPED_IDS.splice(0, SHIPPED_IDS.length, ...MENU_ORDER.filter((id) => files.has(`${id}.yaml`)));
}

const cache = new Map<string, CompileResult>();

/** Compiles a shipped scenario, resolving `include` among the bundled files. */
export function compileShipped(id: string): CompileResult {
  const hit = cache.get(id);
  if (hit) return hit;
  const r = compileFromFiles(files, `${id}.yaml`);
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
  const text = files.get(`${id}.yaml`) ?? '';
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
