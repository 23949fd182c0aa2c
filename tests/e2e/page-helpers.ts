import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './browser.js';
import { keepJournal } from './page-journal.js';

/**
 * Opens a page in a fresh browser context (its own storage, so its own sign-in): a desktop of
 * 1400 × 900, or a phone of 360 × 740 with touch; in Chinese, with generous timeouts.
 * @example
 * const phone = await openPage(browser, { phone: true });
 */
export async function openPage(browser: Browser, options: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(options.phone ? { viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  // Generous: the machine has 2 cores, shared with the server in-process and other test runs.
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  keepJournal(page);
  return page;
}

/**
 * The text of a dashboard figure's value (`[data-figure="completion"] [data-value]`).
 * @example
 * await figureValue(page, 'received'); // '94'
 */
export async function figureValue(page: Page, figure: string): Promise<string> {
  return ((await page.locator(`[data-figure="${figure}"] [data-value]`).first().textContent()) ?? '').trim();
}

/**
 * How wide the page's content is: wider than the viewport means sideways scrolling on a phone.
 * @example
 * expect(await pageWidth(page)).toBeLessThanOrEqual(360);
 */
export async function pageWidth(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth'));
}

/**
 * The state title the case page shows (its `[data-state]` chip).
 * @example
 * await expect.poll(() => stateOf(page)).toBe('调解');
 */
export async function stateOf(page: Page): Promise<string> {
  return (await page.locator('[data-state]').first().textContent()) ?? '';
}

/**
 * Sends an event from the case page through its form: opens it, fills the given text fields
 * that are still empty, confirms, and waits for the dialog to close.
 * @example
 * await sendEvent(page, '调解成功', { 办理结果: '已协调解决' });
 */
export async function sendEvent(page: Page, label: string, fill: Record<string, string> = {}): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  for (const [field, value] of Object.entries(fill)) {
    const input = dialog.getByRole('textbox', { name: field });
    if ((await input.inputValue()) === '') await input.fill(value);
  }
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Makes a township overlay of the grievance template through the workflows list's dialog, as a
 * township admin would, and waits for its designer to open.
 * @example
 * await createOverlayFromList(page, 'chalu-chamber');
 */
export async function createOverlayFromList(page: Page, key: string): Promise<void> {
  await page.getByRole('button', { name: '定制本乡镇流程' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '模板' }).click();
  await page.getByRole('option', { name: /union-grievance v1/ }).click();
  await dialog.getByRole('textbox', { name: '流程标识' }).fill(key);
  await dialog.getByRole('button', { name: '创建并打开设计器' }).click();
  await page.waitForURL(new RegExp(`#/workflows/${encodeURIComponent(`${key}@1`)}/design`));
}

// The panel's app bar stays fixed at the top (sliding in and out as the page scrolls): it would
// cover the top of a part scrolled up to it.
const HIDE_APP_BAR = '.MuiAppBar-root { visibility: hidden !important; }';

/**
 * Saves a screenshot of one part of the page (a panel, a form section) as
 * tests/e2e/artifacts/<name>.png, for documentation that shows that part alone.
 * @example
 * await screenshotOf(page.getByTestId('validation-panel'), 'designer-validation-sentence');
 */
export async function screenshotOf(part: Locator, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await part.screenshot({ path, style: HIDE_APP_BAR });
  return path;
}

/**
 * Waits until nothing in one part of the page is animating (an accordion opening, another
 * closing): a click sent mid-transition can land where the button was a frame before and be lost,
 * which a loaded CI machine makes likely.
 * @example
 * await settings.getByText('欠薪诉求', { exact: true }).click();
 * await settled(settings);
 */
export async function settled(part: Locator): Promise<void> {
  // The tests compile without the DOM library, so the Web Animations API is described here.
  type Running = { effect: { getTiming(): { iterations?: number } } | null; finished: Promise<unknown> };
  await part.evaluate(async (element: { getAnimations(options: { subtree: boolean }): Running[] }) => {
    for (;;) {
      // A spinner's endless animation never finishes; only transitions with an end count.
      const running = element.getAnimations({ subtree: true }).filter((animation) => animation.effect?.getTiming().iterations !== Infinity);
      if (running.length === 0) return;
      await Promise.allSettled(running.map((animation) => animation.finished));
    }
  });
}
