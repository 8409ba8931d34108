import { type CompileResult, type Diagnostic, type Scenario, formatDiagnostic } from '@drill/engine';
import { loadBundledFiles, loadBundledPrecompiled } from '@drill/scenarios/bundled';
import { compileFromFiles, SHIPPED_IDS as MENU_ORDER } from '@drill/scenarios/library';
import { loadModelFromFiles } from '@drill/scenarios/precompiled-files';

/* The shipped scenarios come from @drill/scenarios as YAML text (its node loader reads files, so the
 * browser compiles the YAML itself with the engine's pure compiler), and in a built app also compiled
 * by `vite build`: the page uses those while they match the YAML it holds. */
let files = new Map<string, string>();
let precompiled: unknown = [];

/** The shipped scenarios present in this build, in the library's menu order. */
export const SHIPPED_IDS: string[] = [];

/**
 * Loads the scenario library (separate chunks of text, fetched once at start-up); everything after this is
 * synchronous.
 */
export async function loadLibrary(): Promise<void> {
  if (files.size) return;
  [files, precompiled] = await Promise.all([loadBundledFiles(), loadBundledPrecompiled()]);
  SHIPPED_IDS.splice(0, SHIPPED_IDS.length, ...MENU_ORDER.filter((id) => files.has(`${id}.yaml`)));
}

/**
 * A compiled scenario or why it does not compile: what the pages use of the compiler's result (a shipped
 * scenario precompiled at build time has no source positions or warnings to give).
 */
export type Compiled = { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] };

const cache = new Map<string, Compiled>();

/**
 * A shipped scenario: the one `vite build` compiled while it matches the bundled YAML (the same scenario
 * compiling gives: scenarios/src/precompiled-files.ts), else compiled from the YAML, resolving `include`
 * among the bundled files.
 */
export function compileShipped(id: string): Compiled {
  const hit = cache.get(id);
  if (hit) return hit;
  const r = loadModelFromFiles(files, `${id}.yaml`, precompiled);
  cache.set(id, r);
  return r;
}

/** Compiles a single scenario file (a save from before several files could be picked: no includes). */
export function compileText(name: string, text: string): CompileResult {
  return compileFiles({ [name]: text }, name);
}

/**
 * Compiles the trainer's own scenario from the files they picked (path → text), resolving `include`
 * among those files only — the browser cannot read anything else, and a part outside the pick is
 * reported as not found with its file:line:col.
 */
export function compileFiles(picked: Readonly<Record<string, string>>, entry: string): CompileResult {
  const key = filesKey(picked, entry);
  const hit = ownCache.get(key);
  if (hit) return hit;
  const map = new Map<string, string>();
  for (const [path, text] of Object.entries(picked)) map.set(path, text);
  const result = compileFromFiles(map, entry);
  // A few at a time (the remembered one, a saved drill's, one being picked); keeps memory flat.
  if (ownCache.size >= 4) ownCache.delete(ownCache.keys().next().value!);
  ownCache.set(key, result);
  return result;
}
const ownCache = new Map<string, CompileResult>();
const filesKey = (picked: Readonly<Record<string, string>>, entry: string): string =>
  [entry, ...Object.entries(picked).flatMap(([p, t]) => [p, t])].join('\u0000');

/** Every problem of a scenario that does not compile, errors and warnings, as compilers print them. */
export function compileError(r: Compiled): string {
  return r.ok ? '' : r.diagnostics.map(formatDiagnostic).join('\n');
}

/**
 * Where a drill's scenario comes from: a shipped one, the trainer's own files (the entry file and its
 * includes), or — in saves from earlier versions — one picked file.
 */
export type ScenarioSource =
  { kind: 'shipped'; id: string } | OwnScenario | { kind: 'file'; name: string; text: string };
/** The trainer's own scenario: the file to compile and every file picked with it (path → text). */
export interface OwnScenario {
  kind: 'files';
  entry: string;
  files: Record<string, string>;
}

/** The one loader: every page compiles a scenario source through here. */
export function compileSource(src: ScenarioSource): Compiled {
  switch (src.kind) {
    case 'shipped':
      return compileShipped(src.id);
    case 'files':
      return compileFiles(src.files, src.entry);
    case 'file':
      return compileText(src.name, src.text);
    default: {
      const never: never = src;
      throw new Error(`unknown scenario source ${JSON.stringify(never)}`);
    }
  }
}

/** The scenario source as the create-room request carries it: a shipped id, or the files themselves. */
export function sourceForRoom(
  src: ScenarioSource,
): string | { entry: string; files: Record<string, string> } {
  switch (src.kind) {
    case 'shipped':
      return src.id;
    case 'files':
      return { entry: src.entry, files: src.files };
    case 'file':
      return { entry: src.name, files: { [src.name]: src.text } };
    default: {
      const never: never = src;
      throw new Error(`unknown scenario source ${JSON.stringify(never)}`);
    }
  }
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
