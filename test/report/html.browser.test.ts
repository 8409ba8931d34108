import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { sharedChromium } from '../browser/chromium.ts';
import { ARTIFACT_SHOTS } from '../browser/harness.ts';
import { type Lang } from '@drill/engine';
import { buildDebrief, renderDebriefHtml, renderHtml, stringsFor } from '@drill/report';
import { loadScenario, shippedScenarioIds } from '@drill/scenarios';
import { aarOf, autoTranscript, hostileTranscript } from './fixtures.ts';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
const typhoon = loadScenario('typhoon');

// One browser context and one page for the report documents, one more page for the PNG checks. A
// context costs its renderers' start-up and a page its own renderer (≈5 s of CPU under load together,
// docs/PERFORMANCE.md); these static documents keep nothing in storage, and each report still gets a
// document and a window of its own (about:blank first, then the report). `browser.newPage` made a
// context per document before: fifteen for this file.
let ctx: BrowserContext;
let reportPage: Page | undefined;
let pngPage: Page | undefined;
let seen: { errors: string[]; requests: string[] } = { errors: [], requests: [] };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ctx = await (await sharedChromium()).newContext({ viewport: { width: 1000, height: 1400 } });
});
afterAll(async () => {
  await ctx?.close();
});

/** Opens report HTML in a new document, recording console errors, page errors and any network request. */
async function open(html: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  if (!reportPage) {
    const page = await ctx.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') seen.errors.push(m.text());
    });
    page.on('pageerror', (e) => seen.errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') seen.requests.push(r.url());
    });
    reportPage = page;
  }
  // A new window: document.open (what setContent does) would keep the last report's globals.
  await reportPage.goto('about:blank');
  seen = { errors: [], requests: [] };
  await reportPage.setContent(html, { waitUntil: 'load' });
  return { page: reportPage, ...seen };
}

/** Luminance statistics of a PNG, measured by drawing it on a canvas in the browser. */
async function pngStats(
  png: Buffer,
): Promise<{ width: number; height: number; variance: number; inked: number }> {
  pngPage ??= await ctx.newPage();
  return pngPage.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    let sum = 0;
    let sq = 0;
    let inked = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      const y = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
      n++;
      sum += y;
      sq += y * y;
      if (y < 128) inked++;
    }
    const mean = sum / n;
    return { width: c.width, height: c.height, variance: sq / n - mean * mean, inked: inked / n };
  }, png.toString('base64'));
}

describe('the HTML report in headless Chromium', () => {
  for (const lang of ['en', 'zh-CN'] as Lang[]) {
    it(
      `renders every section and its SVG charts (${lang}), prints to an A4 PDF, and its screenshot is not blank`,
      { timeout: 240_000 },
      async () => {
        const aar = aarOf(typhoon, autoTranscript(typhoon, '7', 'random'));
        const html = renderHtml(aar, lang);
        writeFileSync(join(ARTIFACTS, `report-${lang}.html`), html);
        const { page, errors, requests } = await open(html);
        const S = stringsFor(lang);
        const headings = await page.$$eval('section > h2', (hs) => hs.map((h) => h.textContent ?? ''));
        expect(headings).toEqual(Object.values(S.sections).map((t, i) => `${i + 1}. ${t}`));
        expect(await page.title()).toContain(S.reportTitle);

        const charts = await page.$$('svg.chart');
        expect(charts.length).toBe(2);
        for (const c of charts) {
          const box = await c.boundingBox();
          expect(box!.width).toBeGreaterThan(300);
          expect(box!.height).toBeGreaterThan(100);
        }
        // The ratings chart has a bar per rated capability; the score line has a point per step.
        const bars = await page.$$eval('svg.chart:first-of-type rect[stroke="#222"]', (r) => r.length);
        expect(bars).toBe(aar.capabilities.filter((c) => c.credit !== null).length);
        const points = await page.$eval(
          'path.series-score',
          (p) => (p.getAttribute('d') ?? '').split('L').length,
        );
        expect(points).toBeGreaterThan(3);
        const bbox = await page.$eval('path.series-score', (p) => {
          const b = (p as SVGGraphicsElement).getBBox();
          return { w: b.width, h: b.height };
        });
        expect(bbox.w).toBeGreaterThan(100);

        const rows = await page.$$eval('#plan tbody tr', (r) => r.length);
        expect(rows).toBe(aar.improvementPlan.length);
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);

        // The first screen (cover and contents) and the charts: what a reader sees first.
        const png = await page.screenshot();
        writeFileSync(join(ARTIFACTS, `report-${lang}.png`), png);
        // The charts alone, for a person to look at (DRILL_SHOTS=1; nothing asserts them).
        if (ARTIFACT_SHOTS) {
          await page.locator('#score').scrollIntoViewIfNeeded();
          writeFileSync(
            join(ARTIFACTS, `report-${lang}-charts.png`),
            await page.locator('#score').screenshot(),
          );
        }
        const stats = await pngStats(png);
        expect(stats.width).toBe(1000);
        expect(stats.height).toBe(1400);
        expect(stats.variance).toBeGreaterThan(200);
        expect(stats.inked).toBeGreaterThan(0.01);

        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        writeFileSync(join(ARTIFACTS, `report-${lang}.pdf`), pdf);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThan(40);
        // A4 is 595 × 842 points.
        expect(pdf.toString('latin1')).toMatch(
          /\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841(\.\d+)?|\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842/,
        );
      },
    );
  }

  it(
    'keeps a <script> in a rationale, a name or an override note inert: shown as text, never run',
    { timeout: 240_000 },
    async () => {
      const aar = aarOf(typhoon, hostileTranscript(typhoon));
      const html = renderHtml(aar, 'en');
      writeFileSync(join(ARTIFACTS, 'report-hostile.html'), html);
      const { page, errors, requests } = await open(html);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.$$eval('script', (s) => s.length)).toBe(0);
      expect(await page.$$eval('img', (s) => s.length)).toBe(0);
      expect(await page.$eval('body', (b) => b.innerHTML.includes('\u001b'))).toBe(false);
      const rationale = await page.$eval('.rationale', (e) => e.textContent ?? '');
      expect(rationale).toContain('<script>window.__pwned = 1</script>');
      const note = await page.$eval('.override .note', (e) => e.textContent ?? '');
      expect(note).toContain('<img src=x onerror=');
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      if (ARTIFACT_SHOTS) writeFileSync(join(ARTIFACTS, 'report-hostile.png'), await page.screenshot());
    },
  );
});

describe('the participant debrief printed to A4 in Chromium', () => {
  // The random policy loses credit almost everywhere: the longest "to improve" and rating lines there are.
  for (const id of shippedScenarioIds()) {
    for (const lang of ['en', 'zh-CN'] as Lang[]) {
      it(`${id} (${lang}) fits on at most four pages`, { timeout: 60_000 }, async () => {
        const scenario = loadScenario(id);
        const html = renderDebriefHtml(
          buildDebrief(aarOf(scenario, autoTranscript(scenario, 'golden', 'random'))),
          lang,
        );
        const { page, errors, requests } = await open(html);
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        writeFileSync(join(ARTIFACTS, `debrief-${id}-${lang}.pdf`), pdf);
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(4);
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
      });
    }
  }
});
