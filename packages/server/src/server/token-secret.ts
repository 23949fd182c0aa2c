import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../config/server-config.js';
import { StartupError } from './startup-error.js';

/** The file in the PGlite data folder that keeps the generated token secret. */
export const SECRET_FILE = 'shuoshi-token-secret';

/**
 * Where the token secret came from.
 * @example
 * const s: TokenSecret = { secret: '…', source: 'generated', file: '.shuoshi/data/shuoshi-token-secret' };
 */
export interface TokenSecret {
  secret: string;
  source: 'environment' | 'file' | 'generated' | 'ephemeral';
  file?: string;
}

/**
 * The secret that signs login tokens: `SHUOSHI_SECRET` when set; else, on the embedded database,
 * one generated on the first start and kept in the data folder (so tokens survive a restart, and
 * a new data folder gets a new secret); a throw-away one for an in-memory database (`dataDir`
 * null). On PostgreSQL it must be set: several server processes share that database and must
 * share the secret, which a file on one machine cannot promise.
 * @example
 * const { secret } = resolveTokenSecret(config, '/srv/shuoshi/data');
 */
export function resolveTokenSecret(config: Pick<ServerConfig, 'SHUOSHI_SECRET' | 'DATABASE_URL'>, dataDir: string | null): TokenSecret {
  if (config.SHUOSHI_SECRET) return { secret: config.SHUOSHI_SECRET, source: 'environment' };
  if (config.DATABASE_URL) {
    throw new StartupError(
      'SHUOSHI_SECRET is required with DATABASE_URL: every server process on that PostgreSQL must sign login tokens with the same secret. Set one of at least 32 characters, e.g. SHUOSHI_SECRET=$(openssl rand -hex 32).',
    );
  }
  if (dataDir === null) return { secret: randomBytes(32).toString('hex'), source: 'ephemeral' };
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < 32) throw new StartupError(`The token secret in ${file} is shorter than 32 characters; delete the file to generate a new one (everyone signs in again) or set SHUOSHI_SECRET.`);
    return { secret, source: 'file', file };
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, source: 'generated', file };
}
