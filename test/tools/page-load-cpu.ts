// The CPU one load of the built web app costs Chromium, as the DevTools protocol counts it: the page's
// renderer process (SystemInfo.getProcessInfo: CPU time, which a loaded machine does not inflate), and
// Performance.getMetrics's ScriptDuration (time running JavaScript on the main thread: wall time, so
// inflated under load). Each load is a fresh context (its own renderer), as a browser test's first page
// is; the app is served by `drill serve`'s server. Run it under test/tools/cpu-of.sh for the CPU of
// every process as well.
//   node --import tsx test/tools/page-load-cpu.ts [web/dist] [loads]
import { join, resolve } from 'node:path';
import { startServer } from '@drill/cli';
import { launchChromium } from '../browser/chromium.ts';

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'web', 'dist'));
const loads = Number(process.argv[3] ?? 10);

const { url, close } = await startServer(dir, 0);
const browser = await launchChromium();
const rows: { renderer: number; script: number }[] = [];
const sys = await browser.newBrowserCDPSession();
const renderers = async (): Promise<Map<number, number>> => {
  const { processInfo } = await sys.send('SystemInfo.getProcessInfo');
  return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
};
try {
  for (let i = 0; i < loads; i++) {
    const before = await renderers();
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(url);
    // The set-up form is drawn once the library is loaded and the default scenario compiled.
    await page.getByRole('button', { name: 'Start drill' }).waitFor();
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = (name: string): number => metrics.find((x) => x.name === name)?.value ?? NaN;
    const fresh = [...(await renderers())].filter(([id]) => !before.has(id));
    if (fresh.length !== 1) throw new Error(`load ${i}: ${fresh.length} new renderers`);
    rows.push({ renderer: fresh[0]![1], script: m('ScriptDuration') });
    if (errors.length) throw new Error(`load ${i}: ${errors.join('\n')}`);
    await ctx.close();
  }
} finally {
  await browser.close();
  await close();
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`;
// The first load warms Chromium's code cache for the rest; both are shown.
process.stdout.write(
  `renderer CPU per load: ${rows.map((r) => ms(r.renderer)).join(', ')}\n` +
    `${dir}: ${loads} loads; first: renderer CPU ${ms(rows[0]!.renderer)}, script ${ms(rows[0]!.script)}; ` +
    `median of the rest: renderer CPU ${ms(median(rows.slice(1).map((r) => r.renderer)))}, script ${ms(median(rows.slice(1).map((r) => r.script)))}\n`,
);
