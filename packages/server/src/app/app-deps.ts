import type { Engine } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { CallerCache } from '../auth/caller-cache.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { CaseRowCache } from '../cases/case-row-cache.js';
import type { Clock } from '../clock/clock.js';
import type { ServerConfig } from '../config/server-config.js';
import type { Database } from '../db/database.js';

/**
 * Everything the app needs, injected: the database, the engine, tokens, a logger and the clock.
 * @example
 * const app = createApp({ db, engine, tokens, logger, clock, options: { testMode: true } });
 */
export interface AppDeps {
  db: Kysely<Database>;
  /** The engine; every published workflow version is registered in it. */
  engine: Engine;
  tokens: TokenSigner;
  /** Callers of recent tokens; createApp makes one (5 s) when it is not given. */
  callerCache?: CallerCache;
  /** Case rows this process last read or wrote (see CaseRowCache); createApp makes one when it is not given. */
  caseCache?: CaseRowCache;
  logger: Logger;
  clock: Clock;
  /**
   * The validated server configuration (startServer sets it). Builders read their settings from it
   * (outbox, referral links) and fall back to the environment when it is absent, as in tests.
   */
  config?: ServerConfig;
  options: {
    testMode: boolean;
    /** Folder of the built admin panel, served at `/` when it exists. */
    adminDist?: string;
    /** Largest attachment in bytes. */
    attachmentMaxBytes?: number;
    /** Per-IP limits of /api/public (intake, status, rating, disclosures); see public/public-rate-limits.ts for the defaults. */
    publicRateLimits?: Partial<Record<'read' | 'lookup' | 'write', { limit: number; windowMs: number }>>;
  };
}
