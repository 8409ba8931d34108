// Summarises a V8 .cpuprofile (test/tools/cpu-profile.ts): the functions with the most self time, and
// the most inclusive time (self + callees, each function counted once per stack).
//   node test/tools/cpu-profile-top.mjs /tmp/prof/shipped.test.ts.123.cpuprofile [rows]
import { readFileSync } from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 30);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
p.samples.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (p.timeDeltas[i] ?? 0)));
const name = (n) => {
  const f = n.callFrame;
  const url = f.url.replace(/^.*\/(node_modules|src|test)\//, '$1/');
  return `${f.functionName || '(anon)'} ${url}:${f.lineNumber + 1}`;
};
const self = new Map();
const incl = new Map();
let total = 0;
for (const [id, us] of dt) {
  total += us;
  const n = byId.get(id);
  self.set(name(n), (self.get(name(n)) ?? 0) + us);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = name(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + us);
  }
}
const show = (title, m) => {
  console.log(`\n${title} (of ${(total / 1e6).toFixed(2)} s)`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows))
    console.log(`${(us / 1e6).toFixed(2).padStart(7)}  ${k}`);
};
show('self', self);
show('inclusive', incl);
