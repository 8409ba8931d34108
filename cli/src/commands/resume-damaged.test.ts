import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newDrill } from '../tui/test-kit.ts';
import { resumeCommand } from './resume.ts';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  vi.restoreAllMocks();
});

describe('drill resume of a journal damaged in the middle', () => {
  it('names the copy of the original it actually kept (not `.unreadable-N`), the next free number each time', async () => {
    const k = newDrill();
    cleanup = k.cleanup;
    const d = k.drill;
    d.submit({ type: 'start' });
    d.submit({ type: 'next' });
    d.submit({ type: 'next' });
    d.journal.close();
    const path = d.paths.journal;
    // A copy from an earlier repair is already there: the new one must not overwrite it.
    writeFileSync(`${path}.unreadable-1`, 'an earlier copy\n');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[2] = '{"seq":2,garbage';
    const damaged = lines.join('\n');
    writeFileSync(path, damaged);
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    await resumeCommand(path, { auto: 'best' });
    const said = err.join('');
    expect(said).toContain('line 3 is not valid JSON');
    expect(said).toContain(`(the original is kept as ${path}.unreadable-2)`);
    expect(said).not.toContain('unreadable-N');
    expect(readFileSync(`${path}.unreadable-2`, 'utf8')).toBe(damaged);
    expect(readFileSync(`${path}.unreadable-1`, 'utf8')).toBe('an earlier copy\n');
    expect(existsSync(`${path}.unreadable-3`)).toBe(false);
  });
});
