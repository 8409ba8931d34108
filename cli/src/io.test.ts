import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeDeep, UserError, writeFileAtomic } from './io.ts';

describe('terminalSafe', () => {
  it('removes what a hostile text would make the terminal do, and keeps the words', () => {
    const hostile = [
      '\u001b]52;c;ZWNobyBwd25lZA==\u0007', // OSC 52: set the clipboard
      '\u001b]0;owned\u001b\\', // window title, ST-terminated
      '\u001b[2J\u001b[1;1H', // clear screen, move cursor
      '\u009b31m', // C1 CSI
      '\u001bP1$r\u001b\\', // DCS
      '\r\u0008\u0007',
    ].join('');
    expect(terminalSafe(`Briefing${hostile}: 台风 warning\n\tnext`)).toBe('Briefing: 台风 warning\n\tnext');
  });
  it('cleans every string of a report, keys included, and leaves numbers alone', () => {
    const aar = { capabilities: [{ name: 'Warn\u001b]0;x\u0007ing', credit: 0.5 }], ['k\u001b[1m']: 'v' };
    expect(terminalSafeDeep(aar)).toEqual({ capabilities: [{ name: 'Warning', credit: 0.5 }], k: 'v' });
  });
});

describe('writeFileAtomic', () => {
  it('refuses a folder as the target with the path, and leaves the folder as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-'));
    expect(() => writeFileAtomic(dir, 'x')).toThrow(
      new UserError(`cannot write ${dir}: it is a folder — give a file name inside it`),
    );
  });
  it('creates missing folders and replaces the old content whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-'));
    const p = join(dir, 'a', 'b', 't.json');
    writeFileAtomic(p, 'one');
    writeFileAtomic(p, 'two');
    expect(readFileSync(p, 'utf8')).toBe('two');
  });
  it('names the path and the reason when the folder cannot be made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-'));
    writeFileSync(join(dir, 'file'), '');
    expect(() => writeFileAtomic(join(dir, 'file', 'x.json'), 'x')).toThrow(
      /^cannot write .*x\.json: cannot create the folder .*file: a file of that name is in the way \(EEXIST\)$/,
    );
  });
});
