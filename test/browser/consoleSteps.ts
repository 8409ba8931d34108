import type { Page } from 'playwright-core';
import type { Lang } from '@drill/engine';
import { translate } from '../../web/src/i18n.ts';
import { POLL } from './chromium.ts';

/** The inputs the console says it has saved (`Saved in this browser · N inputs`). */
export async function savedCount(page: Page): Promise<string> {
  return (await page.getByTestId('saved').textContent()) ?? '';
}

/**
 * Clicks one of the console's clock buttons and waits for its outcome: the clock moved (the saved count
 * changed), the warning that decisions would close with their defaults, or a refusal in the clock bar.
 * Returns whether it warned. `before`: the saved count before the click, when the caller has it.
 */
export async function clockStep(page: Page, button: string, before?: string): Promise<boolean> {
  before ??= await savedCount(page);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForFunction(
    (b) =>
      document.querySelector('[data-testid=defaults-warning]') !== null ||
      document.querySelector('.clockbar .feedback-bad') !== null ||
      document.querySelector('[data-testid=saved]')?.textContent !== b ||
      document.querySelector('[data-testid=saved]') === null,
    before,
    POLL,
  );
  return (await page.getByTestId('defaults-warning').count()) > 0;
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
  if (!(await clockStep(page, button, before))) return false;
  await page.getByTestId('defaults-warning').getByRole('button', { name: anyway }).click();
  await page.waitForFunction(
    (b) =>
      document.querySelector('[data-testid=saved]')?.textContent !== b ||
      document.querySelector('[data-testid=saved]') === null,
    before,
    POLL,
  );
  return true;
}

/**
 * Records one team's open decisions (first or last option, or 1 unit), confirming each read-back, with
 * the console's labels in `lang` (an English label in a Chinese console finds nothing: the first
 * `fill` waited out its 30-second timeout).
 */
export async function decideAll(
  page: Page,
  team: string,
  pick: 'first' | 'last',
  lang: Lang = 'en',
): Promise<number> {
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
    await card.getByLabel(translate(lang, 'rationale')).fill(`${team}: ${pick} — keep people safe`);
    const id = await card.getAttribute('data-decision');
    await card.getByRole('button', { name: translate(lang, 'record', { team }) }).click();
    await card.getByRole('button', { name: translate(lang, 'confirmRecord'), exact: true }).click();
    await page
      .locator(`section.team-decisions[data-team="${team}"] article.decision[data-decision="${id}"]`)
      .waitFor({ state: 'detached' });
    n++;
  }
  return n;
}
