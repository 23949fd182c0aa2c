import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createDatabase, startServer } from '@shuoshi/server';

/**
 * The built panel the e2e server serves.
 * @example
 * existsSync(join(ADMIN_DIST, 'index.html'));
 */
export const ADMIN_DIST = fileURLToPath(new URL('../../packages/admin/dist', import.meta.url));

/**
 * A real server for the browser tests: in-process, on a free port, in test mode, with the Ninghai
 * demo seeded; PGlite in memory, or a fresh schema of DATABASE_URL's PostgreSQL (dropped at close).
 * @example
 * const server = await startE2eServer();
 * await page.goto(server.url);
 * await server.close();
 */
export async function startE2eServer(): Promise<{ url: string; close(): Promise<void> }> {
  const databaseUrl = process.env['DATABASE_URL'];
  const schema = `e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SHUOSHI_TEST_MODE: 'true',
    SHUOSHI_ADMIN_DIST: ADMIN_DIST,
    SHUOSHI_DATA_DIR: 'memory://',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, SHUOSHI_DB_SCHEMA: schema, SHUOSHI_SECRET: 'e2e-test-secret-of-at-least-32-characters' } : {}),
  };
  const running = await startServer({ env, out: () => undefined });
  return {
    url: running.url,
    async close() {
      await running.close();
      if (databaseUrl) {
        const handle = await createDatabase({ databaseUrl });
        await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
        await handle.close();
      }
    },
  };
}
