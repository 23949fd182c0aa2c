import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The admin package's folder (packages/admin).
 * @example
 * join(ADMIN_DIR, 'dist'); // where the built panel is
 */
export const ADMIN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The built panel's folder, which the server serves at `/`.
 * @example
 * existsSync(join(ADMIN_DIST, 'index.html'));
 */
export const ADMIN_DIST = join(ADMIN_DIR, 'dist');

// What the build reads: a change to any of these makes the built panel stale.
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Tells why the built panel must be (re)built: missing, or older than a source; null when it is current.
 * @example
 * staleReason(); // 'packages/admin/dist is missing'
 */
export function staleReason(adminDir: string = ADMIN_DIR): string | null {
  const builtIndex = join(adminDir, 'dist', 'index.html');
  if (!existsSync(builtIndex)) return 'packages/admin/dist is missing';
  const built = statSync(builtIndex).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(join(adminDir, source)) > built);
  return changed ? `packages/admin/${changed} changed after the last build` : null;
}

/**
 * Builds the panel with vite when its dist is missing or older than its sources; otherwise does
 * nothing. Throws when the build fails.
 * @example
 * ensureAdminBuild({ log: console.log });
 */
export function ensureAdminBuild(options: { log?: (line: string) => void; force?: boolean } = {}): { built: boolean; reason: string | null } {
  const reason = options.force ? 'a build was asked for' : staleReason();
  if (reason === null) return { built: false, reason };
  options.log?.(`Building the admin panel (${reason}) ...`);
  const vite = join(dirname(createRequire(join(ADMIN_DIR, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  // vitest sets NODE_ENV=test, which would make vite bundle React's development build.
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ADMIN_DIR, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`Building the admin panel failed (vite exited ${String(result.status ?? result.signal)}); run \`pnpm --filter @shuoshi/admin build\` to see why.`);
  return { built: true, reason };
}

// Run as a script (`tsx packages/admin/scripts/admin-build.ts`): build when stale, for `pnpm start`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureAdminBuild({ log: (line) => console.log(line), force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
