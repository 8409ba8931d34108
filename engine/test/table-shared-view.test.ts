import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  scoreDrill,
  Table,
  type Actor,
  type Lang,
  type TableCommand,
  type TableViewer,
} from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const trainer: Actor = { kind: 'trainer', name: 'Trainer' };
const teams = ['Red', 'Blue'];

function table(mode: 'roles' | 'parallel', o: { frozen?: boolean } = {}): Table {
  const t = Table.start(
    sc,
    {
      seed: 's1',
      mode,
      teams: [
        { name: 'Red', roles: mode === 'roles' ? ['chief'] : [] },
        { name: 'Blue', roles: mode === 'roles' ? ['press'] : [] },
      ],
      lang: 'en',
    },
    { startedAt: '2026-01-01T00:00:00.000Z', ...o },
  );
  if ('error' in t) throw new Error(t.error);
  return t;
}

/** Commands a classroom sends (from the trainer and from members), valid ones and ones refused. */
const command: fc.Arbitrary<{ actor: Actor; command: TableCommand }> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ actor: trainer, command: { type: 'next' } as TableCommand }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 600 })
      .map((minutes) => ({ actor: trainer, command: { type: 'advance', minutes } as TableCommand })),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...sc.decisions),
        fc.constantFrom(...teams),
        fc.nat(),
        fc.constantFrom<'trainer' | 'member'>('trainer', 'member'),
      )
      .map(([d, team, pick, who]) => {
        const o = d.options.length ? d.options[pick % d.options.length]!.id : 'none';
        const c: TableCommand =
          d.kind === 'allocate'
            ? { type: 'choose', team, decision: d.id, allocation: { [o]: pick % 5 } }
            : d.kind === 'discuss'
              ? { type: 'answer', team, decision: d.id, text: `answer ${pick}` }
              : { type: 'choose', team, decision: d.id, options: [o] };
        const actor: Actor =
          who === 'trainer' ? trainer : { kind: 'member', team, roles: [...d.roles], name: `m${pick % 3}` };
        return { actor, command: c };
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...teams, undefined).map((team) => ({
      actor: trainer,
      command: {
        type: 'inject',
        ...(team ? { team } : {}),
        roles: ['all'],
        text: { en: 'Ad hoc', 'zh-CN': '临时' },
      } as TableCommand,
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<TableCommand>({ type: 'pause' }, { type: 'resume' }, { type: 'end' })
      .map((command) => ({ actor: trainer, command })),
  },
);

const viewers: TableViewer[] = [
  { kind: 'facilitator' },
  { kind: 'evaluator' },
  { kind: 'projector', showScores: false },
  { kind: 'projector', showScores: true },
  { kind: 'projector', team: 'Blue', showScores: false },
  { kind: 'team', team: 'Red' },
  { kind: 'member', team: 'Red', roles: [] },
  { kind: 'member', team: 'Red', roles: ['chief'] },
  { kind: 'member', team: 'Blue', roles: ['press'] },
  { kind: 'member', team: 'Blue', roles: ['chief', 'press'] },
];
const langs: Lang[] = ['en', 'zh-CN'];

describe('Table.sharedView: lanes computed once per state and shared', () => {
  it('after any inputs, every viewer’s shared view equals a freshly computed one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'roles' | 'parallel'>('roles', 'parallel'),
        fc.array(command, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat({ max: viewers.length * langs.length - 1 }), { minLength: 1, maxLength: 6 }),
        (mode, commands, asks) => {
          const t = table(mode);
          t.submit(trainer, { type: 'start' });
          for (const c of commands) {
            t.submit(c.actor, c.command);
            // Ask some viewers between inputs, so the cache holds lanes of earlier states too.
            for (const a of asks) {
              const v = viewers[a % viewers.length]!;
              const lang = langs[Math.floor(a / viewers.length)]!;
              expect(t.sharedView(v, lang)).toEqual(t.view(v, lang));
            }
          }
          for (const v of viewers)
            for (const lang of langs) {
              expect(t.sharedView(v, lang)).toEqual(t.view(v, lang));
              // Without the score report (a room server sends the scores apart): the same lanes, no
              // `score` in any of them, whichever was asked first.
              const fresh = t.view(v, lang);
              for (const l of fresh.lanes) delete l.view.score;
              expect(t.sharedView(v, lang, { score: false })).toEqual(fresh);
            }
          // The shared scores are the fresh ones too.
          expect(t.scores().map((s) => s.report)).toEqual(
            teams.map((_, i) => scoreDrill(sc, t.stateOf(mode === 'roles' ? 0 : i))),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('hands out the same frozen lane until its session changes, and only that lane is recomputed', () => {
    const t = table('parallel');
    t.submit(trainer, { type: 'start' });
    const a = t.sharedView({ kind: 'facilitator' }, 'en');
    const b = t.sharedView({ kind: 'facilitator' }, 'en');
    expect(b.lanes[0]!.view).toBe(a.lanes[0]!.view);
    expect(Object.isFrozen(a.lanes[0]!.view)).toBe(true);
    expect(Object.isFrozen(a.lanes[0]!.view.feed)).toBe(true);
    // An inject to Blue only: Red's lane is still the same object, Blue's is new.
    const r = t.submit(trainer, {
      type: 'inject',
      team: 'Blue',
      roles: ['all'],
      text: { en: 'x', 'zh-CN': 'x' },
    });
    expect(r.ok).toBe(true);
    const c = t.sharedView({ kind: 'facilitator' }, 'en');
    expect(c.lanes[0]!.view).toBe(a.lanes[0]!.view);
    expect(c.lanes[1]!.view).not.toBe(a.lanes[1]!.view);
    expect(c.lanes[1]!.view.feed.length).toBe(a.lanes[1]!.view.feed.length + 1);
    expect(c.seq).toBe(a.seq + 1);
    // Another language or viewer is a lane of its own.
    expect(t.sharedView({ kind: 'facilitator' }, 'zh-CN').lanes[0]!.view).not.toBe(c.lanes[0]!.view);
    expect(t.sharedView({ kind: 'evaluator' }, 'en').lanes[0]!.view).not.toBe(c.lanes[0]!.view);
  });

  it('frozen: false (a caller that only serialises) hands out the same views and scores, unfrozen, and still shared', () => {
    const frozen = table('parallel');
    const loose = table('parallel', { frozen: false });
    for (const t of [frozen, loose]) {
      t.submit(trainer, { type: 'start' });
      t.submit(trainer, { type: 'next' });
    }
    for (const viewer of [
      { kind: 'facilitator' },
      { kind: 'member', team: 'Red', roles: [] },
    ] as TableViewer[]) {
      const a = loose.sharedView(viewer, 'en');
      expect(a).toEqual(frozen.sharedView(viewer, 'en'));
      expect(Object.isFrozen(a.lanes[0]!.view)).toBe(false);
      expect(loose.sharedView(viewer, 'en').lanes[0]!.view).toBe(a.lanes[0]!.view);
    }
    expect(loose.scores()).toEqual(frozen.scores());
    expect(Object.isFrozen(loose.scores()[0]!.report)).toBe(false);
    expect(Object.isFrozen(frozen.scores()[0]!.report)).toBe(true);
  });

  it('a replica fed the accepted commands follows the authority: same seq, states and views, no transcript', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'roles' | 'parallel'>('roles', 'parallel'),
        fc.array(command, { minLength: 1, maxLength: 30 }),
        fc.nat({ max: 10 }),
        (mode, commands, openAt) => {
          const t = table(mode);
          t.submit(trainer, { type: 'start' });
          let replica: Table | undefined;
          for (const [i, c] of commands.entries()) {
            // The server opens a replica from the authority's save at any point, then forwards.
            if (i === Math.min(openAt, commands.length - 1)) {
              const r = Table.resume(sc, t.save(), { replica: true });
              if ('error' in r) throw new Error(r.error);
              replica = r;
            }
            const out = t.submit(c.actor, c.command);
            if (!out.ok || !replica) continue;
            const follows = replica.submit(c.actor, c.command);
            expect(follows.ok && follows.seq).toBe(out.seq);
          }
          if (!replica) throw new Error('no replica');
          expect(replica.seq).toBe(t.seq);
          for (let i = 0; i < t.sessionCount; i++) expect(replica.stateOf(i)).toEqual(t.stateOf(i));
          for (const v of viewers)
            for (const lang of langs) expect(replica.sharedView(v, lang)).toEqual(t.view(v, lang));
          expect(replica.scores()).toEqual(t.scores());
          // Its entries carry no hashes, so it has no transcript to give.
          expect(() => replica.save()).toThrow(/replica/);
          expect(() => replica.transcripts()).toThrow(/replica/);
        },
      ),
      { numRuns: 30 },
    );
  });
});
