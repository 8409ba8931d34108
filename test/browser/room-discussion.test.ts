import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RoomServer } from '@drill/server';
import { connect, createRoom, join as joinRoom, latestView, settled } from '../../server/test/kit.ts';
import { startRoomFixture, type RoomFixture } from './fixtures/room-server.ts';
import { axe } from './axe.ts';

let browser: Browser;
let server: RoomServer;
let fx: RoomFixture | undefined;
beforeAll(async () => {
  fx = await startRoomFixture('drill-room-disc-');
  ({ browser, server } = fx);
}, 300_000);
afterAll(async () => {
  await fx?.close();
});

describe('a discussion question on a participant’s phone (Chromium, 375 px, Chinese)', () => {
  it('the member types an answer for their seat and the room records it', async () => {
    const room = await createRoom(server.url, server.hostToken, {
      scenario: 'preseason',
      seed: 'phone',
      lang: 'zh-CN',
      mode: 'roles',
      teams: [
        { name: 'A组', roles: ['water', 'natres'] },
        { name: 'B组', roles: ['hqo', 'met', 'township', 'agri'] },
      ],
    });
    const li = await joinRoom(server.url, room.room.code, 'A组', '李伟', ['water']);
    const trainer = await connect(server.url, room.trainerToken);
    let a = await trainer.command({ type: 'start' });
    if (a.t === 'ack' && latestView(trainer).phase !== 'running')
      a = await trainer.command({ type: 'resume' });
    expect(a.t).toBe('ack');
    if (a.t === 'ack') await settled([trainer], a.seq);

    const ctx = await browser.newContext({ viewport: { width: 375, height: 740 } });
    await ctx.addInitScript(
      ([id, cred]) => {
        // Chinese on the first load; a later switch (below) survives the reload.
        if (localStorage.getItem('drill.lang') === null) localStorage.setItem('drill.lang', 'zh-CN');
        localStorage.setItem(`drill.room.member.${id}`, cred);
      },
      [room.room.id, JSON.stringify({ token: li.token, name: '李伟', team: 'A组' })] as const,
    );
    const page = await ctx.newPage();
    try {
      await page.goto(new URL(`/#/room/${room.room.id}/seat`, server.url).toString());
      const card = page.locator('[data-decision="d1_concerns"]');
      const cardSel = '[data-decision="d1_concerns"]';
      await card.getByLabel('县水利局的发言').waitFor();
      expect(await axe(page, 'discussion card', cardSel)).toEqual([]);
      await card.getByLabel('县水利局的发言').fill('石板水库溢洪道闸门未销号');
      await expect.poll(() => card.getByText('12 / 4000 字').count()).toBe(1);
      // One box: the member's own seat, not their teammate's.
      expect(await card.getByRole('textbox').count()).toBe(1);
      await card.getByRole('button', { name: '记录发言' }).click();
      await card.getByRole('status').filter({ hasText: '发言已记录。' }).waitFor();
      const answers = server.rooms.get(room.room.id)!.table.stateOf(0).decisions.d1_concerns!.answers;
      expect(answers).toMatchObject([{ role: 'water', text: '石板水库溢洪道闸门未销号' }]);
      await card.getByText('石板水库溢洪道闸门未销号').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      // The card with its recorded answer, in Chinese and then in English: no serious or critical axe finding.
      expect(await axe(page, 'discussion card', cardSel)).toEqual([]);
      await page.evaluate(() => localStorage.setItem('drill.lang', 'en'));
      await page.reload();
      await card.getByText('石板水库溢洪道闸门未销号').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await axe(page, 'discussion card', cardSel)).toEqual([]);
    } finally {
      await ctx.close();
      trainer.close();
    }
  });
});
