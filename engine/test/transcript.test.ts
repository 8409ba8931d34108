import { describe, expect, it } from 'vitest';
import {
  autoplay,
  headerHash,
  parseTranscript,
  replay,
  Session,
  verify,
  type Transcript,
} from '../src/index.ts';
import { fixture } from './fixture.ts';

const sc = fixture();
const played = (): Transcript =>
  autoplay(sc, { seed: 3, policy: 'random', startedAt: '2026-01-01T00:00:00Z' }).transcript();

describe('transcripts', () => {
  it('record a header, hash-chained entries and a result that verify', () => {
    const t = played();
    expect(t.header).toMatchObject({
      format: 'drill-transcript/3',
      scenario: { id: 'fixture', contentHash: sc.contentHash },
      seed: '3',
    });
    t.entries.forEach((e, i) => expect(e.prev).toBe(i === 0 ? headerHash(t.header) : t.entries[i - 1]!.hash));
    expect(verify(sc, t)).toMatchObject({ ok: true, entries: t.entries.length, complete: true });
  });
  it('replays checked inputs as recorded: an ad-hoc inject and an override with its default subject', () => {
    const s = Session.start(sc, {
      seed: 5,
      participants: [{ id: 'p1', name: 'A', team: 't', roles: ['all'] }],
      startedAt: '2026-01-01T00:00:00Z',
    });
    if ('error' in s) throw new Error(s.error);
    s.apply({ type: 'start' });
    s.apply({ type: 'inject', id: 'adhoc-x', roles: ['all'], text: { en: 'Road closed' } });
    s.apply({ type: 'override', capability: 'mass_care', rating: 'S', note: 'seen' });
    s.apply({ type: 'advance', to: 'next' });
    s.apply({ type: 'end' });
    expect(s.entries.map((e) => e.input.type)).toEqual(expect.arrayContaining(['inject', 'override']));
    const text = JSON.stringify(s.transcript());
    const p = parseTranscript(text);
    if (!p.ok) throw new Error(p.reason);
    expect(verify(sc, p.transcript, { shapeChecked: true })).toMatchObject({ ok: true, complete: true });
    const r = replay(sc, p.transcript, { shapeChecked: true });
    if (!r.ok) throw new Error(r.reason);
    expect(r.state).toEqual(s.state);
    expect(r.state.overrides[0]!.subject).toEqual({ kind: 'overall' });
    // The state copies what it keeps: replay freezes none of the transcript's own objects.
    expect(p.transcript.entries.some((e) => Object.isFrozen(e.input))).toBe(false);
  });
  it('names the entry whose recorded decision was changed', () => {
    const t = played();
    const k = t.entries.findIndex((e) => e.input.type === 'choose');
    const bad = structuredClone(t);
    (bad.entries[k]!.input as { options?: string[] }).options = ['ignore'];
    expect(verify(sc, bad)).toMatchObject({
      ok: false,
      entry: k + 1,
      reason: `entry ${k + 1}: recorded decision was changed after it was written`,
    });
  });
  it('detects a removed entry as a broken chain', () => {
    const bad = structuredClone(played());
    bad.entries.splice(2, 1);
    const v = verify(sc, bad);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.entry).toBe(3);
  });
  it('fails verification when a recorded score is edited, naming where', () => {
    const bad = structuredClone(played());
    bad.result!.score.overall = 99.5;
    const v = verify(sc, bad);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/recorded score differs .* at score\.overall/);
  });
  it('refuses a transcript of an older format, naming the drill that recorded it', () => {
    const t = played();
    const v = verify(sc, { ...t, header: { ...t.header, format: 'drill-transcript/2', engine: '0.2.0' } });
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.reason).toBe(
        'unsupported transcript format `drill-transcript/2`: it was recorded by an older drill (engine 0.2.0), ' +
          'whose drill state had a different shape, so its state hashes cannot be reproduced by this drill ' +
          '(engine 0.3.0, format drill-transcript/3); verify or replay it with the drill version that recorded it',
      );
  });
  it('refuses a transcript of another format, engine line or scenario version before replaying', () => {
    const t = played();
    expect(verify(sc, { ...t, header: { ...t.header, format: 'drill-transcript/9' } })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unsupported transcript format/),
    });
    expect(verify(sc, { ...t, header: { ...t.header, engine: '2.0.0' } })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/cannot replay it exactly/),
    });
    expect(
      verify(sc, {
        ...t,
        header: { ...t.header, scenario: { ...t.header.scenario, contentHash: 'f'.repeat(64) } },
      }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/different version of scenario `fixture`/),
    });
  });
  it('resumes a session from its transcript with the same state, and carries on', () => {
    const s = Session.start(sc, {
      seed: 'r',
      participants: [{ id: 'p', name: 'P', team: 'T', roles: ['all'] }],
      startedAt: 'x',
    });
    if ('error' in s) throw new Error(s.error);
    s.apply({ type: 'start' });
    s.apply({ type: 'advance', minutes: 240 });
    const resumed = Session.resume(sc, s.transcript());
    if ('error' in resumed) throw new Error(resumed.error);
    expect(resumed.state).toEqual(s.state);
    expect(resumed.apply({ type: 'choose', participant: 'p', decision: 'ack', options: ['yes'] }).ok).toBe(
      true,
    );
    expect(verify(sc, resumed.transcript()).ok).toBe(true);
  });
  it('reads a JSONL journal and drops a torn last line', () => {
    const t = played();
    const jsonl = [
      JSON.stringify({ header: t.header }),
      ...t.entries.slice(0, 5).map((e) => JSON.stringify(e)),
      '{"seq":6,"at":',
    ].join('\n');
    const p = parseTranscript(jsonl);
    expect(p.ok && p.transcript.entries.length).toBe(5);
    expect(p.ok && replay(sc, p.transcript).ok).toBe(true);
    expect(parseTranscript('').ok).toBe(false);
    expect(parseTranscript('{"no": "header"}').ok).toBe(false);
    const whole = parseTranscript(JSON.stringify(t, null, 1));
    expect(whole.ok && whole.transcript.entries.length).toBe(t.entries.length);
  });
});
