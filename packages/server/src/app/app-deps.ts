import type { Engine } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { TokenSigner } from '../auth/tokens.js';
import type { Clock } from '../clock/clock.js';
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
  logger: Logger;
  clock: Clock;
  options: {
    testMode: boolean;
    /** Folder of the built admin panel, served at `/` when it exists. */
    adminDist?: string;
    /** Largest attachment in bytes. */
    attachmentMaxBytes?: number;
  };
}
