import { describe, expect, it } from 'vitest';
import type { TableCommand } from '@drill/engine';
import { SCORES_EVERY_MS, type ServerFrame } from '../src/protocol.ts';
import { fileStore, openRoom, probe, tick, typhoon as sc, type Probe } from './fixtures/probe-room.ts';

const store = fileStore();

describe('room broadcasts', () => {
  it('each client receives exactly the frame its own view would give, sent once per turn of the event loop', async () => {
    const room = openRoom(store, 'b1', {
      seed: 'b1',
      mode: 'parallel',
      lang: 'en',
      teams: [
        { name: 'Red', roles: [] },
        { name: 'Blue', roles: [] },
      ],
    });
    const trainerToken = store.issueToken({ room: 'b1', role: 'trainer', team: null, roles: [], name: 'T' });
    const trainer = probe({ role: 'trainer', name: 'T' }, trainerToken.id);
    const conns: Probe[] = [
      trainer,
      probe({ role: 'projector', name: 'P' }, 'proj'),
      probe({ role: 'evaluator', name: 'E' }, 'eval', 'zh-CN'),
      probe({ role: 'member', name: 'a', team: 'Red', roles: [sc.roles[0]!.id] }, 'a'),
      probe({ role: 'member', name: 'b', team: 'Red', roles: [sc.roles[0]!.id] }, 'b'),
      probe({ role: 'member', name: 'c', team: 'Blue', roles: [] }, 'c', 'zh-CN'),
    ];
    for (const c of conns) room.attach(c, 0);
    await tick();
    let cseq = 0;
    const cmd = (command: TableCommand): void =>
      room.command(trainer, { t: 'cmd', cseq: ++cseq, expectSeq: room.table.seq, command });
    const scoresBefore = trainer.frames.filter((f) => f.t === 'scores').length;
    cmd({ type: 'start' });
    await tick();
    const check = (): void => {
      for (const c of conns) {
        const views = c.frames.filter((f) => f.t === 'view');
        const last = views.at(-1);
        if (last?.t !== 'view') throw new Error('no view frame');
        const view = room.table.view(room.viewerOf(c.identity), c.lang);
        // The score reports travel in scores frames, not in the views.
        for (const l of view.lanes) delete l.view.score;
        // What JSON.stringify of the whole frame would have sent: the assembled text parses to the same.
        expect(last).toEqual(
          JSON.parse(JSON.stringify({ t: 'view', view, display: room.row.display, status: room.row.status })),
        );
      }
    };
    /** Each client's last scores frame holds the scores it may see now (none: it has none). */
    const checkScores = (): void => {
      for (const c of conns) {
        const staff = c.identity.role === 'trainer' || c.identity.role === 'evaluator';
        const last = c.frames.filter((f) => f.t === 'scores').at(-1);
        if (!staff && !room.row.display.showScores) {
          expect(last === undefined || (last.t === 'scores' && last.scores.length === 0)).toBe(true);
          continue;
        }
        const scores = room.table
          .scores()
          .filter((s) => c.identity.role !== 'member' || s.team === c.identity.team)
          .map((s) => ({ team: s.team, score: s.ratings.score, ratings: s.ratings }));
        const reports = room.table
          .view({ kind: 'facilitator' }, 'en')
          .lanes.map((l) => ({ team: l.team, report: l.view.score }));
        expect(last).toEqual(
          JSON.parse(
            JSON.stringify({ t: 'scores', seq: room.table.seq, scores, ...(staff ? { reports } : {}) }),
          ),
        );
      }
    };
    check();
    // The first change of scores goes out on the next turn: after the turn's broadcasts (of every room),
    // never ahead of them.
    expect(trainer.frames.filter((f) => f.t === 'scores')).toHaveLength(scoresBefore);
    await new Promise((r) => setTimeout(r, 5));
    checkScores();
    for (const c of conns) c.frames.length = 0;
    // Three inputs in one turn: nothing goes out during the turn; at its end the three acks, each just
    // before the one view with all three inputs in it (a sender holding an ack is about to read its view).
    cmd({ type: 'next' });
    cmd({ type: 'inject', team: 'Blue', roles: ['all'], text: { en: 'Blue only', 'zh-CN': '仅蓝队' } });
    cmd({ type: 'next' });
    expect(conns.every((c) => c.frames.length === 0)).toBe(true);
    await tick();
    expect(trainer.frames.map((f) => f.t).slice(0, 4)).toEqual(['ack', 'ack', 'ack', 'view']);
    for (const c of conns) {
      const views = c.frames.filter((f) => f.t === 'view');
      expect(views).toHaveLength(1);
      expect(views[0]!.t === 'view' && views[0]!.view.seq).toBe(room.table.seq);
    }
    check();
    // The scores of inputs within a second of the last ones wait for that second to end, then go out
    // once, as of the latest input.
    const scoresOf = (c: Probe): ServerFrame[] => c.frames.filter((f) => f.t === 'scores');
    expect(scoresOf(trainer)).toEqual([]);
    await new Promise((r) => setTimeout(r, SCORES_EVERY_MS + 100));
    expect(scoresOf(trainer)).toHaveLength(1);
    checkScores();
    // The Red members never hear of Blue's inject; scores shown go out at once with the next broadcast.
    const red = conns[3]!.frames.find((f) => f.t === 'view');
    expect(JSON.stringify(red)).not.toContain('Blue only');
    expect(
      conns.every(
        (c) => c.identity.role === 'trainer' || c.identity.role === 'evaluator' || scoresOf(c).length === 0,
      ),
    ).toBe(true);
    room.displayFrom(trainer, { t: 'display', showScores: true });
    await tick();
    check();
    checkScores();
    expect(scoresOf(conns[5]!).at(-1)).toMatchObject({ scores: [{ team: 'Blue' }] });
    room.displayFrom(trainer, { t: 'display', showScores: false });
    await tick();
    checkScores();
    expect(scoresOf(conns[5]!).at(-1)).toMatchObject({ scores: [] });
    // The debrief's scores go out whenever the last went, but a turn after the views: the drill's end
    // sends every room's acks and views before any room scores its whole drill.
    for (const c of conns) c.frames.length = 0;
    cmd({ type: 'end' });
    await tick();
    expect(room.table.phase).toBe('debrief');
    expect(trainer.frames.map((f) => f.t)).toEqual(['ack', 'view']);
    check();
    await tick();
    expect(scoresOf(trainer)).toHaveLength(1);
    checkScores();
  });
});
