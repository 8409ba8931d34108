import { autoplay, replay, Session, type Participant, type Scenario, type Transcript } from '@drill/engine';
import { buildAar, type Aar } from '@drill/report';

export const STARTED_AT = '2026-05-20T01:30:00.000Z';

/** A finished automatic drill: the same transcript every time for a scenario, seed and policy. */
export function autoTranscript(
  scenario: Scenario,
  seed = 'golden',
  policy: 'random' | 'best' | 'worst' | 'first' = 'random',
): Transcript {
  return autoplay(scenario, { seed, policy, startedAt: STARTED_AT }).transcript();
}

export function aarOf(scenario: Scenario, t: Transcript): Aar {
  const r = replay(scenario, t, { keepStates: true });
  if (!r.ok) throw new Error(r.reason);
  return buildAar(scenario, t, r);
}

export const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> | **bold** [link](http://example.com) \u001b[31mred`;

/**
 * A drill with hostile text everywhere a person can type: participant and team names, each rationale,
 * an ad-hoc inject and an evaluator's override note. Two teams, one player in a second team.
 */
export function hostileTranscript(scenario: Scenario): Transcript {
  const participants: Participant[] = [
    { id: 'p1', name: `Alice ${HOSTILE}`, team: `red ${HOSTILE}`, roles: ['all'] },
    { id: 'p2', name: 'Bob', team: 'blue', roles: [scenario.roles[0]!.id] },
  ];
  const s = Session.start(scenario, { seed: 'hostile', participants, startedAt: STARTED_AT });
  if ('error' in s) throw new Error(s.error);
  s.apply({ type: 'start' });
  s.apply({
    type: 'inject',
    id: 'adhoc-x',
    roles: ['all'],
    text: `Exercise control says ${HOSTILE}`,
    by: HOSTILE,
  });
  for (let i = 0; i < 2000 && s.state.phase === 'running'; i++) {
    const open = scenario.decisions.find((d) => s.state.decisions[d.id]?.status === 'open');
    if (open) {
      const choice =
        open.kind === 'allocate'
          ? { allocation: Object.fromEntries(open.options.map((o) => [o.id, o.min ?? 0])) }
          : { options: [open.options[0]!.id] };
      const r = s.apply({
        type: 'choose',
        participant: 'p1',
        decision: open.id,
        ...choice,
        rationale: `Because ${HOSTILE}`,
      });
      if (r.ok) continue;
    }
    s.apply({ type: 'advance', to: 'next' });
  }
  if (s.state.phase === 'running') s.apply({ type: 'end' });
  s.apply({
    type: 'override',
    capability: scenario.decisions[0]!.capability,
    subject: { kind: 'overall' },
    rating: 'U',
    note: `Overruled: ${HOSTILE}`,
    by: `Evaluator ${HOSTILE}`,
  });
  return s.transcript();
}
