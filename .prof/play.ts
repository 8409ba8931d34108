import { createHash } from 'node:crypto';
import { autoplay, useSha256, compileScenario, replay, Session, soloParticipant } from '/work/wt/perf/engine/src/index.ts';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
useSha256((text) => createHash('sha256').update(text, 'utf8').digest('hex'));
const path = '/work/wt/perf/scenarios/typhoon.yaml';
const r = compileScenario({ path, text: readFileSync(path, 'utf8') }, (from, inc) => { const p = resolve(dirname(from), inc); return { path: p, text: readFileSync(p, 'utf8') }; });
if (!r.ok) throw new Error('x');
const sc = r.scenario;
const mode = process.argv[2];
if (mode === 'play') {
  const t0 = performance.now();
  for (let seed = 1; seed <= 300; seed++) autoplay(sc, { seed, policy: 'random' });
  console.log('play', (performance.now() - t0) / 300, 'ms/drill');
} else {
  const long = Session.start(sc, { seed: 'bench', participants: [soloParticipant()], startedAt: '2026-01-01T00:00:00Z' });
  if ('error' in long) throw 0;
  long.apply({ type: 'start' });
  for (let i = 0; long.entries.length < 10_000; i++) {
    const r = long.apply(i % 3 === 0 ? { type: 'advance', minutes: 1 } : i % 3 === 1 ? { type: 'pause' } : { type: 'resume' });
    if (!r.ok || long.state.phase === 'debrief') break;
  }
  const t = long.transcript();
  for (let k = 0; k < 5; k++) { const t0 = performance.now(); const x = replay(sc, t); if (!x.ok) throw 0; console.log('replay', performance.now() - t0); }
}
