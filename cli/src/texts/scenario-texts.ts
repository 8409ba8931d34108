import { LANGUAGES, scenarioJsonSchema, type Lang } from '@drill/engine';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';

/** One participant-facing text in a scenario file, found by walking the file with the format's schema. */
export interface TextEntry {
  /** Stable, id-based: `injects.forecast.text`, `decisions.warn.options.call_answer.feedback`, `variables.level.levels.#0.label`. */
  key: string;
  /** Which file of the scenario (main or included) holds it. */
  file: string;
  /** The text per language; a plain string counts as `plainLang`. */
  values: Partial<Record<Lang, string>>;
  /** The YAML node: a scalar (one string) or a map `{ en: …, zh-CN: … }`. */
  node: Scalar | YAMLMap;
  /** The map entry whose value it is (for the key's indentation when a string becomes a map). */
  pair: Pair;
}

/** One scenario file's text and its texts. */
export interface FileTexts {
  file: string;
  source: string;
  entries: TextEntry[];
}

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

/** `{ anyOf: [string, { en, zh-CN }] }`: the shape every localized text has in the format's schema. */
function isTextSchema(s: JsonSchema | undefined): boolean {
  const any = s?.anyOf;
  if (!any || any.length !== 2) return false;
  const obj = any.find((x) => x.type === 'object');
  const keys = Object.keys(obj?.properties ?? {});
  return (
    any.some((x) => x.type === 'string') &&
    keys.length === LANGUAGES.length &&
    LANGUAGES.every((l) => keys.includes(l))
  );
}

/** The object member of a union (`due: T-4h | +1h` has none; a part file vs a main file has two). */
function objectSchema(s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return undefined;
  if (s.type === 'object' || s.type === 'array') return s;
  return s.anyOf?.find((x) => x.type === 'object' || x.type === 'array');
}

const TOP = scenarioJsonSchema() as JsonSchema;

/**
 * Every localized text in one YAML file, by walking the document beside the format's JSON Schema: the
 * fields the schema declares as text (and only those) are found, including any the format gains later.
 * List items are named by their `id` (stable across edits and reordering), else by position (`#0`).
 */
export function fileTexts(file: string, source: string, plainLang: Lang): FileTexts {
  const doc = parseDocument(source);
  const entries: TextEntry[] = [];
  const isPart = doc.get('format') === 'drill/1-part';
  const root = TOP.anyOf?.[isPart ? 1 : 0];
  const walk = (node: unknown, schema: JsonSchema | undefined, path: string[]): void => {
    const s = objectSchema(schema);
    if (!s) return;
    if (isMap(node) && s.type === 'object')
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const sub = key === undefined ? undefined : s.properties?.[key];
        if (key === undefined || !sub) continue;
        if (isTextSchema(sub)) {
          const e = textEntry(pair, [...path, key].join('.'), file, plainLang);
          if (e) entries.push(e);
        } else walk(pair.value, sub, [...path, key]);
      }
    else if (isSeq(node) && s.type === 'array')
      node.items.forEach((item, i) => {
        const id = isMap(item) ? item.get('id') : undefined;
        walk(item, s.items, [...path, typeof id === 'string' ? id : `#${i}`]);
      });
  };
  walk(doc.contents, root, []);
  return { file, source, entries };
}

function textEntry(pair: Pair, key: string, file: string, plainLang: Lang): TextEntry | undefined {
  const v = pair.value as Node | null;
  if (isScalar(v) && typeof v.value === 'string')
    return { key, file, values: { [plainLang]: v.value }, node: v, pair };
  if (isMap(v)) {
    const values: Partial<Record<Lang, string>> = {};
    for (const p of v.items)
      if (isScalar(p.key) && isScalar(p.value) && typeof p.value.value === 'string')
        values[String(p.key.value) as Lang] = p.value.value;
    return { key, file, values, node: v, pair };
  }
  return undefined;
}

/** The column a source position is in (0-based). */
function columnAt(src: string, pos: number): number {
  return pos - (src.lastIndexOf('\n', pos - 1) + 1);
}

/** A one-line YAML string: double-quoted with JSON's escapes (valid YAML 1.2), safe in any context. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/**
 * A text as a literal block (`|`) for a key at column `indent`, ending with a line break, or undefined
 * when it is better quoted (one line, or a first line starting with a space, which would need an indicator).
 */
function literal(text: string, indent: number): string | undefined {
  if (!text.includes('\n') || /^[ \t]/.test(text)) return undefined;
  const trailing = /\n*$/.exec(text)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = text.slice(0, text.length - trailing);
  const pad = ' '.repeat(indent + 2);
  const lines = body.split('\n').map((l) => (l ? pad + l : ''));
  return `|${chomp}\n${lines.join('\n')}\n${'\n'.repeat(Math.max(0, trailing - 1))}`;
}

/** An edit of the original text: replace `[from, to)` with `text`. */
interface Splice {
  from: number;
  to: number;
  text: string;
}

const ORDER = (l: string): number => {
  const i = (LANGUAGES as readonly string[]).indexOf(l);
  return i < 0 ? LANGUAGES.length : i;
};

/**
 * The splice that sets `lang`'s text of one entry, touching nothing else in the file: the comments,
 * the layout and every other text stay byte for byte. A one-line text goes in quotes; a text with line
 * breaks in a block map as a literal block. A plain string becomes `{ <its language>: …, <lang>: … }`.
 */
function spliceFor(src: string, e: TextEntry, lang: Lang, text: string, plainLang: Lang): Splice {
  const keyCol = columnAt(src, e.pair.key && isScalar(e.pair.key) ? e.pair.key.range![0] : 0);
  if (isScalar(e.node)) {
    const [from, to] = e.node.range!;
    const isBlock = src[to - 1] === '\n';
    if (lang === plainLang) {
      const v = isBlock ? (literal(text, keyCol) ?? `${quoted(text)}\n`) : quoted(text);
      return { from, to, text: v };
    }
    const values = { [plainLang]: String(e.node.value), [lang]: text };
    const langs = Object.keys(values).sort((a, b) => ORDER(a) - ORDER(b));
    if (!isBlock && !text.includes('\n')) {
      const original =
        e.node.type === 'QUOTE_DOUBLE' || e.node.type === 'QUOTE_SINGLE'
          ? src.slice(from, to)
          : quoted(String(e.node.value));
      const part = (l: string): string => `${l}: ${l === lang ? quoted(text) : original}`;
      return { from, to, text: `{ ${langs.map(part).join(', ')} }` };
    }
    // A block: the string becomes a block map under its key.
    const ind = keyCol + 2;
    const line = (l: string): string => {
      const v = values[l]!;
      return `${' '.repeat(ind)}${l}: ${literal(v, ind) ?? `${quoted(v)}\n`}`;
    };
    const start = src[from - 1] === ' ' ? from - 1 : from;
    const out = `\n${langs.map(line).join('')}`;
    return { from: start, to, text: isBlock ? out : out.replace(/\n$/, '') };
  }
  // A map { en: …, zh-CN: … }.
  const map = e.node;
  const existing = map.items.find((p) => isScalar(p.key) && p.key.value === lang);
  if (existing && isScalar(existing.value)) {
    const [from, to] = existing.value.range!;
    const isBlock = src[to - 1] === '\n';
    const col = columnAt(src, (existing.key as Scalar).range![0]);
    const v = map.flow
      ? quoted(text)
      : isBlock
        ? (literal(text, col) ?? `${quoted(text)}\n`)
        : (literal(text, col)?.replace(/\n$/, '') ?? quoted(text));
    return { from, to, text: v };
  }
  const before = map.items.find((p) => isScalar(p.key) && ORDER(String(p.key.value)) > ORDER(lang));
  if (map.flow) {
    if (before)
      return {
        from: (before.key as Scalar).range![0],
        to: (before.key as Scalar).range![0],
        text: `${lang}: ${quoted(text)}, `,
      };
    const last = map.items[map.items.length - 1];
    if (!last) {
      const open = map.range![0] + 1;
      return { from: open, to: open, text: ` ${lang}: ${quoted(text)} ` };
    }
    const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Scalar).range![1];
    return { from: end, to: end, text: `, ${lang}: ${quoted(text)}` };
  }
  const firstKey = map.items[0]!.key as Scalar;
  const col = columnAt(src, firstKey.range![0]);
  const value = literal(text, col) ?? `${quoted(text)}\n`;
  const entry = `${' '.repeat(col)}${lang}: ${value}`;
  if (before) {
    const lineStart = src.lastIndexOf('\n', (before.key as Scalar).range![0] - 1) + 1;
    return { from: lineStart, to: lineStart, text: entry };
  }
  const last = map.items[map.items.length - 1]!;
  const lastEnd = (last.value as Node).range![1];
  if (src[lastEnd - 1] === '\n') return { from: lastEnd, to: lastEnd, text: entry };
  const eol = src.indexOf('\n', lastEnd);
  const at = eol < 0 ? src.length : eol;
  return { from: at, to: at, text: `\n${entry.replace(/\n$/, '')}` };
}

/** The file's text with the given translations written in; only the texts that change are touched. */
export function applyTexts(
  f: FileTexts,
  changes: { entry: TextEntry; lang: Lang; text: string }[],
  plainLang: Lang,
): string {
  const splices = changes
    .map((c) => spliceFor(f.source, c.entry, c.lang, c.text, plainLang))
    .sort((a, b) => b.from - a.from);
  let out = f.source;
  for (const s of splices) out = out.slice(0, s.from) + s.text + out.slice(s.to);
  return out;
}
