// For the tests of what `drill` says in a Chinese terminal (help-words, i18n-leaks): LANG=zh_CN.UTF-8 with
// nothing overriding it for each test of the describe block this is called in, and the C locale after.
import { afterEach, beforeEach } from 'vitest';

export function inChineseTerminal(): void {
  beforeEach(() => {
    process.env.LANG = 'zh_CN.UTF-8';
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
  });
  afterEach(() => {
    process.env.LANG = 'C';
  });
}
