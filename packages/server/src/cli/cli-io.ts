import type { DatabaseHandle } from '../db/create-database.js';
import type { ServerConfig } from '../config/server-config.js';

/**
 * What a CLI command works with: its output streams, the environment, the folder relative
 * paths are read from, and (for tests) a way to open the database other than from the config.
 * @example
 * const io: CliIo = { out: console.log, err: console.error, env: process.env, baseDir: process.cwd() };
 */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  baseDir: string;
  openDatabase?: (config: ServerConfig) => Promise<DatabaseHandle>;
  /**
   * This process is the `shuoshi` command itself, so `start` may run copies of it as a cluster
   * (node:cluster forks the running script). Unset where the CLI runs inside another program, e.g.
   * a test: there `start` is one process whatever SHUOSHI_WORKERS says.
   */
  forkable?: boolean;
}

/**
 * A command's refusal with a message for the operator (printed without a stack trace, exit 1).
 * @example
 * throw new CliError('Workflow file "x.json" is not valid JSON: ...');
 */
export class CliError extends Error {
  override readonly name = 'CliError';
}
