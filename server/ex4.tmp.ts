import { ScenarioCompiler, COMPILER_LIMITS } from './src/scenario-compiler.ts';
const n = 5000;
const src = { entry: 'd.yaml', files: { 'd.yaml': 'a: ' + '['.repeat(n) + ']'.repeat(n) + '\n' } };
const c = new ScenarioCompiler(COMPILER_LIMITS);
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = await c.compile(src);
  console.log(i, Math.round(performance.now() - t0), JSON.stringify(r).slice(0, 200));
}
await c.stop();
