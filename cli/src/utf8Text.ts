import { UserError } from './io.ts';

/**
 * Throws unless a file read as UTF-8 was UTF-8. Node puts U+FFFD where bytes were not: a CSV that a
 * Chinese Excel or Notepad saved as GBK/"ANSI" reads with every Chinese text turned into �, and would
 * be taken as written (translations imported as �, rationales recorded as �). Names the file, line and
 * column of the first one.
 */
export function utf8Text(text: string, file: string, fix: string): string {
  const at = text.indexOf('\ufffd');
  if (at < 0) return text;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  throw new UserError(
    `${file}:${line}:${column}: this file is not UTF-8 (a character here could not be read: �) — ${fix}; nothing was done`,
  );
}
