import {
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import { formatPath } from './diagnostics.ts';
import { explainYaml } from './yaml-words.ts';

// With the `u` flag a well-formed pair is one code point, so only unpaired halves match.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * How deep lists and mappings may nest. A scenario needs a handful of levels; far deeper input (a
 * hostile or broken file) would exhaust the stack of the parser or of any later walk over the data.
 */
export const MAX_YAML_DEPTH = 100;

/** A YAML file with what is needed to turn a document path back into line:column. */
export class SourceFile {
  readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lines = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
  }

  /** YAML syntax problems, each with its position — including aliases that cannot be resolved into data. */
  syntaxDiagnostics(): Diagnostic[] {
    // U+FFFD is what a reader puts where bytes were not UTF-8: a file saved as GBK or "ANSI" (a common
    // default of Chinese editors) reads as valid YAML with every Chinese text turned into ���. Refused at
    // the first one, before the garbled texts could be played.
    const garbled = this.text.indexOf('\ufffd');
    if (garbled >= 0)
      return [
        {
          severity: 'error',
          code: 'not-utf8',
          file: this.path,
          ...this.position(garbled),
          path: '',
          message: 'this file is not UTF-8: here a character could not be read (�)',
          hint: 'save the file as UTF-8 (in Notepad: Save as → Encoding → UTF-8); GBK or ANSI files turn Chinese text into �',
        },
      ];
    const found = [...this.doc.errors, ...this.doc.warnings];
    if (found.length === 0) {
      const structural = this.structureDiagnostics();
      if (structural.length) return structural;
      // Building the data fails on an alias to no anchor (`*a`) or an alias bomb: report it, do not throw.
      try {
        this.doc.toJS();
      } catch (e) {
        let at = 0;
        visit(this.doc, {
          Alias: (_k, node) => {
            at = node.range?.[0] ?? 0;
            return visit.BREAK;
          },
        });
        const { line, column } = this.position(at);
        const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        return [
          {
            severity: 'error',
            code: 'yaml-alias',
            file: this.path,
            line,
            column,
            path: '',
            message,
            hint: 'define the anchor (&name) before its alias (*name), and do not nest aliases deeply',
          },
        ];
      }
    }
    if (found.length === 0) return [];
    // The parser ran out of stack: say what that means for the file, not the engine's words for it.
    const overflow = found.find((e) => /call stack/i.test(e.message));
    if (overflow) return [this.tooDeep(overflow.pos[0])];
    // One message for the first mistake: the parser's later ones are mostly its consequences.
    const w = explainYaml(
      this.text,
      found.map((e) => {
        const { line, col } = this.lines.linePos(e.pos[0]);
        return {
          code: e.code,
          message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''),
          line,
          column: col,
        };
      }),
    )!;
    return [
      {
        severity: 'error',
        code: 'yaml-syntax',
        file: this.path,
        line: w.line,
        column: w.column,
        path: '',
        message: w.message,
        hint: w.hint,
      },
    ];
  }

  /**
   * What the YAML library accepts but no later step can handle: an alias inside the node it names (a
   * loop: the data would be infinite, and hashing or walking it never ends or throws) and a text with
   * a lone surrogate escape (`"\ud800"`: no UTF-8 encoding exists, so it cannot be hashed or shown).
   */
  private structureDiagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const at = (offset: number, code: string, message: string, hint: string): Diagnostic => ({
      severity: 'error',
      code,
      file: this.path,
      ...this.position(offset),
      path: '',
      message,
      hint,
    });
    visit(this.doc, {
      Collection: (_k, node, path) => {
        if (path.filter((p) => isCollection(p)).length < MAX_YAML_DEPTH) return undefined;
        out.push(this.tooDeep(node.range?.[0] ?? 0));
        return visit.BREAK;
      },
      // `{ a: 1 }: x` or `[a]: x`: building the data would stringify the key (and print a warning).
      Pair: (_k, pair) => {
        if (isCollection(pair.key)) {
          out.push(
            at(
              (pair.key as Node).range?.[0] ?? 0,
              'yaml-key',
              'a key here is a list or a mapping; keys are plain words',
              'write `key: value`; a `?` or a `{`/`[` before the colon makes a complex key',
            ),
          );
          return visit.BREAK;
        }
        return undefined;
      },
      Alias: (_k, node, path) => {
        const target = node.resolve(this.doc);
        if (target && (path as readonly unknown[]).includes(target)) {
          out.push(
            at(
              node.range?.[0] ?? 0,
              'yaml-alias',
              `the alias *${node.source} refers to a node that contains it (a loop)`,
              'an alias may only repeat a node defined elsewhere, not one it is part of',
            ),
          );
          return visit.BREAK;
        }
        return undefined;
      },
      Scalar: (_k, node) => {
        if (typeof node.value === 'string' && LONE_SURROGATE.test(node.value)) {
          out.push(
            at(
              node.range?.[0] ?? 0,
              'bad-text',
              'this text holds a lone surrogate escape (such as \\ud800), which is not a character',
              'write the character itself, or escape a whole pair (\\ud83d\\ude00)',
            ),
          );
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return out;
  }

  private tooDeep(offset: number): Diagnostic {
    return {
      severity: 'error',
      code: 'yaml-depth',
      file: this.path,
      ...this.position(offset),
      path: '',
      message: `the file is nested too deeply (more than ${MAX_YAML_DEPTH} levels of lists and mappings)`,
      hint: 'a scenario needs only a few levels: look for brackets [ or { that are never closed, or indentation that keeps growing',
    };
  }

  /** line/column (1-based) of a character offset. */
  position(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /** The node at a document path, or the nearest ancestor that exists. */
  nodeAt(path: readonly (string | number)[]): { node: Node | undefined; exact: boolean } {
    let node: unknown = this.doc.contents;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      let next: unknown;
      if (isMap(node)) next = node.get(key, true);
      else if (isSeq(node) && typeof key === 'number') next = node.get(key, true);
      if (next === undefined || next === null) return { node: node as Node, exact: false };
      node = next;
    }
    return { node: node as Node, exact: true };
  }

  /** Where the key itself stands, for "unknown key" problems. */
  keyOffset(path: readonly (string | number)[], key: string): number | undefined {
    const { node, exact } = this.nodeAt(path);
    if (!exact || !isMap(node)) return undefined;
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  }

  /** Offset of the first character of a string value's content (after an opening quote). */
  valueContentOffset(path: readonly (string | number)[]): number | undefined {
    const { node, exact } = this.nodeAt(path);
    if (!exact || !node?.range) return undefined;
    const start = node.range[0];
    if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) return start + 1;
    return start;
  }

  diagnostic(
    path: readonly (string | number)[],
    code: string,
    message: string,
    extra: { hint?: string; offset?: number; severity?: 'error' | 'warning'; atKey?: string } = {},
  ): Diagnostic {
    let offset = extra.offset;
    if (offset === undefined && extra.atKey !== undefined) offset = this.keyOffset(path, extra.atKey);
    if (offset === undefined) {
      const { node } = this.nodeAt(path);
      offset = node?.range?.[0] ?? 0;
    }
    const { line, column } = this.position(offset);
    return {
      severity: extra.severity ?? 'error',
      code,
      file: this.path,
      line,
      column,
      path: formatPath(extra.atKey !== undefined ? [...path, extra.atKey] : path),
      message,
      ...(extra.hint ? { hint: extra.hint } : {}),
    };
  }
}
