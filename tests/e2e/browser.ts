import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './e2e-mode.js';

/**
 * Where the browser tests write their screenshots (git-ignored).
 * @example
 * await page.screenshot({ path: join(ARTIFACTS_DIR, 'case-list.png') });
 */
export const ARTIFACTS_DIR = fileURLToPath(new URL('./artifacts', import.meta.url));

// The flags of DESIGN.md's working notes: no sandbox (root in a container), no GPU, no network of its own.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches Debian's chromium headless through playwright-core.
 * @example
 * const browser = await launchChromium();
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/**
 * Saves a full-page screenshot as tests/e2e/artifacts/<name>.png (within `options.timeout` ms
 * when given).
 * @example
 * await screenshot(page, 'case-list');
 */
export async function screenshot(page: Page, name: string, options: { timeout?: number } = {}): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, ...options });
  return path;
}

/**
 * Signs in through the login page as a demo user (password `shuoshi-demo`) and waits for the
 * page the user lands on: the cases list, or the dashboard for a supervisor.
 * @example
 * await signIn(page, server.url, 'ninghai.admin');
 * await signIn(page, server.url, 'ninghai.supervisor', /#\/dashboard/);
 */
export async function signIn(page: Page, baseUrl: string, username: string, landing: RegExp = /#\/cases/): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByRole('textbox', { name: '密码' }).fill('shuoshi-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(landing);
}
