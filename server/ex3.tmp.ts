import { compileOwnScenario } from './src/ownScenario.ts';
import { diagnosticsText } from '@drill/engine';
const n = Number(process.env.N ?? 5000);
const c = compileOwnScenario({ entry: 'd.yaml', files: { 'd.yaml': 'a: ' + '['.repeat(n) + ']'.repeat(n) + '\n' } });
if (c.ok) throw 1;
console.log(c.diagnostics.length, JSON.stringify(c.diagnostics).length, c.diagnostics.map(d => d.code + ' ' + d.message.slice(0, 100)));
const t0 = performance.now();
const zh = diagnosticsText(c.diagnostics, 'zh-CN');
console.log(Math.round(performance.now() - t0), 'ms', zh.slice(0, 300));
