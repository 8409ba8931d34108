import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { autoplay, localize, type Scenario } from '@drill/engine';
import { loadScenarioFile } from '@drill/scenarios';
import type { RoomServer } from '@drill/server';
import { repoRoot } from '../../cli/src/commands/serve.ts';
import { translate } from '../../web/src/i18n.ts';
import { startRoomFixture, type RoomFixture } from './fixtures/room-server.ts';
import { axe } from './axe.ts';

/*
 * The trainer's own scenario in the browser: a folder with includes picked in the console and in
 * Review, a broken one's diagnostics in both languages, the choice remembered across a reload; a cohort
 * in Review filtered by dates; finished rooms opened from the room server's database.
 */
const ROOT = repoRoot();

let browser: Browser;
let server: RoomServer;
let fx: RoomFixture | undefined;
let work: string;
let good: string;
let broken: string;
let brokenLine: number;
let own: Scenario;
const transcripts: string[] = [];

beforeAll(async () => {
  fx = await startRoomFixture('drill-byo-e2e-');
  ({ browser, server, dir: work } = fx);
  // The shipped flood under another id, as a trainer's folder: the main file and its two parts.
  good = join(work, 'county');
  mkdirSync(join(good, 'flood'), { recursive: true });
  const lib = join(ROOT, 'scenarios');
  writeFileSync(
    join(good, 'flood.yaml'),
    readFileSync(join(lib, 'flood.yaml'), 'utf8').replace(/^id: flood$/m, 'id: county-flood'),
  );
  cpSync(join(lib, 'flood'), join(good, 'flood'), { recursive: true });
  const loaded = loadScenarioFile(join(good, 'flood.yaml'));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  own = loaded.scenario;
  // The same folder with one time misspelt in an included part.
  broken = join(work, 'broken');
  cpSync(good, broken, { recursive: true });
  const injects = readFileSync(join(broken, 'flood', 'injects.yaml'), 'utf8');
  const bad = injects.replace(/^(\s+at: T-\d+h)$/m, '$1x');
  brokenLine = bad.split('\n').findIndex((l) => /at: T-\d+hx$/.test(l)) + 1;
  writeFileSync(join(broken, 'flood', 'injects.yaml'), bad);
  // Five runs of the own scenario: two best in October (the last a minute before November, UTC),
  // two worst in November, one best in late September.
  mkdirSync(join(work, 'runs'));
  for (const [name, policy, seed, startedAt] of [
    ['oct-01', 'best', 1, '2026-10-01T08:00:00.000Z'],
    ['oct-31', 'best', 2, '2026-10-31T23:59:00.000Z'],
    ['nov-01', 'worst', 3, '2026-11-01T00:00:00.000Z'],
    ['nov-20', 'worst', 4, '2026-11-20T10:00:00.000Z'],
    ['sep-30', 'best', 5, '2026-09-30T23:59:59.000Z'],
  ] as const) {
    const file = join(work, 'runs', `${name}.json`);
    writeFileSync(file, JSON.stringify(autoplay(own, { seed, policy, startedAt }).transcript()));
    transcripts.push(file);
  }
}, 300_000);
afterAll(async () => {
  await fx?.close();
});

const url = (): string => server.url.replace(/\/+$/, '');

describe('the trainer’s own scenario in the web app, in Chromium', () => {
  it('picks a folder with includes in the console and in Review, lists a broken one’s problems in both languages, and remembers the choice across a reload', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.addInitScript(() => {
      if (!sessionStorage.getItem('langSet')) {
        localStorage.setItem('drill.lang', 'en');
        sessionStorage.setItem('langSet', '1');
      }
    });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    const found: string[] = [];
    await page.goto(url());

    // The console: a folder picked with the folder chooser.
    await page.locator('#setup-folder').setInputFiles(good);
    const title = localize(own.title, 'en');
    await expect
      .poll(() => page.locator('#scenario option:checked').textContent())
      .toBe(`Your own: ${title}`);
    await expect(page.getByTestId('setup-note').textContent()).resolves.toBe('Remembered in this browser.');
    await expect(page.locator('.briefing h3').textContent()).resolves.toContain(title);
    found.push(...(await axe(page, 'en set-up with an own scenario')));

    // A broken folder: every problem with file:line:col and the hint; the start is refused.
    await page.locator('#setup-folder').setInputFiles(broken);
    const box = page.getByTestId('setup-own').getByTestId('diagnostics');
    await box.waitFor();
    expect(await box.textContent()).toMatch(
      new RegExp(
        `flood/injects\\.yaml:${brokenLine}:\\d+: error: \`T-\\d+hx\` is not a scenario time.*hint: write times as T-48h`,
      ),
    );
    expect(await page.getByRole('button', { name: 'Start drill' }).isDisabled()).toBe(true);
    found.push(...(await axe(page, 'en set-up with a broken scenario')));

    // In Chinese, no English: the same problem in Chinese words.
    await page.getByLabel('Language').selectOption('zh-CN');
    const zh = await box.textContent();
    expect(zh).toMatch(
      new RegExp(`flood/injects\\.yaml:${brokenLine}:\\d+: 错误: 「T-\\d+hx」 不是想定时间`),
    );
    expect(zh).toContain('提示: 时间写作 T-48h、T+2h30m 或 T0');
    expect(zh).not.toMatch(/[a-z]{3,} [a-z]{3,}/i); // no English phrase
    found.push(...(await axe(page, 'zh set-up with a broken scenario')));

    // A reload: the last scenario that worked is back, chosen.
    await page.reload();
    await expect
      .poll(() => page.locator('#scenario option:checked').textContent())
      .toBe(`自己的想定：${localize(own.title, 'zh-CN')}`);
    await expect(page.getByTestId('setup-own').textContent()).resolves.toContain('flood.yaml · 共 3 个文件');
    expect(await page.getByRole('button', { name: '开始演练' }).isDisabled()).toBe(false);
    found.push(...(await axe(page, 'zh set-up after a reload')));

    // Review: its transcripts verify against it; a broken pick there shows its problems too.
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.locator('#transcript-files').setInputFiles(transcripts.slice(0, 2));
    await expect.poll(() => page.locator('li.file-ok').count()).toBe(2);
    expect(await page.locator('li.file-bad').count()).toBe(0);
    await page
      .locator('#review-files')
      .setInputFiles([
        join(broken, 'flood.yaml'),
        join(broken, 'flood', 'injects.yaml'),
        join(broken, 'flood', 'decisions.yaml'),
      ]);
    // Picked as plain files (no folder), the parts sit beside the main file: their include paths
    // (`flood/…`) are not among them, and that is said at the include's line.
    const rbox = page.getByTestId('review-own').getByTestId('diagnostics');
    await rbox.waitFor();
    expect(await rbox.textContent()).toMatch(
      /flood\.yaml:\d+:\d+: error: cannot read included file `flood\/injects\.yaml`/,
    );
    found.push(...(await axe(page, 'en review with a broken scenario')));
    await page.locator('#review-folder').setInputFiles(good);
    await rbox.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(page.getByTestId('review-own').textContent()).resolves.toContain(title);

    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);

  it('builds a cohort in Review from runs started in a date range, against a second range', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Not in the report's sandboxed frame, which has no storage.
    await ctx.addInitScript(() => {
      if (window === window.top) localStorage.setItem('drill.lang', 'zh-CN');
    });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url()}/?view=review`);
    await page.locator('#review-folder').setInputFiles(good);
    await page.locator('#transcript-files').setInputFiles(transcripts);
    await expect.poll(() => page.locator('li.file-ok').count()).toBe(5);
    await page.locator('#cohort-dates-from').fill('2026-10-01');
    await page.locator('#cohort-dates-to').fill('2026-10-31');
    await page.locator('#cohort-against-from').fill('2026-11-01');
    await page.getByRole('button', { name: '生成整体报告' }).click();
    await expect(page.getByTestId('cohort-runs').textContent()).resolves.toBe(
      '本组 2 次已校验的演练 · 对比组 2 次已校验的演练',
    );
    const html = (await page.getByTitle('2 次演练的整体报告').getAttribute('srcdoc')) ?? '';
    expect(html).toContain('<li>日期：2026-10-01 – 2026-10-31</li>');
    expect(html).toContain('中位数 100（中间一半 100–100；范围 100–100）。');
    expect(html).toContain('A 批：2 次演练；B 批：2 次演练（同一情景版本）。');
    const found = await axe(page, 'zh review with a cohort');
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);

  it('creates a room on the own scenario, and opens the finished room’s transcripts from the room server in Review', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.addInitScript(() => localStorage.setItem('drill.lang', 'en'));
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${url()}/?view=room#host=${encodeURIComponent(server.hostToken)}`);
    await page.getByLabel(translate('en', 'runAsRoom')).check();
    // The room is created on the trainer's own scenario: its files travel in the create request.
    await page.locator('#setup-folder').setInputFiles(good);
    await expect
      .poll(() => page.locator('#scenario option:checked').textContent())
      .toBe(`Your own: ${localize(own.title, 'en')}`);
    await page.locator('input[name=mode][value=parallel]').check();
    await page.getByRole('button', { name: translate('en', 'createRoom') }).click();
    const code = (await page.getByTestId('join-code').textContent())!.trim();
    const listed = await page.evaluate(
      async (tok) =>
        (await (await fetch('/api/rooms', { headers: { Authorization: `Bearer ${tok}` } })).json()) as {
          code: string;
          scenario: { id: string; contentHash: string };
        }[],
      server.hostToken,
    );
    expect(listed.find((r) => r.code === code)?.scenario).toMatchObject({
      id: 'county-flood',
      contentHash: own.contentHash,
    });
    await page.getByTestId('room-start').click();
    // Clock commands name the seq the trainer saw: end only once the console shows the drill running.
    await page.getByTestId('phase').and(page.getByText('Running')).waitFor();
    await page.getByRole('button', { name: 'End drill' }).click();
    await page.getByRole('heading', { name: /Debrief/ }).waitFor();

    await page.getByRole('button', { name: 'Review', exact: true }).click();
    const rooms = page.getByTestId('server-rooms');
    await rooms.getByText(new RegExp(`^${code} · `)).waitFor();
    await rooms.getByRole('checkbox').first().check();
    await rooms.getByRole('button', { name: 'Open the selected rooms' }).click();
    // Verified against the own scenario remembered in this browser.
    await expect.poll(() => page.locator('li.file-ok').count()).toBe(2);
    expect(await page.locator('li.file-bad').count()).toBe(0);
    expect(await page.locator('li.file-ok').first().getAttribute('data-file')).toBe(`room-${code}-1.json`);
    const found = await axe(page, 'en review with finished rooms');
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);
});
