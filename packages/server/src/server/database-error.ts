import { StartupError } from './startup-error.js';

const HINTS: Record<string, string> = {
  ECONNREFUSED: 'nothing listens there: start PostgreSQL, or fix the host and port in DATABASE_URL',
  ENOTFOUND: 'the host name does not resolve: fix the host in DATABASE_URL',
  ETIMEDOUT: 'the connection timed out: check the host, the port and any firewall',
  '28P01': 'the password was refused: fix the user and password in DATABASE_URL',
  '28000': 'the server refused this user: fix the user in DATABASE_URL or pg_hba.conf',
  '3D000': 'the database does not exist: create it (createdb NAME) or fix its name in DATABASE_URL',
  '42501': 'the user may not create what the server needs: grant it CREATE on the database and schema',
};

/**
 * Turns a failure to reach or prepare PostgreSQL into a StartupError that says what to fix;
 * other errors are returned unchanged.
 * @example
 * try { await migrateToLatest(db); } catch (error) { throw databaseStartupError(error, url); }
 */
export function databaseStartupError(error: unknown, databaseUrl: string | undefined): unknown {
  const seen = new Set<unknown>();
  for (let cause: unknown = error; cause && !seen.has(cause); cause = (cause as { cause?: unknown }).cause) {
    seen.add(cause);
    const code = (cause as { code?: unknown }).code;
    const hint = typeof code === 'string' ? HINTS[code] : undefined;
    if (hint) {
      const where = databaseUrl ? `PostgreSQL at ${databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}` : 'the database';
      return new StartupError(`Cannot use ${where}: ${hint} (${code}: ${(cause as Error).message}).`);
    }
  }
  return error;
}
