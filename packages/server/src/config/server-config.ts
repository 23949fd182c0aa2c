import { z } from 'zod';

const booleanText = z
  .enum(['true', 'false', '1', '0'], { error: (issue) => `must be "true" or "false", got ${JSON.stringify(issue.input)}` })
  .transform((v) => v === 'true' || v === '1');

/** Cases each server process keeps in memory by default (SHUOSHI_CASE_CACHE_SIZE); a few MB. */
export const DEFAULT_CASE_CACHE_SIZE = 1000;

function wholeNumber(example: number, min: number, max: number) {
  const notWhole = (issue: { input: unknown }) => `must be a whole number such as ${example}, got ${JSON.stringify(issue.input)}`;
  // Checked as text first: a coerced "lots" would be quoted back as NaN (JSON: null), not as what was set.
  return z
    .union([z.string().trim().regex(/^-?\d+$/, { error: notWhole }), z.number().int({ error: notWhole })], { error: notWhole })
    .transform(Number)
    .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }))
    .default(example);
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

/**
 * Zod schema of the outbox's environment variables (part of {@link serverEnvSchema}): where
 * webhooks go and how they are signed, how often deliveries are tried and how many times.
 * @example
 * outboxEnvSchema.parse({ SHUOSHI_WEBHOOK_URL: 'https://hooks.example.org/shuoshi', SHUOSHI_WEBHOOK_SECRET: 'a-secret-of-16-chars+' });
 */
export const outboxEnvSchema = z
  .object({
    SHUOSHI_WEBHOOK_URL: z
      .string()
      .refine(isHttpUrl, { error: (issue) => `must be an http(s) URL such as https://hooks.example.org/shuoshi, got ${JSON.stringify(issue.input)}` })
      .optional(),
    SHUOSHI_WEBHOOK_SECRET: z.string().min(16, { error: 'must be at least 16 characters (it signs webhook bodies); generate one with `openssl rand -hex 32`' }).optional(),
    SHUOSHI_WEBHOOK_TIMEOUT_MS: wholeNumber(5000, 100, 120_000),
    SHUOSHI_OUTBOX_MAX_ATTEMPTS: wholeNumber(8, 1, 50),
    SHUOSHI_OUTBOX_INTERVAL_MS: wholeNumber(1000, 50, 600_000),
  })
  .superRefine(requireWebhookSecret);

function requireWebhookSecret(env: { SHUOSHI_WEBHOOK_URL?: string | undefined; SHUOSHI_WEBHOOK_SECRET?: string | undefined }, ctx: z.RefinementCtx): void {
  if (env.SHUOSHI_WEBHOOK_URL !== undefined && env.SHUOSHI_WEBHOOK_SECRET === undefined) {
    ctx.addIssue({ code: 'custom', path: ['SHUOSHI_WEBHOOK_SECRET'], message: 'must be set when SHUOSHI_WEBHOOK_URL is (receivers check the signature made with it); generate one with `openssl rand -hex 32`' });
  }
}

/**
 * Zod schema of the referral links' environment variables (part of {@link serverEnvSchema}): the
 * address agencies open their links at, and how long a link keeps working after the reply deadline.
 * @example
 * referralEnvSchema.parse({ SHUOSHI_PUBLIC_BASE_URL: 'https://shuoshi.example.org', SHUOSHI_REFERRAL_LINK_GRACE_DAYS: '14' });
 */
export const referralEnvSchema = z.object({
  SHUOSHI_PUBLIC_BASE_URL: z
    .string()
    .refine(isHttpUrl, { error: (issue) => `must be the http(s) address the admin panel is reached at from outside, such as https://shuoshi.example.org (referral links sent to agencies start with it), got ${JSON.stringify(issue.input)}` })
    .optional(),
  // Checked as text first, so that the message quotes what was written (a coerced "a month" would be NaN).
  SHUOSHI_REFERRAL_LINK_GRACE_DAYS: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, { error: (issue) => `must be a whole number of days such as 30 (how long a referral link keeps working after the reply deadline), got ${JSON.stringify(issue.input)}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: 'must be at least 1 day, so that an agency answering on the deadline still can' })
        .max(365, { error: 'must be at most 365 days: a link is a credential, it should not work for years' }),
    )
    .default(30),
});

function requireOneProcessWhereShared(env: { SHUOSHI_WORKERS: number | 'auto'; DATABASE_URL?: string | undefined; SHUOSHI_TEST_MODE: boolean }, ctx: z.RefinementCtx): void {
  if (env.SHUOSHI_WORKERS === 'auto' || env.SHUOSHI_WORKERS === 1) return;
  if (env.DATABASE_URL === undefined) {
    ctx.addIssue({ code: 'custom', path: ['SHUOSHI_WORKERS'], message: `is ${env.SHUOSHI_WORKERS}, but the embedded database (PGlite) is opened by one process only; leave it at 1 or "auto", or set DATABASE_URL to run several processes on PostgreSQL` });
  } else if (env.SHUOSHI_TEST_MODE) {
    ctx.addIssue({ code: 'custom', path: ['SHUOSHI_WORKERS'], message: `is ${env.SHUOSHI_WORKERS}, but in test mode the clock that tests move lives in one process; leave it at 1 or "auto" with SHUOSHI_TEST_MODE=true` });
  }
}

/** The most processes SHUOSHI_WORKERS=auto starts, however many CPUs there are. */
export const MAX_AUTO_WORKERS = 8;

/**
 * How many server processes `shuoshi start` runs: SHUOSHI_WORKERS, where "auto" is one per CPU
 * on PostgreSQL (8 at most) and one on the embedded database or in test mode (whose clock is one
 * process's).
 * @example
 * workerCount(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/test' }), 2); // 2
 */
export function workerCount(config: Pick<ServerConfig, 'SHUOSHI_WORKERS' | 'DATABASE_URL' | 'SHUOSHI_TEST_MODE'>, cpus: number): number {
  if (config.SHUOSHI_WORKERS !== 'auto') return config.SHUOSHI_WORKERS;
  // More processes than this rarely pay on one database: each brings its own connections and loops.
  return config.DATABASE_URL === undefined || config.SHUOSHI_TEST_MODE ? 1 : Math.min(MAX_AUTO_WORKERS, Math.max(1, cpus));
}

/**
 * Zod schema of the server's environment variables, each with a message saying how to fix it.
 * @example
 * serverEnvSchema.parse({ PORT: '3000' });
 */
export const serverEnvSchema = z.object({
  PORT: z.coerce.number({ error: (issue) => `must be a port number such as 3000, got ${JSON.stringify(issue.input)}` }).int({ error: (issue) => `must be a whole port number, got ${JSON.stringify(issue.input)}` }).min(0, { error: 'must be 0 or more' }).max(65535, { error: 'must be at most 65535' }).default(3000),
  HOST: z.string().min(1, { error: 'must name an address to listen on, e.g. 127.0.0.1 or 0.0.0.0' }).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: (issue) => `must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/shuoshi, got ${JSON.stringify(issue.input)}` })
    .optional(),
  SHUOSHI_DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: (issue) => `must be a lower-case PostgreSQL schema name, got ${JSON.stringify(issue.input)}` })
    .default('public'),
  SHUOSHI_DATA_DIR: z.string().min(1).default('./.shuoshi/data'),
  SHUOSHI_SECRET: z.string().min(32, { error: 'must be at least 32 characters (it signs login tokens); generate one with `openssl rand -hex 32`' }).optional(),
  SHUOSHI_TEST_MODE: booleanText.default(false),
  SHUOSHI_SEED: booleanText.default(true),
  SHUOSHI_ADMIN_DIST: z.string().min(1).optional(),
  SHUOSHI_WORKERS: z
    .string()
    .regex(/^(auto|\d{1,3})$/, { error: (issue) => `must be "auto" (one process per CPU on PostgreSQL, one on the embedded database) or a number of processes such as 2, got ${JSON.stringify(issue.input)}` })
    .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)))
    .pipe(z.union([z.literal('auto'), z.number().int().min(1, { error: 'must be at least 1' }).max(64, { error: 'must be at most 64' })]))
    // One by default: measured on 2 cores shared with PostgreSQL, two processes answered fewer
    // events than one (docs/benchmarks.md); "auto" pays where the database has cores of its own.
    .default(1),
  // Cases kept in memory per process so that an event on a case this process holds at the version
  // sent skips reading it (cases/case-row-cache.ts); 0 turns that off.
  SHUOSHI_CASE_CACHE_SIZE: wholeNumber(DEFAULT_CASE_CACHE_SIZE, 0, 1_000_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: (issue) => `must be one of fatal, error, warn, info, debug, trace, silent, got ${JSON.stringify(issue.input)}` }).default('info'),
  ...outboxEnvSchema.shape,
  ...referralEnvSchema.shape,
}).superRefine((env, ctx) => {
  requireWebhookSecret(env, ctx);
  requireOneProcessWhereShared(env, ctx);
});

/**
 * The server's configuration.
 * @example
 * const config: ServerConfig = loadConfig(process.env);
 */
export type ServerConfig = z.infer<typeof serverEnvSchema>;

/**
 * Reads the configuration from environment variables, or throws one error listing every bad
 * value with its variable name.
 * @example
 * const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://127.0.0.1/test' });
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = serverEnvSchema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${String(issue.path[0])}: ${issue.message}`);
  throw new Error(`The server's configuration is not valid:\n${lines.join('\n')}`);
}
