import { existsSync } from 'node:fs';

/**
 * Debian's chromium, which the browser tests drive (`apt-get install -y chromium fonts-wqy-microhei`).
 * @example
 * chromium.launch({ executablePath: CHROMIUM_PATH });
 */
export const CHROMIUM_PATH = process.env['SHUOSHI_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Whether the browser tests run: they do when chromium is installed and are skipped when it is
 * not, unless SHUOSHI_E2E=required (CI), where a missing chromium is an error.
 * @example
 * describe.skipIf(!e2eEnabled())('the panel in a browser', ...);
 */
export function e2eEnabled(): boolean {
  if (process.env['SHUOSHI_E2E'] === 'off') return false;
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env['SHUOSHI_E2E'] === 'required') {
    throw new Error(`SHUOSHI_E2E=required but there is no chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium fonts-wqy-microhei\` (or set SHUOSHI_CHROMIUM to its path).`);
  }
  return false;
}
