import { LANGUAGES, type Lang } from '@drill/engine';
import { UserError } from '../io.ts';
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

/** XLIFF 1.2, the exchange format of translation tools: one `trans-unit` per text, its id the key. */
export async function writeXliff(t: TranslationFile): Promise<string> {
  const { XMLBuilder } = await import('fast-xml-parser');
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
  });
  const body = builder.build({
    xliff: {
      '@_version': '1.2',
      '@_xmlns': 'urn:oasis:names:tc:xliff:document:1.2',
      file: {
        '@_original': t.scenario,
        '@_source-language': t.sourceLang,
        '@_target-language': t.targetLang,
        '@_datatype': 'plaintext',
        body: {
          'trans-unit': t.units.map((u) => ({
            '@_id': u.key,
            '@_xml:space': 'preserve',
            source: u.source,
            target: u.target,
          })),
        },
      },
    },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

function lang(v: string, where: string): Lang {
  const l = v.trim();
  if (!(LANGUAGES as readonly string[]).includes(l))
    throw new UserError(`${where}: language \`${l}\` is not one drill has (use ${LANGUAGES.join(' or ')})`);
  return l as Lang;
}

/** Reads a CSV written by `writeCsv` (and edited in a spreadsheet): the header names the two languages. */
export async function readCsv(text: string, file: string): Promise<TranslationFile> {
  const { parse } = await import('csv-parse/sync');
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true }) as string[][];
  } catch (e) {
    throw new UserError(`${file}: the CSV cannot be read: ${(e as Error).message}`);
  }
  const [head, ...body] = rows;
  if (!head || head[0]?.trim() !== 'key' || head.length < 3)
    throw new UserError(
      `${file}:1: the first row must be \`key,<source language>,<target language>\` (as \`drill texts export\` writes it); it is \`${(head ?? []).join(',')}\``,
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

/** The text inside `<source>`/`<target>`, whatever the parser made of it (a string, or text beside markup). */
function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && '#text' in v) return textOf((v as Record<string, unknown>)['#text']);
  return '';
}

/** Reads XLIFF 1.2 (as `writeXliff` writes it and translation tools return it). */
export async function readXliff(text: string, file: string): Promise<TranslationFile> {
  const { XMLParser, XMLValidator } = await import('fast-xml-parser');
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new UserError(`${file}:${valid.err.line}:${valid.err.col}: not well-formed XML: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => name === 'file' || name === 'trans-unit',
  });
  const doc = parser.parse(text) as {
    xliff?: { '@_version'?: string; file?: Record<string, unknown>[] };
  };
  const files = doc.xliff?.file;
  if (!doc.xliff || !files?.length)
    throw new UserError(`${file}: not an XLIFF file (no <xliff><file>…</file></xliff>)`);
  if (doc.xliff['@_version'] !== '1.2')
    throw new UserError(`${file}: XLIFF version ${doc.xliff['@_version'] ?? '?'}: drill reads XLIFF 1.2`);
  const f = files[0]!;
  const units = (
    (f.body as { 'trans-unit'?: Record<string, unknown>[] } | undefined)?.['trans-unit'] ?? []
  ).map((u) => ({ key: String(u['@_id'] ?? ''), source: textOf(u.source), target: textOf(u.target) }));
  return {
    scenario: String(f['@_original'] ?? ''),
    sourceLang: lang(String(f['@_source-language'] ?? ''), `${file}: source-language`),
    targetLang: lang(String(f['@_target-language'] ?? ''), `${file}: target-language`),
    units,
  };
}
