import type { Browser, Page } from 'playwright-core';
import { screenshot } from './browser.js';

// The last things each page did, kept so that a failed test can say what the page was doing:
// CI shows only what the run printed.
const journals = new WeakMap<Page, string[]>();
const KEPT = 40;
// Numbers the reports, so that a retried step's screenshots do not overwrite the first attempt's.
let reports = 0;

// A page stuck in a busy loop must not hold the hook until its own time limit.
function within<T>(ms: number, work: Promise<T>, late: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(late), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function note(page: Page, line: string): void {
  const journal = journals.get(page);
  if (!journal) return;
  journal.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
  if (journal.length > KEPT) journal.shift();
}

/**
 * Keeps a short journal of a page's navigations, failed or refused requests, console errors and
 * page errors, for `reportFailedPages`.
 * @example
 * const page = await context.newPage();
 * keepJournal(page);
 */
export function keepJournal(page: Page): void {
  journals.set(page, []);
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
 * text, and saves a screenshot `failed-<report>-<test>-<page>.png`: called after a failed test.
 * @example
 * afterEach(async ({ task }) => {
 *   if (task.result?.state === 'fail') await reportFailedPages(browser, task.name);
 * });
 */
export async function reportFailedPages(browser: Browser | undefined, testName: string): Promise<void> {
  if (!browser) return;
  const pages = browser.contexts().flatMap((context) => context.pages());
  reports += 1;
  const slug = testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
  for (const [index, page] of pages.entries()) {
    const read = page
      .evaluate('document.body ? document.body.innerText : ""')
      .then((value) => String(value).replace(/\s+/g, ' ').slice(0, 600))
      .catch((error: unknown) => `(no text: ${String(error)})`);
    const text = await within(10_000, read, '(no text: the page did not answer within 10 s)');
    const shot = await screenshot(page, `failed-${reports}-${slug}-${index}`, { timeout: 10_000 }).catch((error: unknown) => `(no screenshot: ${String(error)})`);
    console.error([`page ${index} after "${testName}" failed: ${page.url()}`, ...(journals.get(page) ?? []).map((line) => `  ${line}`), `  text: ${text}`, `  screenshot: ${shot}`].join('\n'));
  }
}
