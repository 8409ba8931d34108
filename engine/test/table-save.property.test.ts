import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  stateHash,
  Table,
  type Actor,
  type SavedTable,
  type TableCommand,
  type TranscriptEntry,
} from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const trainer: Actor = { kind: 'trainer', name: 'Trainer' };
const TEAMS = ['Red', 'Blue', 'Green'];

/** Commands a trainer might give, most of them well-formed; the engine refuses what does not fit. */
const command: fc.Arbitrary<TableCommand> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<TableCommand>({ type: 'next' }) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 1, max: 240 })
      .map<TableCommand>((minutes) => ({ type: 'advance', minutes })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...TEAMS), fc.constantFrom('yes', 'ignore'))
      .map<TableCommand>(([team, o]) => ({ type: 'choose', team, decision: 'ack', options: [o] })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...TEAMS), fc.subarray(['a', 'b', 'none'], { minLength: 1, maxLength: 2 }))
      .map<TableCommand>(([team, options]) => ({ type: 'choose', team, decision: 'measures', options })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...TEAMS), fc.integer({ min: 0, max: 3 }))
      .map<TableCommand>(([team, x]) => ({
        type: 'choose',
        team,
        decision: 'trucks',
        allocation: { x, y: 4 - x },
      })),
  },
  {
    weight: 1,
    arbitrary: fc.option(fc.constantFrom(...TEAMS), { nil: undefined }).map<TableCommand>((team) => ({
      type: 'inject',
      roles: ['all'],
      text: 'News',
      ...(team ? { team } : {}),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<TableCommand>(
      { type: 'pause' },
      { type: 'resume' },
      { type: 'override', capability: 'warning_dissemination', rating: 'S', note: 'seen' },
      { type: 'correct', team: 'Red', decision: 'ack', options: ['yes'], note: 'misclick' },
      { type: 'end' },
    ),
  },
);

const hashes = (t: Table): string[] =>
  Array.from({ length: t.sessionCount }, (_, i) => stateHash(t.stateOf(i)));

function resumedHashes(saved: SavedTable): string[] {
  const t = Table.resume(sc, saved);
  if ('error' in t) throw new Error(t.error);
  return hashes(t);
}

function start(mode: 'roles' | 'parallel', teams: number, seed: string): Table {
  const t = Table.start(
    sc,
    {
      seed,
      mode,
      teams: TEAMS.slice(0, teams).map((name, i) => ({
        name,
        roles: mode === 'parallel' ? [] : [i % 2 === 0 ? 'chief' : 'press'],
      })),
      lang: 'en',
    },
    { startedAt: '2026-01-01T00:00:00.000Z' },
  );
  if ('error' in t) throw new Error(t.error);
  return t;
}

describe('Table saves are atomic', () => {
  it('a save taken at any moment — between commands or from the journal in the middle of one — resumes to the state hashes of the last whole command, for every team', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'roles' | 'parallel'>('roles', 'parallel'),
        fc.integer({ min: 2, max: 3 }),
        fc.string({ minLength: 1, maxLength: 6 }),
        fc.array(command, { minLength: 1, maxLength: 15 }),
        // Which journal appends take a save (mid-command) and which one fails, by index.
        fc.uniqueArray(fc.nat({ max: 120 }), { maxLength: 12 }),
        fc.option(fc.nat({ max: 120 }), { nil: undefined }),
        (mode, teams, seed, commands, saveAt, failAt) => {
          const t = start(mode, teams, seed);
          // The journal a caller would provide: a transaction per command, discarded when it fails.
          const durable: TranscriptEntry[][] = Array.from({ length: t.sessionCount }, () => []);
          let tx: { session: number; entry: TranscriptEntry }[] = [];
          let appends = 0;
          let boundary = hashes(t);
          const checks: { saved: SavedTable; expected: string[] }[] = [];
          t.journal = {
            append: (session, entry) => {
              const n = appends++;
              if (saveAt.includes(n)) checks.push({ saved: t.save(), expected: boundary });
              if (n === failAt) throw new Error('disk full');
              tx.push({ session, entry });
            },
          };
          for (const c of [{ type: 'start' } as TableCommand, ...commands]) {
            const seq = t.seq;
            const r = t.submit(trainer, c);
            if (r.ok) for (const p of tx) durable[p.session]!.push(p.entry);
            else {
              // A refused command — the journal's failure included — changes nothing.
              expect(t.seq).toBe(seq);
              expect(hashes(t)).toEqual(boundary);
            }
            tx = [];
            boundary = hashes(t);
            checks.push({ saved: t.save(), expected: boundary });
          }
          for (const { saved, expected } of checks) expect(resumedHashes(saved)).toEqual(expected);
          // What the journal holds is exactly what a save holds: the server's database and the table agree.
          expect(t.save().transcripts.map((x) => x.entries)).toEqual(durable);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('a journal that fails on the second team of a parallel command leaves neither team moved', () => {
    const t = start('parallel', 2, 'fail');
    expect(t.submit(trainer, { type: 'start' }).ok).toBe(true);
    const before = hashes(t);
    const seq = t.seq;
    let mid: SavedTable | undefined;
    t.journal = {
      append: (session) => {
        mid ??= t.save();
        if (session === 1) throw new Error('disk full');
      },
    };
    const r = t.submit(trainer, { type: 'next' });
    expect(r).toMatchObject({ ok: false, code: 'engine', engineCode: 'not-saved' });
    expect(t.seq).toBe(seq);
    expect(hashes(t)).toEqual(before);
    expect(mid && resumedHashes(mid)).toEqual(before);
    // The table goes on from there once the journal works again.
    t.journal = undefined;
    expect(t.submit(trainer, { type: 'next' }).ok).toBe(true);
    expect(t.stateOf(0).clock).toBe(t.stateOf(1).clock);
    expect(resumedHashes(t.save())).toEqual(hashes(t));
  });
});
