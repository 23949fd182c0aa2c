import { ensureAdminBuild } from '../../packages/admin/scripts/admin-build.js';
import { e2eEnabled } from './e2e-mode.js';

/**
 * Before the browser tests: fails when CI requires them and chromium is missing, and builds the
 * admin panel when its dist is missing or older than its sources (skipped with the tests).
 * @example
 * // vitest.config.ts, project "e2e": globalSetup: ['tests/e2e/global-setup.ts']
 */
export function setup(): void {
  if (!e2eEnabled()) return;
  ensureAdminBuild({ log: (line) => console.log(line) });
}
