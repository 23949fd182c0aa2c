import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './browser.js';

// The last things each page did, kept so that a failed test can say what the page was doing:
// CI shows only what the run printed.
const journals = new WeakMap<Page, { lines: string[]; written: number; reported: number }>();
const KEPT = 40;

function note(page: Page, line: string): void {
  const journal = journals.get(page);
  if (!journal) return;
  journal.lines.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
  journal.written += 1;
  if (journal.lines.length > KEPT) journal.lines.shift();
}

/**
 * Keeps a short journal of a page's navigations, failed or refused requests, console errors and
 * page errors, for `reportFailedPages`.
 * @example
 * const page = await context.newPage();
 * keepJournal(page);
 */
export function keepJournal(page: Page): void {
  journals.set(page, { lines: [], written: 0, reported: 0 });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) note(page, `navigated to ${frame.url()}`);
  });
  page.on('requestfailed', (request) => note(page, `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'no reason'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) note(page, `answer ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') note(page, `console ${message.type()}: ${message.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) => note(page, `page error: ${error.message}`));
}

/**
 * Prints, for every page still open in the browser, its address, its journal and the start of its
 * text, and saves a screenshot `failed-<test>-<n>.png`: called after a failed test.
 * @example
 * afterEach(async ({ task }) => {
 *   if (task.result?.state === 'fail') await reportFailedPages(browser, task.name);
 * });
 */
export async function reportFailedPages(browser: Browser | undefined, testName: string): Promise<void> {
  if (!browser) return;
  // A page left open by an earlier failure is reported again only when it did something since.
  const pages = browser
    .contexts()
    .flatMap((context) => context.pages())
    .filter((page) => {
      const journal = journals.get(page);
      return !journal || journal.written > journal.reported;
    });
  const slug = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  for (const [index, page] of pages.entries()) {
    const text = await page
      .evaluate('document.body ? document.body.innerText : ""')
      .then((value) => String(value).replace(/\s+/g, ' ').slice(0, 600))
      .catch((error: unknown) => `(no text: ${String(error)})`);
    const path = join(ARTIFACTS_DIR, `failed-${slug}-${index}.png`);
    const shot = await page.screenshot({ path, fullPage: true, timeout: 10_000 }).then(
      () => path,
      (error: unknown) => `(no screenshot: ${String(error)})`,
    );
    const journal = journals.get(page);
    if (journal) journal.reported = journal.written;
    console.error([`page ${index} after "${testName}" failed: ${page.url()}`, ...(journal?.lines ?? []).map((line) => `  ${line}`), `  text: ${text}`, `  screenshot: ${shot}`].join('\n'));
  }
}
