import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { parseTranscript, Session, soloParticipant, verify } from '@drill/engine';
import { Journal, resumeCommand, runPaths, transcriptPathForJournal } from './journal.ts';
import { fixtureScenario } from './tui/test-kit.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function session() {
  const s = Session.start(fixtureScenario(), {
    seed: '1',
    participants: [soloParticipant()],
    startedAt: '2026-01-01T00:00:00Z',
  });
  if ('error' in s) throw new Error(s.error);
  return s;
}

describe('journal', () => {
  it('holds the header and every entry on disk as soon as append returns, and reads back as a transcript', () => {
    dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const path = join(dir, 'j.jsonl');
    const s = session();
    const j = Journal.create(path, s.header);
    j.append(s.apply({ type: 'start' }).entry!);
    j.append(s.apply({ type: 'advance', to: 'next' }).entry!);
    // Not closed: what a killed process leaves behind.
    const p = parseTranscript(readFileSync(path, 'utf8'));
    expect(p.ok && p.transcript.entries.length).toBe(2);
    expect(p.ok && verify(fixtureScenario(), p.transcript).ok).toBe(true);
    j.close();
  });

  it('cuts a torn last line on reopen so the next entry starts on its own line', () => {
    dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const path = join(dir, 'j.jsonl');
    const s = session();
    const j = Journal.create(path, s.header);
    j.append(s.apply({ type: 'start' }).entry!);
    j.close();
    appendFileSync(path, '{"seq":2,"at":-18'); // killed mid-write
    const p1 = parseTranscript(readFileSync(path, 'utf8'));
    if (!p1.ok) throw new Error(p1.reason);
    const resumed = Session.resume(fixtureScenario(), p1.transcript);
    if ('error' in resumed) throw new Error(resumed.error);
    const j2 = Journal.reopen(path);
    j2.append(resumed.apply({ type: 'advance', to: 'next' }).entry!);
    j2.close();
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
    const p2 = parseTranscript(text);
    expect(p2.ok && verify(fixtureScenario(), p2.transcript).ok).toBe(true);
  });

  it('keeps a complete last line that lacks its newline, and the next entry follows it', () => {
    dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const path = join(dir, 'j.jsonl');
    const s = session();
    const j = Journal.create(path, s.header);
    j.append(s.apply({ type: 'start' }).entry!);
    j.append(s.apply({ type: 'advance', to: 'next' }).entry!);
    j.close();
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n$/, ''));
    const p1 = parseTranscript(readFileSync(path, 'utf8'));
    if (!p1.ok) throw new Error(p1.reason);
    expect(p1.transcript.entries).toHaveLength(2);
    const resumed = Session.resume(fixtureScenario(), p1.transcript);
    if ('error' in resumed) throw new Error(resumed.error);
    const j2 = Journal.reopen(path);
    j2.append(resumed.apply({ type: 'advance', to: 'next' }).entry!);
    j2.close();
    const p2 = parseTranscript(readFileSync(path, 'utf8'));
    expect(p2.ok && p2.transcript.entries.length).toBe(3);
    expect(p2.ok && p2.dropped).toBe(undefined);
    expect(p2.ok && verify(fixtureScenario(), p2.transcript).ok).toBe(true);
  });

  it('is locked while open: a second opener is told which process holds it', () => {
    dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const path = join(dir, 'j.jsonl');
    const j = Journal.create(path, session().header);
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    expect(() => Journal.reopen(path)).toThrow(`this journal is open in process ${process.pid}`);
    j.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    Journal.reopen(path).close();
  });

  it('refuses to overwrite an existing journal', () => {
    dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const path = join(dir, 'j.jsonl');
    writeFileSync(path, 'somebody else’s drill\n');
    expect(() => Journal.create(path, session().header)).toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('somebody else’s drill\n');
  });

  it('keeps the transcript, journal and report side by side and quotes paths in the resume command', () => {
    expect(runPaths('/a/run.json')).toEqual({
      transcript: '/a/run.json',
      journal: '/a/run.jsonl',
      html: '/a/run.html',
    });
    expect(transcriptPathForJournal('/a/run.jsonl')).toBe('/a/run.json');
    expect(resumeCommand('/a/my run.jsonl')).toBe("pnpm drill resume '/a/my run.jsonl'");
  });
});

describe('a journal that cannot be written', () => {
  it('makes the drill refuse the input, leaves the state as it was, and refuses further inputs', async () => {
    const { newDrill } = await import('./tui/test-kit.ts');
    const k = newDrill();
    dir = k.dir;
    onTestFinished(k.cleanup);
    const d = k.drill;
    d.submit({ type: 'start' });
    const before = d.state;
    d.journal.close(); // any later write fails, as on a full or vanished disk
    const r = d.submit({ type: 'next' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/the journal could not be written/);
    // The Table rewinds a command the journal refused by replaying the session: the same state by value.
    expect(d.state).toStrictEqual(before);
    expect(d.inputs).toBe(1);
    expect(d.submit({ type: 'pause' }).ok).toBe(false);
  });
});
