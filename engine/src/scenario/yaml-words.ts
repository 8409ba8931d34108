/**
 * One plain-words message for a YAML structure mistake, instead of the 2–14 parser messages a single
 * misplaced space sets off (each later one a consequence of the first, some pointing at the wrong
 * line). Called only when the parser has failed, so its guesses never flag a file YAML accepts.
 */

/** A parser problem: its code (yaml's ErrorCode), message and 1-based position. */
export interface YamlProblem {
  code: string;
  message: string;
  line: number;
  column: number;
}

export interface YamlWords {
  line: number;
  column: number;
  message: string;
  hint: string;
}

/** The parser's problems that a misplaced line sets off (an unclosed quote or bracket does not). */
const INDENT_CODES = new Set([
  'BAD_INDENT',
  'MULTILINE_IMPLICIT_KEY',
  'BLOCK_AS_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
  'TAB_AS_INDENT',
]);

function misplacedLine(p: YamlProblem): boolean {
  return INDENT_CODES.has(p.code) || (p.code === 'MISSING_CHAR' && !/quote|flow|[}\]]/i.test(p.message));
}

const QUOTE_HINT = (key: string, value: string): string =>
  `put the text in quotes: ${key ? `${key}: ` : ''}"${value.replace(/"/g, '\\"')}"`;

/** The first mistake, in words, or undefined when no rule explains the parser's problems. */
export function explainYaml(text: string, problems: readonly YamlProblem[]): YamlWords | undefined {
  if (problems.length === 0) return undefined;
  const lines = text.split(/\r?\n/);
  const first = [...problems].sort((a, b) => a.line - b.line || a.column - b.column)[0]!;
  return (
    tabs(lines, first) ??
    tagOrReserved(lines, problems) ??
    colonInText(lines, problems) ??
    noSpaceAfterColon(lines, first) ??
    (misplacedLine(first) ? indentation(lines, first) : undefined) ??
    reword(first, lines)
  );
}

/** A tab in the indentation of a line at or before the first problem. */
function tabs(lines: string[], first: YamlProblem): YamlWords | undefined {
  for (let i = 0; i < Math.min(lines.length, first.line); i++) {
    const lead = /^[ \t]*/.exec(lines[i]!)![0];
    const at = lead.indexOf('\t');
    if (at >= 0 && lead.length < lines[i]!.length)
      return {
        line: i + 1,
        column: at + 1,
        message: 'this line is indented with a tab; YAML indents with spaces only',
        hint: 'replace the tab with spaces (2 per level), lined up with the keys of the same level',
      };
  }
  return undefined;
}

/** A text starting with `!`, `&`, `*`, `@`, `%` or a backquote: YAML reads the first three as a tag, anchor or alias. */
function tagOrReserved(lines: string[], problems: readonly YamlProblem[]): YamlWords | undefined {
  const p = problems.find(
    (x) => x.code === 'TAG_RESOLVE_FAILED' || x.code === 'BAD_SCALAR_START' || x.code === 'BAD_ALIAS',
  );
  if (!p) return undefined;
  const line = lines[p.line - 1] ?? '';
  const m = /^(\s*(?:-\s+)?)([\w-]+):\s+(.*)$/.exec(line);
  const value = m ? m[3]!.trim() : line.slice(p.column - 1).trim();
  const lead = value[0] ?? '!';
  const what =
    lead === '!'
      ? 'a YAML tag'
      : lead === '&'
        ? 'a YAML anchor'
        : lead === '*'
          ? 'a YAML alias'
          : 'a character YAML reserves';
  return {
    line: p.line,
    column: m ? line.lastIndexOf(m[3]!) + 1 : p.column,
    message: `a text that starts with \`${lead}\` is read as ${what}, not as text`,
    hint: QUOTE_HINT(m ? m[2]! : '', value),
  };
}

/** A text holding `: ` (or ending in `:`) written without quotes: YAML reads it as another key. */
function colonInText(lines: string[], problems: readonly YamlProblem[]): YamlWords | undefined {
  for (const p of problems) {
    if (
      !['MULTILINE_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'UNEXPECTED_TOKEN', 'BLOCK_AS_IMPLICIT_KEY'].includes(
        p.code,
      )
    )
      continue;
    const line = lines[p.line - 1] ?? '';
    // `key: value: more` in block style.
    const block = /^(\s*(?:-\s+)?)([\w-]+):\s+([^'"{[|>#&*!][^#]*?:(?:\s.*)?)$/.exec(line);
    if (block) {
      const value = block[3]!.trim();
      return {
        line: p.line,
        column: line.indexOf(value, block[1]!.length + block[2]!.length) + 1,
        message: `the text after \`${block[2]}:\` holds \`:\`, so YAML reads it as another key`,
        hint: QUOTE_HINT(block[2]!, value),
      };
    }
    // `{ en: Note: heavy rain., … }` in a flow mapping.
    const flow = /\{(.*)\}/.exec(line);
    if (flow) {
      for (const part of flow[1]!.split(',')) {
        const kv = /^\s*([\w-]+):\s+([^'"].*?:.*?)\s*$/.exec(part);
        if (kv)
          return {
            line: p.line,
            column: line.indexOf(kv[2]!) + 1,
            message: `the text after \`${kv[1]}:\` holds \`:\`, so YAML reads it as another key`,
            hint: QUOTE_HINT(kv[1]!, kv[2]!),
          };
      }
    }
  }
  return undefined;
}

/** `channel:phone`: without a space after the colon, YAML reads the whole as one word, not a key. */
function noSpaceAfterColon(lines: string[], first: YamlProblem): YamlWords | undefined {
  for (let i = Math.max(0, first.line - 2); i < Math.min(lines.length, first.line + 1); i++) {
    const m = /^(\s*(?:-\s+)?)([\w-]+):([^\s:/].*)$/.exec(lines[i]!);
    if (m)
      return {
        line: i + 1,
        column: m[1]!.length + m[2]!.length + 1,
        message: `\`${m[2]}:\` needs a space after the colon to be a key`,
        hint: `write ${m[2]}: ${m[3]!.trim()}`,
      };
  }
  return undefined;
}

/**
 * A line not lined up with the block it belongs to: every key of a mapping, and every `- ` of a list,
 * starts at the same column. Walks the lines up to the first problem with the stack of open
 * indentations; skips what YAML lets run over several lines (block texts, flow brackets, quotes).
 */
function indentation(lines: string[], first: YamlProblem): YamlWords | undefined {
  type Kind = 'map' | 'list' | 'both';
  const stack: { indent: number; kind: Kind }[] = [{ indent: 0, kind: 'map' }];
  let opens = false; // the previous line ends with `key:` and so opens a deeper block
  let plainValue = false; // the previous line is `key: text`, a text that may go on on deeper lines
  let prev: { indent: number; item: boolean; line: number } | undefined;
  let blockText: number | undefined; // indentation of a `key: |` line whose text follows
  let depth = 0;
  let quoted = false;
  // The mistake may be the line after the one the parser stopped at.
  const last = Math.min(lines.length, first.line + 1);
  for (let i = 0; i < last; i++) {
    const raw = lines[i]!;
    const content = raw.trimStart();
    const indent = raw.length - content.length;
    if (blockText !== undefined) {
      if (content === '' || indent > blockText) continue;
      blockText = undefined;
    }
    if (content === '' || content.startsWith('#')) continue;
    if (depth > 0 || quoted) {
      ({ depth, quoted } = scan(content, depth, quoted));
      continue;
    }
    const item = /^-(\s|$)/.test(content);
    const kind: Kind = item ? 'list' : 'map';
    const top = stack[stack.length - 1]!;
    const open = stack.map((l) => ({ ...l }));
    let problem: string | undefined;
    if (opens && prev && indent > prev.indent) stack.push({ indent, kind });
    // A list may sit at its key's own indentation (`roles:` then `- …` in the same column).
    else if (opens && item && prev && indent === prev.indent) top.kind = 'both';
    // A deeper line after `key: plain text` that is no key itself continues that text (valid YAML).
    else if (indent > top.indent && plainValue && !/^(?:-\s+)?[\w-]+:(\s|$)/.test(content)) continue;
    else if (indent > top.indent)
      problem = `this line is indented further than the keys above it (${indent} spaces, not ${top.indent})`;
    else {
      while (stack.length > 1 && stack[stack.length - 1]!.indent > indent) stack.pop();
      const level = stack[stack.length - 1]!;
      if (level.indent !== indent)
        problem = `this line is not lined up with the ${item ? 'list items' : 'keys'} above it (${indent} spaces)`;
      else if (level.kind !== 'both' && level.kind !== kind)
        problem = item
          ? 'this list item (`- `) stands where a key belongs: it is not indented under a list'
          : 'this key stands where a list item (`- `) belongs';
    }
    if (problem) {
      // The column it most likely belongs at: the nearest open level (or the deeper one it overshot).
      const same = open.filter((l) => l.kind === kind || l.kind === 'both');
      const levels = (same.length ? same : open).map((l) => l.indent);
      const want = levels.reduce((a, b) => (Math.abs(b - indent) <= Math.abs(a - indent) ? b : a));
      return {
        line: i + 1,
        column: indent + 1,
        message: problem,
        hint: `${item ? 'the `- ` of one list' : 'the keys of one mapping'} start in the same column: here column ${want + 1}, with spaces`,
      };
    }
    // `- key: value` opens the item's mapping where its first key stands.
    if (item && /^-\s+(?:[\w-]+|"[^"]*"|'[^']*'):(\s|$)/.test(content))
      stack.push({ indent: indent + content.length - content.slice(1).trimStart().length, kind: 'map' });
    opens = /^(?:-\s+)?[\w$-]+:\s*(#.*)?$/.test(content) || /^-\s*$/.test(content);
    plainValue = /^(?:-\s+)?[\w$-]+:\s+[^\s'"{[|>&*!#]/.test(content);
    if (/:\s*[|>][-+0-9]*\s*(#.*)?$/.test(content)) blockText = indent;
    ({ depth, quoted } = scan(content, 0, false));
    prev = { indent, item, line: i + 1 };
  }
  return undefined;
}

/** Open brackets and whether a double-quoted text is still open at the end of a line. */
function scan(s: string, depth: number, quoted: boolean): { depth: number; quoted: boolean } {
  let single = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
      continue;
    }
    if (single) {
      if (ch === "'") single = false;
      continue;
    }
    if (ch === '#' && (i === 0 || s[i - 1] === ' ')) break;
    if (ch === '"') quoted = true;
    else if (ch === "'" && (i === 0 || /[\s[{,:]/.test(s[i - 1]!))) single = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth = Math.max(0, depth - 1);
  }
  return { depth, quoted };
}

/**
 * Where an unclosed double-quoted text opens: the parser notices only where the file (or the next
 * quote) ends, often many lines later.
 */
function openingQuote(lines: string[], p: YamlProblem): { line: number; column: number } {
  let open: { line: number; column: number } | undefined;
  for (let i = 0; i < Math.min(lines.length, p.line); i++) {
    const l = lines[i]!;
    for (let j = 0; j < l.length; j++) {
      if (l[j] === '#' && !open && (j === 0 || l[j - 1] === ' ')) break;
      if (open && l[j] === '\\') j++;
      else if (l[j] === '"') open = open ? undefined : { line: i + 1, column: j + 1 };
      else if (l[j] === "'" && !open) {
        const end = l.indexOf("'", j + 1);
        if (end < 0) break;
        j = end;
      }
    }
  }
  return open ?? { line: p.line, column: p.column };
}

/** The parser's own first problem, reworded where its words are a parser's. */
function reword(p: YamlProblem, lines: string[]): YamlWords {
  const at = { line: p.line, column: p.column };
  switch (p.code) {
    case 'MISSING_CHAR':
      if (/quote/i.test(p.message))
        return {
          ...openingQuote(lines, p),
          message: 'a quoted text is not closed',
          hint: 'end it with the same quote mark it starts with, on the same line',
        };
      if (!/flow|[}\]]/i.test(p.message)) return structure(at);
      return {
        ...at,
        message: 'a `{` or `[` is not closed',
        hint: 'close it with `}` or `]` before the line ends, or write the entries on lines of their own',
      };
    case 'DUPLICATE_KEY':
      return { ...at, message: 'this key appears twice in the same mapping', hint: 'keep one of them' };
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return structure(at);
    default:
      return { ...at, message: p.message, hint: 'see scenarios/FORMAT.md, “Writing YAML”' };
  }
}

function structure(at: { line: number; column: number }): YamlWords {
  return {
    ...at,
    message: 'YAML cannot read the structure here',
    hint: 'check that this line is lined up with the keys of its level, and quote any text holding `: ` or starting with `!`, `&`, `*`',
  };
}
