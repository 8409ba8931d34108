import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autoplay, replay, verify } from '@drill/engine';
import { DISCUSSION_PATH, discussionFixture } from '../../../engine/test/discussion-fixture.ts';
import { UserError } from '../io.ts';
import { observeTranscript } from './observe.ts';

const sc = discussionFixture();
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('drill observe', () => {
  it('appends an observation to a transcript, which still verifies and replays to it', () => {
    const t = autoplay(sc, { seed: 1, policy: 'best', startedAt: '2026-01-01T00:00:00.000Z' }).transcript();
    const dir = mkdtempSync(join(tmpdir(), 'drill-observe-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'run.json'), JSON.stringify(t));
    const o = {
      task: 'task_warn',
      rating: 's',
      note: 'Warned, after a pause',
      evaluator: 'Eve',
      at: 'T-47h',
    };
    const { transcript, summary } = observeTranscript('run.json', t, { ...o, scenario: DISCUSSION_PATH });
    expect(summary).toBe('task_warn: S');
    expect(transcript.entries.at(-1)!.input).toEqual({
      type: 'observe',
      evaluator: 'Eve',
      task: 'task_warn',
      rating: 'S',
      note: 'Warned, after a pause',
      at: -2820,
    });
    expect(verify(sc, transcript)).toMatchObject({ ok: true, complete: true });
    const r = replay(sc, transcript);
    expect(r.ok && r.state.observations).toEqual([
      {
        evaluator: 'Eve',
        task: 'task_warn',
        at: -2820,
        rating: 'S',
        note: 'Warned, after a pause',
        seq: t.entries.length + 1,
      },
    ]);
  });
  it('names the known tasks when the task is unknown, and refuses a rating that is not P/S/M/U', () => {
    const t = autoplay(sc, { seed: 1, policy: 'best', startedAt: '2026-01-01T00:00:00.000Z' }).transcript();
    const base = { rating: 'P', note: 'x', scenario: DISCUSSION_PATH };
    expect(() => observeTranscript('run.json', t, { ...base, task: 'task_x' })).toThrow(
      new UserError('this scenario has no critical task `task_x` (tasks: task_convene, task_warn)'),
    );
    expect(() => observeTranscript('run.json', t, { ...base, task: 'task_warn', rating: 'B' })).toThrow(
      /--rating takes one of P, S, M, U/,
    );
  });
});
