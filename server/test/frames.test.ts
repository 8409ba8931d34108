import { describe, expect, it } from 'vitest';
import { Table, type Lang, type TableCommand, type TableViewer } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { FrameBuilder, type FrameContext, type ScoresFor } from '../src/frames.ts';

const sc = loadScenario('typhoon');
const roles = sc.roles.map((r) => r.id);
const trainer = { kind: 'trainer' as const, name: 'T' };

/** The frame a fresh, unshared view gives, serialised the plain way: its lanes without their score. */
function plainFrame(t: Table, viewer: TableViewer, lang: Lang, ctx: FrameContext): string {
  const view = t.view(viewer, lang);
  for (const l of view.lanes) delete l.view.score;
  return JSON.stringify({ t: 'view', view, display: ctx.display, status: ctx.status });
}

/** The scores frame for `which`, from the Table's scores the plain way. */
function plainScores(t: Table, which: ScoresFor): string {
  const all = t.scores().map((s) => ({ team: s.team, score: s.ratings.score, ratings: s.ratings }));
  const scores =
    which === undefined
      ? []
      : which === 'all' || which === 'staff'
        ? all
        : all.filter((s) => s.team === which.team);
  // The staff's reports: one per lane of the facilitator's view (per team in parallel mode).
  const reports = t
    .view({ kind: 'facilitator' }, 'en')
    .lanes.map((l) => ({ ...(t.setup.mode === 'parallel' ? { team: l.team } : {}), report: l.view.score }));
  return JSON.stringify({ t: 'scores', seq: t.seq, scores, ...(which === 'staff' ? { reports } : {}) });
}

describe('FrameBuilder: frames from shared lanes and cached parts', () => {
  it('every frame is byte for byte the JSON of a freshly computed view, state after state', () => {
    for (const mode of ['roles', 'parallel'] as const) {
      const t = Table.start(
        sc,
        {
          seed: `frames-${mode}`,
          mode,
          lang: 'en',
          teams: [
            { name: 'Red', roles: mode === 'roles' ? roles.filter((_, i) => i % 2 === 0) : [] },
            { name: 'Blue', roles: mode === 'roles' ? roles.filter((_, i) => i % 2 === 1) : [] },
          ],
        },
        { startedAt: '2026-01-01T00:00:00.000Z' },
      );
      if ('error' in t) throw new Error(t.error);
      const b = new FrameBuilder(t);
      // The view worker's replica: fed the accepted commands, it must give the same bytes.
      const replica = Table.resume(sc, t.save(), { replica: true });
      if ('error' in replica) throw new Error(replica.error);
      const rb = new FrameBuilder(replica);
      const viewers: [TableViewer, ScoresFor][] = [
        [{ kind: 'facilitator' }, 'staff'],
        [{ kind: 'evaluator' }, 'staff'],
        [{ kind: 'projector', showScores: false }, undefined],
        [{ kind: 'projector', team: 'Blue', showScores: true }, 'all'],
        [{ kind: 'team', team: 'Red' }, { team: 'Red' }],
        ...roles.map((r, i): [TableViewer, ScoresFor] => [
          { kind: 'member', team: i % 2 === 0 ? 'Red' : 'Blue', roles: [r] },
          undefined,
        ]),
        [{ kind: 'member', team: 'Blue', roles: [] }, { team: 'Blue' }],
      ];
      const ctx: FrameContext = { display: { showScores: false, projectorTeam: null }, status: 'open' };
      let checked = 0;
      const check = (): void => {
        for (const [v, which] of viewers) {
          for (const lang of ['en', 'zh-CN'] as Lang[]) {
            const plain = plainFrame(t, v, lang, ctx);
            expect(b.text(v, lang, ctx)).toBe(plain);
            expect(rb.text(v, lang, ctx)).toBe(plain);
            checked++;
          }
          expect(b.scoresText(which)).toBe(plainScores(t, which));
        }
      };
      const submit = (actor: Parameters<Table['submit']>[0], command: TableCommand): void => {
        const o = { expectSeq: t.seq };
        const r = t.submit(actor, command, o);
        if (r.ok) expect(replica.submit(actor, command, o)).toEqual(r);
        if (r.ok && command.type === 'correct') corrections++;
      };
      let corrections = 0;
      submit(trainer, { type: 'start' });
      check();
      for (let round = 0; round < 14 && t.phase === 'running'; round++) {
        submit(trainer, { type: 'next' });
        // An ad-hoc inject whose text shows a live figure (not fixed at delivery: never cached).
        if (round % 3 === 0)
          submit(trainer, {
            type: 'inject',
            roles: ['all'],
            text: { en: 'Hazard now {hazard}', 'zh-CN': '当前 {hazard}' },
          });
        check();
        for (const team of t.teams) {
          const open = t.view({ kind: 'team', team }, 'en').lanes[0]!.view.open;
          for (const d of open) {
            const o = d.options[0]?.id;
            if (!o) continue;
            submit(
              { kind: 'member', team, roles: [...d.roles], name: `m-${team}` },
              d.kind === 'allocate'
                ? { type: 'choose', team, decision: d.decision, allocation: { [o]: 1 } }
                : { type: 'choose', team, decision: d.decision, options: [o] },
            );
          }
          // A corrected decision: the staff see the correction, nobody else does.
          const closed = t.view({ kind: 'team', team }, 'en').lanes[0]!.view.closed;
          const single = closed.find((c) => sc.decisions.find((d) => d.id === c.decision)?.kind === 'single');
          const alt = single && sc.decisions.find((d) => d.id === single.decision)?.options.at(-1)?.id;
          if (round === 4 && single && alt)
            submit(trainer, {
              type: 'correct',
              team,
              decision: single.decision,
              options: [alt],
              note: 'typo',
            });
        }
        check();
      }
      expect(checked).toBeGreaterThan(500);
      expect(corrections).toBeGreaterThan(0);
    }
  });
});
