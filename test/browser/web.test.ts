import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseTranscript, verify, type Transcript } from '@drill/engine';
import { loadScenario, loadScenarioFile } from '@drill/scenarios';
import { ARTIFACTS, artifactShot, launch } from './harness.ts';
import { advance, decideAll, savedCount } from './consoleSteps.ts';
import { POLL } from './chromium.ts';

let h: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const shot = artifactShot;

const typhoon = loadScenario('typhoon');

describe('web app in Chromium', () => {
  it('runs a two-team drill through a reload to the debrief, then reviews, scrubs, overrides, compares and prints', async () => {
    const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    let page = await ctx.newPage();
    const errors: string[] = [];
    const watch = (p: Page): void => {
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('dialog', (d) => void d.accept());
    };
    watch(page);
    await page.goto(h.url);
    await page.getByLabel(/^Parallel/).check();
    await page.locator('#team-0').fill('Red');
    await page.locator('#team-1').fill('Blue');
    await shot(page, 'web-01-setup', true);
    await page.getByRole('button', { name: 'Start drill' }).click();
    await expect(page.getByTestId('phase').textContent()).resolves.toBe('Running');

    // The projector: a second window kept in sync over BroadcastChannel.
    const [pj] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: /Open participant view/ }).click(),
    ]);
    await pj.setViewportSize({ width: 1920, height: 1080 });
    await pj.getByTestId('pj-clock').waitFor();

    let decided = 0;
    let reloaded = false;
    let shotOpen = false;
    for (let i = 0; i < 40 && decided < 6; i++) {
      if ((await page.getByTestId('phase').textContent()) !== 'Running') break;
      if (!shotOpen && (await page.locator('article.decision').count()) > 0) {
        // The room sees the open question on the projector, without scores.
        await pj.locator('.pj-question').first().waitFor();
        expect(await pj.locator('.pj-scores').count()).toBe(0);
        await shot(page, 'web-02-console-1280x720');
        await shot(pj, 'web-03-participant-1920x1080');
        shotOpen = true;
      }
      decided += await decideAll(page, 'Red', 'first');
      decided += await decideAll(page, 'Blue', 'last');
      if (decided >= 2 && !reloaded) {
        const clock = await page.getByTestId('clock').textContent();
        const saved = await savedCount(page);
        await pj.waitForFunction(
          (c) => document.querySelector('[data-testid=pj-clock]')?.textContent?.includes(c!),
          clock,
          POLL,
        );
        await page.reload();
        expect(await page.getByTestId('clock').textContent()).toBe(clock);
        expect(await savedCount(page)).toBe(saved);
        // A closed tab resumes too.
        await page.close();
        page = await ctx.newPage();
        watch(page);
        await page.goto(h.url);
        expect(await page.getByTestId('clock').textContent()).toBe(clock);
        expect(await savedCount(page)).toBe(saved);
        reloaded = true;
        await page.getByLabel('Message').fill('Shelter 3 reports a power cut.');
        await page.getByRole('button', { name: 'Release inject' }).click();
        await page.locator('li.inject[data-inject="adhoc-1"]').waitFor();
        await pj.getByTestId('pj-latest').getByText('Shelter 3 reports a power cut.').waitFor();
        // Scores reach the room only when the trainer shows them.
        await page.getByLabel('Show scores on the participant view').check();
        await pj.locator('.pj-scores').waitFor();
        await page.getByLabel('Show scores on the participant view').uncheck();
        await pj.locator('.pj-scores').waitFor({ state: 'detached' });
      }
      await advance(page);
    }
    expect(reloaded).toBe(true);
    expect(shotOpen).toBe(true);
    expect(decided).toBeGreaterThanOrEqual(2);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'web-04-console-1920x1080');
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByRole('button', { name: 'End drill' }).click();
    await page.getByRole('heading', { name: /Debrief/ }).waitFor();
    await shot(page, 'web-05-debrief', true);

    const files: Record<string, string> = {};
    for (const team of ['Red', 'Blue']) {
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Transcript (JSON) — ${team}` }).click(),
      ]);
      files[team] = join(ARTIFACTS, `web-${team.toLowerCase()}.json`);
      await dl.saveAs(files[team]);
      const t = JSON.parse(readFileSync(files[team], 'utf8')) as Transcript;
      const v = verify(typhoon, t);
      expect(v.ok && v.complete, `${team}: ${v.ok ? '' : v.reason}`).toBe(true);
    }
    const [rep] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Report (HTML) — Red' }).click(),
    ]);
    await rep.saveAs(join(ARTIFACTS, 'web-red-report.html'));
    const html = readFileSync(join(ARTIFACTS, 'web-red-report.html'), 'utf8');
    expect(html).toContain('Red');
    expect(html).not.toContain('<script');

    // A tampered copy: one rationale edited after the drill.
    const red = JSON.parse(readFileSync(files.Red!, 'utf8')) as Transcript;
    const k = red.entries.findIndex((e) => e.input.type === 'choose');
    (red.entries[k]!.input as { rationale?: string }).rationale = 'We always planned to evacuate early.';
    const tampered = join(ARTIFACTS, 'web-red-tampered.json');
    writeFileSync(tampered, JSON.stringify(red));
    const expected = verify(typhoon, red);
    expect(expected.ok).toBe(false);

    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.locator('#transcript-files').setInputFiles([files.Red!, files.Blue!, tampered]);
    await page
      .getByText(/Verified · \d+ inputs/)
      .first()
      .waitFor();
    expect(await page.getByText(/Verified · \d+ inputs/).count()).toBe(2);
    const refused = page.locator('.refused', { hasText: 'web-red-tampered.json' });
    expect(await refused.textContent()).toContain(expected.ok ? '' : expected.reason);

    // Time travel: to the start, then a few inputs forward, with the keyboard.
    await page.locator('button.file-select', { hasText: 'Red' }).click();
    await page.locator('#scrub').focus();
    await page.keyboard.press('Home');
    expect(await page.getByTestId('moment').textContent()).toContain('Before the first input');
    expect(await page.getByTestId('decided-then').count()).toBe(0);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('moment').textContent()).toContain('Input 4 of');
    await page.keyboard.press('End');
    expect(await page.getByTestId('decided-then').locator('li').count()).toBeGreaterThan(0);
    await shot(page, 'web-06-review-timeline', true);

    // The evaluator overrides a rating; the override becomes a recorded input in the saved transcript.
    const entriesBefore = JSON.parse(readFileSync(files.Red!, 'utf8')).entries.length as number;
    await page.locator('#review-override-capability').selectOption({ index: 0 });
    await page.locator('#review-override-rating').selectOption('U');
    await page.locator('#review-override-note').fill('Evaluator: warnings were not called back.');
    await page
      .locator('#review-override-note')
      .locator('xpath=ancestor::form')
      .getByRole('button', { name: 'Override rating' })
      .click();
    await page
      .getByRole('status')
      .getByText(`input ${entriesBefore + 1}`)
      .waitFor();
    const [dl2] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download transcript' }).click(),
    ]);
    const overridden = join(ARTIFACTS, 'web-red-overridden.json');
    await dl2.saveAs(overridden);
    const p = parseTranscript(readFileSync(overridden, 'utf8'));
    if (!p.ok) throw new Error(p.reason);
    expect(p.transcript.entries.at(-1)!.input).toMatchObject({
      type: 'override',
      rating: 'U',
      note: 'Evaluator: warnings were not called back.',
    });
    const v2 = verify(typhoon, p.transcript);
    expect(v2.ok && v2.complete).toBe(true);

    // Team comparison and the printable report.
    expect(await page.getByTestId('compare').textContent()).toMatch(/first diverged|same everywhere/);
    await page.getByTestId('compare').scrollIntoViewIfNeeded();
    await shot(page, 'web-07-compare');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'web-08-aar-print', true);
    await page.pdf({ path: join(ARTIFACTS, 'web-aar.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('button', { name: '复盘' }).waitFor();
    await shot(page, 'web-09-review-zh', true);
    await page.getByRole('button', { name: '导调台' }).click();
    await shot(page, 'web-10-debrief-zh', true);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('renders a scenario full of <script> and <img onerror> as inert text', async () => {
    const fixture = join(import.meta.dirname, 'fixtures', 'xss.yaml');
    expect(loadScenarioFile(fixture).ok).toBe(true);
    const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    const page = await ctx.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      if (d.type() !== 'confirm') dialogs.push(d.message());
      void d.accept();
    });
    await page.goto(h.url);
    await page.locator('#setup-files').setInputFiles(fixture);
    await page.getByLabel(/^Parallel/).check();
    await page.getByText("Briefing <script>window.__pwned='briefing'</script>", { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Start drill' }).click();
    await page
      .getByText("Inject <script>window.__pwned='inject'</script>", { exact: false })
      .first()
      .waitFor();
    const card = page.locator('article.decision').first();
    await card.locator('input[type=radio]').first().check();
    await card.getByLabel('Rationale').fill('<img src=x onerror="window.__pwned=\'rationale\'">');
    await card.getByRole('button', { name: /^Record/ }).click();
    await card.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('button', { name: 'End drill' }).click();
    await page.getByRole('heading', { name: /Debrief/ }).waitFor();
    await page.getByText('<img src=x onerror="window.__pwned=\'rationale\'">').first().waitFor();
    await page.getByRole('button', { name: 'Open in review' }).click();
    await page
      .getByText(/Verified · \d+ inputs/)
      .first()
      .waitFor();
    await page.locator('.decision-detail').first().waitFor();
    await shot(page, 'web-11-xss-inert', true);
    const probe = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
      imgs: document.querySelectorAll('img').length,
      inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    }));
    expect(probe).toEqual({ pwned: null, imgs: 0, inlineScripts: 0 });
    expect(dialogs).toEqual([]);
    await ctx.close();
  });
});
