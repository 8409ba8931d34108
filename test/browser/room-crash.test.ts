import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { verify, type TableCommand, type Transcript } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { RoomClient } from '@drill/server';
import { transcriptPath, type CreatedRoom } from '@drill/server/protocol';
import { buildWeb, needsBuild, repoRoot } from '../../cli/src/commands/serve.ts';
import { translate } from '../../web/src/i18n.ts';
import { latestView, settled } from '../../server/test/kit.ts';
import { SERVER_PROCESS } from '../../server/test/fixtures/server-process.ts';
import { closeContexts, POLL, sharedChromium } from './chromium.ts';

const ROOT = repoRoot();
const typhoon = loadScenario('typhoon');
let browser: Browser;
let home: string;
let proc: ChildProcess | undefined;

/** The room server as its own process (so it can be killed with kill -9), serving the built app. */
async function spawnServer(port: number): Promise<{ url: string; hostToken: string }> {
  const p = spawn(
    process.execPath,
    [
      ...SERVER_PROCESS,
      '--port',
      String(port),
      '--data',
      join(home, 'server'),
      '--web',
      join(ROOT, 'web', 'dist'),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  proc = p;
  const line = await new Promise<string>((ok, fail) => {
    createInterface({ input: p.stdout! }).once('line', ok);
    p.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; hostToken: string; unresumed: unknown[] };
  expect(info.unresumed).toEqual([]);
  return info;
}

beforeAll(async () => {
  if (needsBuild(ROOT)) buildWeb(ROOT, () => {});
  home = mkdtempSync(join(tmpdir(), 'drill-room-crash-'));
  browser = await sharedChromium();
}, 300_000);
afterAll(async () => {
  proc?.kill('SIGKILL');
  if (browser) await closeContexts(browser);
  if (home) rmSync(home, { recursive: true, force: true });
});

/**
 * Answers the first decision open on a participant's page with its first option (or 1 unit), confirmed;
 * returns 1 when the room took it, 0 when nothing was open or the teammate answered first.
 */
async function answerOne(page: Page): Promise<number> {
  const t = (k: Parameters<typeof translate>[1]): string => translate('en', k);
  // The first card not yet accepted, and its kind, in one round trip (not count, count, getAttribute).
  const open = await page.evaluate(() => {
    const c = document.querySelector('article.room-decision:not(:has(.success))');
    return c && { id: c.getAttribute('data-decision')!, amounts: !!c.querySelector('input[type=number]') };
  });
  if (!open) return 0;
  const card = page.locator(`article.room-decision[data-decision="${open.id}"]`);
  if (open.amounts) await card.locator('input[type=number]').first().fill('1');
  else await card.locator('input[type=radio], input[type=checkbox]').first().check();
  await card.getByRole('button', { name: t('submitDecision') }).click();
  await card.getByRole('button', { name: t('confirmSubmit') }).click();
  // Accepted (the card closes or says so), or refused next to the button (the teammate answered first).
  const outcome = await page.waitForFunction(
    (d) => {
      const c = document.querySelector(`article.room-decision[data-decision="${d}"]`);
      return !c || c.querySelector('.success') ? 'accepted' : c.querySelector('.refusal') ? 'refused' : '';
    },
    open.id,
    { ...POLL, timeout: 10_000 },
  );
  return (await outcome.jsonValue()) === 'accepted' ? 1 : 0;
}

describe('a room server killed with kill -9 mid-drill, in Chromium', () => {
  it("restarts on the same port and DRILL_HOME; the participants' pages reconnect by themselves; the drill finishes; every transcript verifies", async () => {
    let s = await spawnServer(0);
    const port = Number(new URL(s.url).port);
    const url = s.url.replace(/\/+$/, '');
    const created = await fetch(`${url}/api/rooms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.hostToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        scenario: 'typhoon',
        seed: 'crash-e2e',
        lang: 'en',
        mode: 'parallel',
        teams: [
          { name: 'Red', roles: [] },
          { name: 'Blue', roles: [] },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const room = (await created.json()) as CreatedRoom;
    // The trainer drives the clock over a socket (the console's part is covered by room.test.ts).
    const trainer = new RoomClient({ url, token: room.trainerToken, delayMs: 100, maxDelayMs: 500 });
    await trainer.welcome();
    const errors: string[] = [];
    const pages: Page[] = [];
    for (const [name, team] of [
      ['Ana', 'Red'],
      ['Chen', 'Blue'],
    ] as const) {
      const page = await (await browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
      page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
      await page.goto(`${url}/?join=${room.room.code}`);
      await page.getByLabel(translate('en', 'yourName')).fill(name);
      await page.getByRole('radio', { name: new RegExp(`^${team}`) }).check();
      await page.getByRole('button', { name: translate('en', 'joinRoom'), exact: true }).click();
      await page.getByTestId('conn').and(page.locator('[data-state=open]')).waitFor();
      pages.push(page);
    }
    const phase = (): string | undefined => latestView(trainer).phase;
    const run = async (cmd: TableCommand): Promise<void> => {
      // The pages' answers may land just before a clock command: the script looks at the newer view
      // and sends it again (a person in the console is asked to look and click again instead).
      const r = await trainer.command(cmd, { retryStale: 5 });
      expect(r.t, JSON.stringify(r)).toBe('ack');
      if (r.t === 'ack') await settled([trainer], r.seq);
    };
    await run({ type: 'start' });
    // Each page answers one decision on each side of the crash, the trainer stepping event by event
    // until it has; the clock then moves straight on (to the middle of the drill before the crash, to
    // its end after it). Answering every decision through the drill's ~40 events proved no more about
    // the crash than one answer each side, and cost most of this file's CPU; the pages' handling of
    // many answers and events is room.test.ts's.
    const answerOnEach = async (): Promise<void> => {
      const taken = pages.map(() => 0);
      for (let i = 0; i < 60 && phase() === 'running' && taken.some((n) => n === 0); i++) {
        for (const [j, p] of pages.entries()) if (taken[j] === 0) taken[j] += await answerOne(p);
        if (taken.some((n) => n === 0)) await run({ type: 'next' });
      }
      expect(taken).toEqual(pages.map(() => 1));
    };
    const half = (typhoon.clock.start + typhoon.clock.end) / 2;
    await answerOnEach();
    if (latestView(trainer).clock < half)
      await run({ type: 'advance', minutes: half - latestView(trainer).clock });
    const crashedAt = latestView(trainer).clock;
    const seqBefore = latestView(trainer).seq;
    const framesBefore = trainer.frames.length;

    // kill -9, and a new server on the same port and data folder.
    await new Promise<void>((ok) => {
      proc!.once('exit', () => ok());
      proc!.kill('SIGKILL');
    });
    for (const p of pages)
      await p.getByTestId('conn').and(p.locator('[data-state=open]')).waitFor({ state: 'detached' });
    s = await spawnServer(port);
    // Nobody reloads: each page reconnects by itself and is handed its seat again.
    for (const p of pages)
      await p.getByTestId('conn').and(p.locator('[data-state=open]')).waitFor({ timeout: 30_000 });
    // The trainer's socket reconnects by itself too (perhaps already, while the pages did).
    if (!trainer.frames.slice(framesBefore).some((f) => f.t === 'welcome'))
      await trainer.next((f) => f.t === 'welcome', 30_000);
    expect(latestView(trainer).seq).toBeGreaterThanOrEqual(seqBefore);

    await answerOnEach();
    // To the end of the drill's clock: the drill finishes by itself.
    if (phase() === 'running')
      await run({ type: 'advance', minutes: typhoon.clock.end - latestView(trainer).clock });
    expect(phase()).toBe('debrief');
    for (const p of pages) await p.getByTestId('drill-over').waitFor();

    for (const [i, team] of ['Red', 'Blue'].entries()) {
      const r = await fetch(`${url}${transcriptPath(room.room.id, i)}`, {
        headers: { authorization: `Bearer ${room.trainerToken}` },
      });
      const t = (await r.json()) as Transcript;
      expect(t.header.meta?.['team']).toBe(team);
      const v = verify(typhoon, t);
      expect(v.ok, JSON.stringify(v)).toBe(true);
      // The participant's choices from both sides of the crash are there.
      const mine = t.entries.filter((e) => e.input.type === 'choose' && e.input.by !== undefined);
      expect(mine.filter((e) => e.at < crashedAt).length, team).toBe(1);
      expect(mine.filter((e) => e.at >= crashedAt).length, team).toBe(1);
    }
    expect(errors).toEqual([]);
    trainer.close();
  }, 300_000);
});
