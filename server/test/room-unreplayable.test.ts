/**
 * A room whose engine throws (a bug: it refuses with values) rebuilds its table from what is durable. If
 * that replay fails too (the database unreadable, or the engine throwing on it), the sender must still
 * hear a refusal under its own `cseq`, and the room must take nothing more until a replay succeeds: the
 * table in memory may be ahead of what is durable. Faults are injected on the real Table and Store.
 */
import { describe, expect, it, vi } from 'vitest';
import type { TableCommand } from '@drill/engine';
import { fileStore, openRoom, probe, tick } from './fixtures/probe-room.ts';

const store = fileStore();

describe('a room whose table cannot be rebuilt', () => {
  it('refuses under the command’s cseq, takes nothing while the replay fails, and recovers when it works', async () => {
    const room = openRoom(store, 'u1', {
      seed: 'u1',
      mode: 'parallel',
      lang: 'en',
      teams: [{ name: 'Red', roles: [] }],
    });
    const token = store.issueToken({ room: 'u1', role: 'trainer', team: null, roles: [], name: 'T' });
    const trainer = probe({ role: 'trainer', name: 'T' }, token.id);
    room.attach(trainer, 0);
    await tick();
    let cseq = 0;
    const cmd = (command: TableCommand): void =>
      room.command(trainer, { t: 'cmd', cseq: ++cseq, expectSeq: room.table.seq, command });
    const refusals = (): unknown[] => trainer.frames.filter((f) => f.t === 'refused');
    const entries = (): number => store.entries('u1', 0).length;

    cmd({ type: 'start' });
    await tick();
    const durable = entries();
    expect(durable).toBeGreaterThan(0);

    // The engine throws, and reading what is durable throws too.
    vi.spyOn(room.table, 'submit').mockImplementation(() => {
      throw new Error('an engine bug');
    });
    const read = vi.spyOn(store, 'entries').mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    expect(() => cmd({ type: 'next' })).not.toThrow();
    expect(refusals().at(-1)).toMatchObject({ t: 'refused', cseq, code: 'unavailable' });
    // While the replay fails, every command is refused under its cseq and nothing is recorded.
    cmd({ type: 'next' });
    expect(refusals().at(-1)).toMatchObject({ t: 'refused', cseq, code: 'unavailable' });
    read.mockRestore();
    expect(entries()).toBe(durable);

    // The database reads again: the room rebuilds its table from it and takes the next command.
    cmd({ type: 'next' });
    await tick();
    expect(trainer.frames.at(-1)).toMatchObject({ t: 'view' });
    expect(trainer.frames.some((f) => f.t === 'ack' && f.cseq === cseq)).toBe(true);
    expect(entries()).toBeGreaterThan(durable);
  });
});
