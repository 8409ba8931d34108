import { LANGUAGES, type Lang } from '@drill/engine';
import { UserError } from '../io.ts';
import { say } from '../say.ts';
import { csvField } from '../views/msel.ts';

/** One text for the translator: its key, the source-language text and the target-language text ('' when missing). */
export interface TranslationUnit {
  key: string;
  source: string;
  target: string;
}

export interface TranslationFile {
  /** The scenario id, for the XLIFF `original` attribute. */
  scenario: string;
  sourceLang: Lang;
  targetLang: Lang;
  units: TranslationUnit[];
}

export type TranslationFormat = 'csv' | 'xliff';

/** The format a file name implies: `.csv`, or `.xlf`/`.xliff`/`.xml` for XLIFF. */
export function formatOfFile(name: string): TranslationFormat | undefined {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.(xlf|xliff|xml)$/i.test(name)) return 'xliff';
  return undefined;
}

/** CSV: `key,<source lang>,<target lang>`; a byte-order mark and CRLF lines, so spreadsheet programs read Chinese right. */
export function writeCsv(t: TranslationFile): string {
  const rows = [['key', t.sourceLang, t.targetLang], ...t.units.map((u) => [u.key, u.source, u.target])];
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** An XML NMTOKEN (what an XLIFF 2.0 `id` must be): keys with `#n` are not one. */
const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;

/**
 * XLIFF 2.0, the exchange format of translation tools (OASIS, 2014): one `<unit>` per text, named by its
 * key (`name`) and, where the key is a valid XML id token, identified by it too; the target is left out
 * where the text has none (the segment's state is then `initial`). Texts keep their spaces and line breaks.
 */
export async function writeXliff(t: TranslationFile): Promise<string> {
  const { XMLBuilder } = await import('fast-xml-parser');
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
  });
  const ids = new Set<string>();
  const idFor = (key: string, n: number): string => {
    let id = NMTOKEN.test(key) ? key : `u${n + 1}`;
    while (ids.has(id)) id = `${id}_`;
    ids.add(id);
    return id;
  };
  const body = builder.build({
    xliff: {
      '@_xmlns': 'urn:oasis:names:tc:xliff:document:2.0',
      '@_version': '2.0',
      '@_srcLang': t.sourceLang,
      '@_trgLang': t.targetLang,
      file: {
        '@_id': 'f1',
        '@_original': t.scenario,
        unit: t.units.map((u, n) => ({
          '@_id': idFor(u.key, n),
          '@_name': u.key,
          '@_xml:space': 'preserve',
          segment: {
            '@_state': u.target === '' ? 'initial' : 'translated',
            source: u.source,
            ...(u.target === '' ? {} : { target: u.target }),
          },
        })),
      },
    },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

function lang(v: string, where: string): Lang {
  const l = v.trim();
  if (!(LANGUAGES as readonly string[]).includes(l))
    throw new UserError(
      say(
        `${where}: language \`${l}\` is not one drill has (use ${LANGUAGES.join(' or ')})`,
        `${where}：drill 没有语言“${l}”（可选 ${LANGUAGES.join('、')}）`,
      ),
    );
  return l as Lang;
}

/** Reads a CSV written by `writeCsv` (and edited in a spreadsheet): the header names the two languages. */
export async function readCsv(text: string, file: string): Promise<TranslationFile> {
  const { parse } = await import('csv-parse/sync');
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true }) as string[][];
  } catch (e) {
    throw new UserError(
      say(
        `${file}: the CSV cannot be read: ${(e as Error).message}`,
        `${file}：无法读取该 CSV：${(e as Error).message}`,
      ),
    );
  }
  const [head, ...body] = rows;
  if (!head || head[0]?.trim() !== 'key' || head.length < 3)
    throw new UserError(
      say(
        `${file}:1: the first row must be \`key,<source language>,<target language>\` (as \`drill texts export\` writes it); it is \`${(head ?? []).join(',')}\``,
        `${file}:1：第一行须为 \`key,<源语言>,<目标语言>\`（与 \`drill texts export\` 写出的一样）；现在是 \`${(head ?? []).join(',')}\``,
      ),
    );
  return {
    scenario: '',
    sourceLang: lang(head[1]!, `${file}:1`),
    targetLang: lang(head[2]!, `${file}:1`),
    units: body
      .filter((r) => (r[0] ?? '').trim() !== '')
      .map((r) => ({ key: r[0]!.trim(), source: r[1] ?? '', target: r[2] ?? '' })),
  };
}

/** `line:column` (1-based) of the first occurrence of `needle` in `text`, else of the file's start. */
function positionOf(text: string, needle: string): string {
  const at = Math.max(0, text.indexOf(needle));
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

type XmlNode = Record<string, unknown>;
const asList = (v: unknown): XmlNode[] =>
  v === undefined || v === null
    ? []
    : (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'object' ? (x as XmlNode) : { '#text': x }));

/**
 * The plain text inside `<source>`/`<target>`. drill's texts have no inline markup, so an element inside
 * one (`<ph/>`, `<pc>`, `<g>` …) would be lost: it is refused, at its unit, rather than dropped.
 */
function textOf(v: unknown, where: () => string): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const markup = Object.keys(v).filter((k) => k !== '#text' && !k.startsWith('@_'));
    if (markup.length)
      throw new UserError(
        say(
          `${where()}: <${markup[0]}> inside a text: drill’s texts are plain text, so write it as text (no inline markup)`,
          `${where()}：文字中有 <${markup[0]}>：drill 的文字是纯文本，请直接写成文字（不要行内标记）`,
        ),
      );
    return textOf((v as XmlNode)['#text'], where);
  }
  return '';
}

/**
 * Reads XLIFF 2.0 (as `writeXliff` writes it and translation tools return it: units may be in groups,
 * a unit may have several segments) and XLIFF 1.2 (the exchange format of older tools). A file that is
 * not well-formed XML is refused with the line and column of the first fault.
 */
export async function readXliff(text: string, file: string): Promise<TranslationFile> {
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new UserError(
      say(
        `${file}:${valid.err.line}:${valid.err.col}: not well-formed XML: ${valid.err.msg}`,
        `${file}:${valid.err.line}:${valid.err.col}：XML 格式不正确：${valid.err.msg}`,
      ),
    );
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ['file', 'group', 'unit', 'segment', 'ignorable', 'trans-unit'].includes(name),
  });
  const doc = parser.parse(text) as { xliff?: XmlNode };
  const x = doc.xliff;
  const files = asList(x?.file);
  if (!x || !files.length)
    throw new UserError(
      say(
        `${file}:1:1: not an XLIFF file (no <xliff><file>…</file></xliff>)`,
        `${file}:1:1：不是 XLIFF 文件（没有 <xliff><file>…</file></xliff>）`,
      ),
    );
  const version = String(x['@_version'] ?? '');
  if (version === '1.2') return readXliff12(files[0]!, file);
  if (version !== '2.0' && version !== '2.1')
    throw new UserError(
      say(
        `${file}:${positionOf(text, '<xliff')}: XLIFF version ${version || '(none)'}: drill reads XLIFF 2.0 (and 1.2)`,
        `${file}:${positionOf(text, '<xliff')}：XLIFF 版本 ${version || '（未注明）'}：drill 读取 XLIFF 2.0（和 1.2）`,
      ),
    );
  const units: TranslationUnit[] = [];
  const walk = (n: XmlNode): void => {
    for (const g of asList(n.group)) walk(g);
    for (const u of asList(n.unit)) {
      const id = String(u['@_id'] ?? '');
      const key = String(u['@_name'] ?? id);
      const where = (): string => `${file}:${positionOf(text, `id="${id}"`)}: unit \`${key}\``;
      if (!key)
        throw new UserError(
          say(
            `${file}:${positionOf(text, '<unit')}: a <unit> without id or name`,
            `${file}:${positionOf(text, '<unit')}：<unit> 没有 id 或 name`,
          ),
        );
      // A tool may split a text into segments (joined back in order); the whitespace it keeps apart as
      // <ignorable> cannot be put back in its place without the element order, so that is refused.
      if (asList(u.ignorable).length)
        throw new UserError(
          say(
            `${where()}: <ignorable> in a unit: join its segments and the text between them into one segment`,
            `${where()}：unit 中有 <ignorable>：请把它的各个 segment 连同其间的文字合并成一个 segment`,
          ),
        );
      const parts = asList(u.segment);
      units.push({
        key,
        source: parts.map((p) => textOf(p.source, where)).join(''),
        target: parts.map((p) => textOf(p.target, where)).join(''),
      });
    }
  };
  walk(files[0]!);
  return {
    scenario: String(files[0]!['@_original'] ?? ''),
    sourceLang: lang(String(x['@_srcLang'] ?? ''), `${file}:${positionOf(text, '<xliff')}: srcLang`),
    targetLang: lang(String(x['@_trgLang'] ?? ''), `${file}:${positionOf(text, '<xliff')}: trgLang`),
    units,
  };
}

/** XLIFF 1.2: `<trans-unit id=key>` with `<source>`/`<target>` under the file's `<body>`. */
function readXliff12(f: XmlNode, file: string): TranslationFile {
  const units = asList((f.body as XmlNode | undefined)?.['trans-unit']).map((u) => {
    const key = String(u['@_id'] ?? '');
    const where = (): string => `${file}: trans-unit \`${key}\``;
    return { key, source: textOf(u.source, where), target: textOf(u.target, where) };
  });
  return {
    scenario: String(f['@_original'] ?? ''),
    sourceLang: lang(String(f['@_source-language'] ?? ''), `${file}: source-language`),
    targetLang: lang(String(f['@_target-language'] ?? ''), `${file}: target-language`),
    units,
  };
}
