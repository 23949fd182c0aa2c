import type { AppDeps } from '../app/app-deps.js';
import { outboxEnvSchema, type ServerConfig } from '../config/server-config.js';

/**
 * How the outbox worker delivers: batches, leases, retries and the webhook (absent when no URL is
 * configured).
 * @example
 * const settings: OutboxSettings = { ...DEFAULT_OUTBOX_SETTINGS, maxAttempts: 3 };
 */
export interface OutboxSettings {
  /** Pause between ticks that found nothing due. */
  intervalMs: number;
  /** Rows claimed per transaction. */
  batchSize: number;
  /** Rows of a batch delivered at the same time. */
  concurrency: number;
  /** How long a claim holds a row; a process that dies mid-delivery gives it back after this. */
  leaseMs: number;
  /** After this many failed attempts a row is `dead` (retried only through the API). */
  maxAttempts: number;
  /** Delay after the first failure; each later one is `backoffFactor` times longer, up to `maxBackoffMs`. */
  firstBackoffMs: number;
  backoffFactor: number;
  maxBackoffMs: number;
  /** A number in [0, 1) for the jitter; Math.random unless a test fixes it. */
  random: () => number;
  webhook?: { url: string; secret: string; timeoutMs: number } | undefined;
}

/**
 * The defaults: 30 s, 2 min, 8 min, 32 min, then hourly retries, dead after 8 attempts.
 * @example
 * createOutboxWorker(deps, { ...DEFAULT_OUTBOX_SETTINGS, batchSize: 10 });
 */
export const DEFAULT_OUTBOX_SETTINGS: OutboxSettings = Object.freeze({
  intervalMs: 1000,
  batchSize: 20,
  concurrency: 5,
  leaseMs: 120_000,
  maxAttempts: 8,
  firstBackoffMs: 30_000,
  backoffFactor: 4,
  maxBackoffMs: 3_600_000,
  random: Math.random,
  webhook: undefined,
});

/**
 * The outbox settings of a parsed server configuration (the webhook, its timeout, the attempts and
 * the interval, checked by loadConfig).
 * @example
 * const settings = outboxSettingsFromConfig(loadConfig(process.env));
 */
export function outboxSettingsFromConfig(
  config: Pick<ServerConfig, 'SHUOSHI_WEBHOOK_URL' | 'SHUOSHI_WEBHOOK_SECRET' | 'SHUOSHI_WEBHOOK_TIMEOUT_MS' | 'SHUOSHI_OUTBOX_MAX_ATTEMPTS' | 'SHUOSHI_OUTBOX_INTERVAL_MS'>,
): OutboxSettings {
  const timeoutMs = config.SHUOSHI_WEBHOOK_TIMEOUT_MS;
  const webhook = config.SHUOSHI_WEBHOOK_URL && config.SHUOSHI_WEBHOOK_SECRET ? { url: config.SHUOSHI_WEBHOOK_URL, secret: config.SHUOSHI_WEBHOOK_SECRET, timeoutMs } : undefined;
  return {
    ...DEFAULT_OUTBOX_SETTINGS,
    intervalMs: config.SHUOSHI_OUTBOX_INTERVAL_MS,
    maxAttempts: config.SHUOSHI_OUTBOX_MAX_ATTEMPTS,
    // A claim must outlast the slowest batch: every round of deliveries may wait for a webhook timeout.
    leaseMs: Math.max(DEFAULT_OUTBOX_SETTINGS.leaseMs, 4 * timeoutMs * Math.ceil(DEFAULT_OUTBOX_SETTINGS.batchSize / DEFAULT_OUTBOX_SETTINGS.concurrency)),
    webhook,
  };
}

/**
 * Reads the outbox settings from environment variables (SHUOSHI_WEBHOOK_URL, SHUOSHI_WEBHOOK_SECRET,
 * SHUOSHI_WEBHOOK_TIMEOUT_MS, SHUOSHI_OUTBOX_MAX_ATTEMPTS, SHUOSHI_OUTBOX_INTERVAL_MS); throws one
 * error naming every bad variable.
 * @example
 * const settings = outboxSettingsFromEnv(process.env);
 */
export function outboxSettingsFromEnv(env: Record<string, string | undefined>): OutboxSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([key, v]) => key in outboxEnvSchema.shape && v !== undefined && v !== ''));
  const result = outboxEnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${String(issue.path[0])}: ${issue.message}`);
    throw new Error(`The outbox's configuration is not valid:\n${lines.join('\n')}`);
  }
  return outboxSettingsFromConfig(result.data);
}

/**
 * The outbox settings of an app: from its validated configuration (`deps.config`, set by
 * startServer), else from the environment (tests and embedders that build AppDeps themselves).
 * @example
 * const outbox = createOutboxWorker(deps, outboxSettingsOf(deps));
 */
export function outboxSettingsOf(deps: Pick<AppDeps, 'config'>): OutboxSettings {
  return deps.config ? outboxSettingsFromConfig(deps.config) : outboxSettingsFromEnv(process.env);
}
