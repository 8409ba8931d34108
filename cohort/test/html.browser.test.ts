import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { sharedChromium } from '../../test/browser/chromium.ts';
import type { Lang } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { analyseCohort, renderCohort, type CohortReport } from '../src/index.ts';
import { generateCohort } from './generate.ts';

const typhoon = loadScenario('typhoon');

let report: CohortReport;
// One context and one page for both languages (a context and a page each cost a renderer's start-up);
// each language's report still gets a window of its own (about:blank first).
let ctx: BrowserContext;
let page: Page;
let seen: { errors: string[]; requests: string[] } = { errors: [], requests: [] };

beforeAll(async () => {
  const runs = generateCohort(typhoon, [
    { policy: 'best', seed: 1, name: 'Zhang' },
    { policy: 'worst', seed: 2, name: 'Li' },
    { policy: 'random', seed: 3, name: 'Wang <b>' },
    { policy: 'best', seed: 4, name: 'Li' },
  ]);
  report = analyseCohort(
    runs.map((r) => ({ file: r.file, text: JSON.stringify(r.transcript) })),
    (id, h) => (id === typhoon.id && h === typhoon.contentHash ? typhoon : undefined),
  );
  ctx = await (await sharedChromium()).newContext({ viewport: { width: 1000, height: 1400 } });
  page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('data:') && r.url() !== 'about:blank') seen.requests.push(r.url());
  });
});
afterAll(async () => {
  await ctx?.close();
});

describe.each(['en', 'zh-CN'] as Lang[])('cohort HTML in Chromium (%s)', (lang) => {
  it('opens with its charts, sorts the heatmap, no console errors or requests, prints to A4', async () => {
    await page.goto('about:blank');
    const { errors, requests } = (seen = { errors: [], requests: [] });
    await page.setContent(renderCohort(report, 'html', lang), { waitUntil: 'load' });

    // Histogram: ten bars, their heights summing to the runs (each bar's title ends with its count).
    const bars = await page.$$eval('svg.histogram rect.bar', (rs) =>
      rs.map((r) => Number((r.querySelector('title')?.textContent ?? '').split(': ')[1])),
    );
    expect(bars).toHaveLength(10);
    expect(bars.reduce((a, b) => a + b, 0)).toBe(4);
    // Heatmap: one row per person (Li played twice), one cell per capability, drawn with a size.
    const cells = await page.$$eval('svg.heatmap rect.cell', (rs) =>
      rs.map((r) => ({ rating: r.getAttribute('data-rating'), w: r.getBoundingClientRect().width })),
    );
    expect(cells).toHaveLength(3 * typhoon.capabilities.length);
    expect(cells.every((c) => c.w > 10)).toBe(true);
    expect(cells.filter((c) => c.rating === 'P').length).toBeGreaterThanOrEqual(
      2 * typhoon.capabilities.length,
    );
    // The hostile name is text, not markup.
    expect(await page.$$eval('b', (bs) => bs.filter((b) => b.textContent === '').length)).toBe(0);
    expect(await page.textContent('table.heatmap-table')).toContain('Wang <b>');

    // Clicking the overall column sorts the rows by score, ascending then descending.
    const overall = async (): Promise<number[]> =>
      page.$$eval('table.heatmap-table tbody tr', (rows) =>
        rows.map((r) => Number((r as HTMLTableRowElement).cells[1]!.textContent)),
      );
    await page.click('table.heatmap-table th:nth-child(2)');
    const up = await overall();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await page.click('table.heatmap-table th:nth-child(2)');
    const down = await overall();
    expect(down).toEqual([...up].reverse());

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 media box: 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
