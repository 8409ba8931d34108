import { compileOwnScenario } from './src/ownScenario.ts';
const n = Number(process.env.N ?? 5000);
const src = { entry: 'd.yaml', files: { 'd.yaml': 'a: ' + '['.repeat(n) + ']'.repeat(n) + '\n' } };
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = compileOwnScenario(src);
  console.log(i, Math.round(performance.now() - t0), r.ok ? 'ok' : r.diagnostics[0]!.code);
}
