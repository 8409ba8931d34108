import type { Page } from 'playwright-core';

/** The inputs the console says it has saved (`Saved in this browser · N inputs`). */
export async function savedCount(page: Page): Promise<string> {
  return (await page.getByTestId('saved').textContent()) ?? '';
}

/**
 * Moves the clock with one of the console's clock buttons. When the console warns that decisions would
 * close with their defaults, the trainer's "Advance anyway" is clicked; returns whether it warned.
 */
export async function advance(
  page: Page,
  button = 'Advance to next event',
  anyway = 'Advance anyway',
): Promise<boolean> {
  const before = await savedCount(page);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForFunction(
    (b) =>
      document.querySelector('[data-testid=defaults-warning]') !== null ||
      document.querySelector('.clockbar .feedback-bad') !== null ||
      document.querySelector('[data-testid=saved]')?.textContent !== b ||
      document.querySelector('[data-testid=saved]') === null,
    before,
  );
  const warn = page.getByTestId('defaults-warning');
  if ((await warn.count()) === 0) return false;
  await warn.getByRole('button', { name: anyway }).click();
  await page.waitForFunction(
    (b) =>
      document.querySelector('[data-testid=saved]')?.textContent !== b ||
      document.querySelector('[data-testid=saved]') === null,
    before,
  );
  return true;
}

/** Records one team's open decisions (first or last option, or 1 unit), confirming each read-back. */
export async function decideAll(page: Page, team: string, pick: 'first' | 'last'): Promise<number> {
  let n = 0;
  for (let guard = 0; guard < 6; guard++) {
    const card = page.locator(`section.team-decisions[data-team="${team}"] article.decision`).first();
    if ((await card.count()) === 0) break;
    const numbers = card.locator('input[type=number]');
    if ((await numbers.count()) > 0) await numbers.first().fill('1');
    else {
      const opts = card.locator('input[type=radio], input[type=checkbox]');
      await (pick === 'first' ? opts.first() : opts.last()).check();
    }
    await card.getByLabel('Rationale').fill(`${team}: ${pick} — keep people safe`);
    const id = await card.getAttribute('data-decision');
    await card.getByRole('button', { name: /^Record/ }).click();
    await card.getByRole('button', { name: 'Confirm' }).click();
    await page
      .locator(`section.team-decisions[data-team="${team}"] article.decision[data-decision="${id}"]`)
      .waitFor({ state: 'detached' });
    n++;
  }
  return n;
}
