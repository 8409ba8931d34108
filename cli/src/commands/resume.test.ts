import { appendFileSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTranscript, verify, type Transcript } from '@drill/engine';
import { FIXTURE, newDrill } from '../tui/test-kit.ts';
import { resumeCommand } from './resume.ts';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  vi.restoreAllMocks();
});

/** A started drill whose journal's last line was cut mid-write, and what resume prints to stdout. */
function halfWrittenJournal(): { d: ReturnType<typeof newDrill>['drill']; out: string[] } {
  const k = newDrill();
  cleanup = k.cleanup;
  const d = k.drill;
  d.submit({ type: 'start' });
  d.journal.close();
  appendFileSync(d.paths.journal, '{"seq":2,"input":{"type":"adv');
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  return { d, out };
}

describe('drill resume', () => {
  it('replays the journal to the same state hash and finishes it headless, keeping every earlier entry', async () => {
    const k = newDrill();
    cleanup = k.cleanup;
    const d = k.drill;
    d.submit({ type: 'start' });
    d.submit({
      type: 'choose',
      team: 'solo',
      decision: 'evacuate',
      options: ['wait'],
      rationale: 'kept',
    });
    d.submit({ type: 'next' });
    d.journal.close(); // the process stops here, without a result
    const before = parseTranscript(readFileSync(d.paths.journal, 'utf8'));
    if (!before.ok) throw new Error(before.reason);
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const code = await resumeCommand(d.paths.journal, { auto: 'best' });
    expect(code).toBe(0);
    expect(out.join('')).toContain(
      `state ${before.transcript.entries.at(-1)!.stateHash} (matches the journal)`,
    );
    const t = JSON.parse(readFileSync(d.paths.transcript, 'utf8')) as Transcript;
    expect(t.entries.slice(0, before.transcript.entries.length)).toEqual(before.transcript.entries);
    expect(verify(d.scenario, t).ok).toBe(true);
    expect(t.result).toBeDefined();
    // Where the drill stood in scenario time, and the score line `run` prints, the ending by its title.
    expect(out.join('')).toContain('the drill stands at T-2h · 12:00 Tue (running)');
    expect(out.join('')).not.toMatch(/-150 min|half-written/);
    expect(out.join('')).toMatch(/short · seed 7 · \d+ inputs · ending: People caught · score \d+\.\d\/100/);
    // The journal names the fixture file, so no --scenario was needed.
    expect(t.header.meta?.scenarioFile).toBe(FIXTURE);
  });

  it('says when a half-written last line was dropped', async () => {
    const { d, out } = halfWrittenJournal();
    await resumeCommand(d.paths.journal, { auto: 'best' });
    expect(out.join('')).toContain('the last line of the journal was half-written');
  });

  it('refuses an unknown language with the list of languages', async () => {
    const k = newDrill();
    cleanup = k.cleanup;
    k.drill.journal.close();
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await expect(resumeCommand(k.drill.paths.journal, { lang: 'fr', auto: 'best' })).rejects.toThrow(
      'unknown language `fr`: use one of en, zh-CN',
    );
  });

  // "resumed x.jsonl: 3 inputs replayed; the drill stands at …" reached a Chinese terminal in English.
  it("says where the drill stands, and the score line, in a Chinese terminal's language", async () => {
    const { d, out } = halfWrittenJournal();
    process.env.LANG = 'zh_CN.UTF-8';
    try {
      await resumeCommand(d.paths.journal, { auto: 'best' });
    } finally {
      process.env.LANG = 'C';
    }
    const said = out.join('').replaceAll(d.paths.journal, '').replaceAll(d.paths.transcript, '');
    expect(said).toMatch(/^已恢复 ：重放了\d+条输入；推演停在T0前\d+小时 · \d\d:\d\d 周.（进行中）\n/);
    expect(said).toContain('日志的最后一行只写了一半');
    expect(said).toMatch(/short · 随机种子 7 · \d+条输入 · 结局：/);
    // Beyond the scenario id, the hashes and the ending's title (this fixture's is English only).
    expect(
      said.replace(/\b[0-9a-f]{16,}\b|short|People caught|T-\d+/g, '').match(/[A-Za-z]{2,}/g),
    ).toBeNull();
  });
});
