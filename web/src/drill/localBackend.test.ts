import { beforeAll, describe, expect, it } from 'vitest';
import { parseTranscript, verify, type Scenario } from '@drill/engine';
import { compileShipped, loadLibrary } from '../scenarios.ts';
import { LEASE_MS, LocalBackend } from './localBackend.ts';
import { clearStored, loadForOpen, OLD_KEY, readStored, recoveryFiles, SAVE_KEY } from './storage.ts';

/** localStorage as two tabs of one browser profile share it. */
class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
  }
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  key(i: number): string | null {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string): void {
    this.m.delete(k);
  }
  setItem(k: string, v: string): void {
    this.m.set(k, String(v));
  }
}

let sc: Scenario;
beforeAll(async () => {
  await loadLibrary();
  const c = compileShipped('typhoon');
  if (!c.ok) throw new Error('typhoon does not compile');
  sc = c.scenario;
});

const setup = {
  seed: '7',
  mode: 'parallel' as const,
  teams: [
    { name: 'Red', roles: [] },
    { name: 'Blue', roles: [] },
  ],
  lang: 'en' as const,
};

function startIn(storage: Storage, tabId: string, now = () => 1_000): LocalBackend {
  const b = LocalBackend.start(sc, { kind: 'shipped', id: 'typhoon' }, setup, {
    storage,
    tabId,
    now,
    startedAt: '2026-01-01T00:00:00.000Z',
  });
  if ('error' in b) throw new Error(b.error);
  return b;
}
function openIn(storage: Storage, tabId: string, now = () => 1_000): LocalBackend {
  const b = LocalBackend.open(readStored(storage)!, sc, { storage, tabId, now });
  if ('error' in b) throw new Error(b.error);
  return b;
}

describe('two tabs on one browser-only drill', () => {
  it('a second tab is read-only until it takes over; the first then cannot write', async () => {
    const storage = new MemoryStorage();
    const a = startIn(storage, 'tab-a');
    const b = openIn(storage, 'tab-b');
    expect(a.access.kind).toBe('writer');
    expect(b.access).toEqual({ kind: 'read-only', reason: 'other-tab' });

    const seq = readStored(storage)!.seq;
    const refused = await b.submit({ type: 'next' }, 'en');
    expect(refused.ok).toBe(false);
    expect(readStored(storage)!.seq).toBe(seq);

    // The writer moves on; the follower replays the newer save.
    expect((await a.submit({ type: 'next' }, 'en')).ok).toBe(true);
    b.refresh();
    expect(b.seq).toBe(a.seq);
    expect(b.clock).toBe(a.clock);

    b.takeOver();
    expect(b.access.kind).toBe('writer');
    const before = readStored(storage)!;
    const r = await a.submit({ type: 'next' }, 'zh-CN');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).not.toMatch(/[A-Za-z]/);
    expect(a.access.kind).toBe('read-only');
    expect(readStored(storage)).toEqual(before);
    expect((await b.submit({ type: 'next' }, 'en')).ok).toBe(true);
    expect(readStored(storage)!.seq).toBe(before.seq + 2);
  });

  it('a stale tab never writes over a newer save, nor brings back a discarded or ended drill', async () => {
    const storage = new MemoryStorage();
    let now = 1_000;
    const a = startIn(storage, 'tab-a', () => now);
    // Tab A went to sleep: its lease ran out, so tab B opens as the writer.
    now += LEASE_MS + 1;
    const b = openIn(storage, 'tab-b', () => now);
    expect(b.access.kind).toBe('writer');
    expect((await b.submit({ type: 'next' }, 'en')).ok).toBe(true);
    expect((await b.submit({ type: 'end' }, 'en')).ok).toBe(true);
    const newer = readStored(storage)!;
    expect(newer.saved.transcripts[0]!.entries.at(-1)!.input.type).toBe('end');

    // A wakes up and sends a command on its old table: refused, the newer save untouched, A follows it.
    const stale = await a.submit({ type: 'next' }, 'en');
    expect(stale).toMatchObject({ ok: false, code: 'stale' });
    expect(readStored(storage)).toEqual(newer);
    expect(a.seq).toBe(newer.seq);
    expect(a.phase).toBe(b.phase);

    // B discards the drill and starts another: A can write neither over it nor bring the old one back.
    b.close();
    clearStored(storage);
    const c = startIn(storage, 'tab-b', () => now);
    const fresh = readStored(storage)!;
    expect((await a.submit({ type: 'next' }, 'en')).ok).toBe(false);
    expect(readStored(storage)).toEqual(fresh);
    expect(fresh.id).toBe(c.id);
  });

  it('keeps "show scores on the participant view" with its drill, never the next one', async () => {
    const storage = new MemoryStorage();
    const a = startIn(storage, 'tab-a');
    a.setProjectorScores(true);
    expect(openIn(storage, 'tab-a').projectorScores).toBe(true);
    a.close();
    clearStored(storage);
    const next = startIn(storage, 'tab-a');
    expect(next.projectorScores).toBe(false);
    expect(readStored(storage)!.projectorScores).toBe(false);
    await next.submit({ type: 'next' }, 'en');
  });
});

describe('saves the console cannot resume', () => {
  it('migrates a first-version save and refuses a broken one, offering its inputs as journals', () => {
    const storage = new MemoryStorage();
    const a = startIn(storage, 'tab-a');
    const saved = readStored(storage)!.saved;
    storage.clear();
    storage.setItem(
      OLD_KEY,
      JSON.stringify({
        version: 1,
        setup: { source: { kind: 'shipped', id: 'typhoon' }, ...setup },
        transcripts: saved.transcripts,
      }),
    );
    const found = loadForOpen(storage);
    if (!found || !('stored' in found)) throw new Error('the first-version save was not migrated');
    const b = LocalBackend.open(found.stored, sc, { storage, tabId: 'tab-b' });
    if ('error' in b) throw new Error(b.error);
    expect(b.seq).toBe(a.seq);

    // A tampered save does not resume; its inputs still download as journals that review reads.
    const bad = JSON.parse(JSON.stringify({ saved })) as { saved: typeof saved };
    (bad.saved.transcripts[1]!.entries[0]!.input as { type: string }).type = 'end';
    storage.setItem(SAVE_KEY, JSON.stringify({ ...found.stored, saved: bad.saved }));
    const again = loadForOpen(storage);
    if (!again || !('stored' in again)) throw new Error('unreadable');
    expect('error' in LocalBackend.open(again.stored, sc, { storage })).toBe(true);
    const files = recoveryFiles(storage.getItem(SAVE_KEY)!);
    expect(files.map((f) => f.name)).toEqual(['drill-journal-1-Red.jsonl', 'drill-journal-2-Blue.jsonl']);
    const red = parseTranscript(files[0]!.text);
    expect(red.ok && verify(sc, red.transcript).ok).toBe(true);
    expect(recoveryFiles('not json')).toEqual([{ name: 'drill-save.txt', text: 'not json' }]);
  });
});
