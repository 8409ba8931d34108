import { describe, expect, it } from 'vitest';
import { autoplay, replay, verify } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { aarFromTranscript } from './from-transcript.ts';
import { buildAar } from './aar.ts';

const typhoon = loadScenario('typhoon');
const played = () =>
  autoplay(typhoon, { seed: 5, policy: 'random', startedAt: '2026-10-01T00:00:00.000Z' }).transcript();

describe('aarFromTranscript (one replay for verification and report)', () => {
  it('gives the report the separate verify-then-replay recipe gave', () => {
    const t = played();
    const r = aarFromTranscript(typhoon, t);
    const again = replay(typhoon, t, { keepStates: true });
    if (!again.ok || !r.ok) throw new Error('does not replay');
    expect(r.verification).toEqual(verify(typhoon, t));
    expect(r.aar).toEqual(buildAar(typhoon, t, again, verify(typhoon, t)));
    expect(r.aar.verification.ok).toBe(true);
  });

  it("refuses a tampered transcript with verify's reason, and reports it when asked, marked", () => {
    const t = structuredClone(played());
    t.result!.score.overall = 99.5;
    const refused = aarFromTranscript(typhoon, t);
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/recorded score differs/) });
    const marked = aarFromTranscript(typhoon, t, { unverified: true });
    expect(marked.ok && marked.aar.verification.ok).toBe(false);
  });

  it('reports up to the first broken entry when asked', () => {
    const t = structuredClone(played());
    const k = t.entries.findIndex((e) => e.input.type === 'choose');
    (t.entries[k]!.input as { rationale?: string }).rationale = 'edited';
    const r = aarFromTranscript(typhoon, t, { unverified: true });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.aar.exercise.reached).toBe(t.entries[k]!.at);
  });
});
