import { UserError } from './io.ts';
import { say } from './say.ts';

/** How to save a file as UTF-8, in both languages (the fix named in the refusal). */
export const SAVE_AS_UTF8 = { en: 'save it as UTF-8', zh: '请把它另存为 UTF-8 编码' };
export const SAVE_CSV_AS_UTF8 = {
  en: 'save it as UTF-8 (Excel: Save as → "CSV UTF-8"; WPS or Notepad: encoding UTF-8)',
  zh: '请把它另存为 UTF-8 编码（Excel：另存为 →“CSV UTF-8”；WPS 或记事本：编码选 UTF-8）',
};

/**
 * Throws unless a file read as UTF-8 was UTF-8. Node puts U+FFFD where bytes were not: a CSV that a
 * Chinese Excel or Notepad saved as GBK/"ANSI" reads with every Chinese text turned into �, and would
 * be taken as written (translations imported as �, rationales recorded as �). Names the file, line and
 * column of the first one.
 */
export function utf8Text(text: string, file: string, fix: { en: string; zh: string }): string {
  const at = text.indexOf('\ufffd');
  if (at < 0) return text;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  throw new UserError(
    say(
      `${file}:${line}:${column}: this file is not UTF-8 (a character here could not be read: �) — ${fix.en}; nothing was done`,
      `${file}:${line}:${column}：这个文件不是 UTF-8 编码（此处有字符无法读取：�）——${fix.zh}；什么也没有做`,
    ),
  );
}
