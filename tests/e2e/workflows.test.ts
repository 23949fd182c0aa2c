import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callApi, tokenOf } from './api-client.js';
import { launchChromium, screenshot, signIn } from './browser.js';
import { e2eEnabled } from './e2e-mode.js';
import { startE2eServer } from './e2e-server.js';
import { createOverlayFromList, openPage } from './page-helpers.js';
import { reportFailedPages } from './page-journal.js';

const enabled = e2eEnabled();
const KEY = 'chalu-e2e-flow';
const ID = `${KEY}@1`;

// The workflows list, a township overlay, its diff, the simulator and publishing, as a township admin.
describe.skipIf(!enabled)('the workflows list and a template life cycle in a browser', () => {
  let server: Awaited<ReturnType<typeof startE2eServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    page = await openPage(browser);
    await signIn(page, server.url, 'chalu.admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailedPages(browser, task.name);
  });

  it('lists the county templates with their versions and running cases', async () => {
    await page.goto(`${server.url}/#/workflows`);
    const row = page.locator('tr', { has: page.locator('[data-running="union-grievance@1"]') });
    await row.waitFor();
    await expect.poll(async () => row.locator('[data-status]').getAttribute('data-status')).toBe('published');
    expect(Number(await row.locator('[data-running="union-grievance@1"]').textContent())).toBeGreaterThan(0);
    await screenshot(page, 'workflows-list');
  });

  it('creates a township overlay from a template in the dialog and opens it', async () => {
    await createOverlayFromList(page, KEY);
  });

  it('shows the diff against the template side by side in words', async () => {
    // The designer (another page) edits overlays; here the change is made through the API.
    const token = await tokenOf(server.url, 'chalu.admin');
    await callApi(server.url, `/workflows/${encodeURIComponent(ID)}`, { token, method: 'PATCH', json: { overlay: { key: KEY, states: { triage: { sla: { within: '3wd' } } } } } });
    await page.goto(`${server.url}/#/workflows/${encodeURIComponent(ID)}/show`);
    const row = page.locator('[data-path="states.triage.sla"]');
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(['修改', '环节「研判分流」', '办理时限', '1 个工作日', '3 个工作日']);
    await screenshot(page, 'workflows-diff');
  });

  it('simulates a case on the diagram without touching the server', async () => {
    await page.getByRole('tab', { name: '模拟运行' }).click();
    await page.getByRole('button', { name: '开始模拟' }).click();
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.locator('[data-sim-state="triage"]').waitFor();
    await page.getByTestId('workflow-diagram').waitFor();
    await page.getByTestId('sim-amount').fill('4');
    await page.getByRole('button', { name: '推进时间' }).click();
    await page.locator('[data-kind="advance"]').waitFor();
    expect(await page.locator('[data-testid="sim-current"] [data-warning]').getAttribute('data-warning')).toBe('red');
    await screenshot(page, 'workflows-simulator');
  });

  it('publishes the draft with a note', async () => {
    await page.getByRole('button', { name: '发布' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('检查通过，可以发布。').waitFor();
    await dialog.getByTestId('publish-note').fill('研判时限改为三个工作日');
    await dialog.getByRole('button', { name: '发布' }).click();
    await expect.poll(async () => page.locator('[data-status]').first().getAttribute('data-status')).toBe('published');
    await page.getByText('研判时限改为三个工作日', { exact: false }).waitFor();
    await screenshot(page, 'workflows-published');
  });
});
