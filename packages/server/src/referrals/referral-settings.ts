import type { AppDeps } from '../app/app-deps.js';
import { referralEnvSchema, type ServerConfig } from '../config/server-config.js';

/**
 * How referral links are made and how hard the public referral routes may be hit.
 * @example
 * const settings: ReferralSettings = { ...DEFAULT_REFERRAL_SETTINGS, linkGraceDays: 7 };
 */
export interface ReferralSettings {
  /** Origin of the admin panel the link opens (`<base>/referral/<token>`); the request's origin when absent. */
  publicBaseUrl?: string | undefined;
  /** Days a link keeps working after the reply deadline (or after it is issued, when that is later). */
  linkGraceDays: number;
  /** Requests per client and window on the public routes: `reads` for GET, `writes` for each POST route. */
  rateLimit: { windowMs: number; reads: number; writes: number };
}

/**
 * The defaults: links work 30 days past the reply deadline; 60 reads and 10 answers a minute per client.
 * @example
 * createPublicReferralsRouter(deps, registry, DEFAULT_REFERRAL_SETTINGS);
 */
export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = Object.freeze({
  publicBaseUrl: undefined,
  linkGraceDays: 30,
  rateLimit: Object.freeze({ windowMs: 60_000, reads: 60, writes: 10 }),
});

/**
 * The referral settings of a parsed server configuration (SHUOSHI_PUBLIC_BASE_URL and
 * SHUOSHI_REFERRAL_LINK_GRACE_DAYS, checked by loadConfig).
 * @example
 * const settings = referralSettingsFromConfig(loadConfig(process.env));
 */
export function referralSettingsFromConfig(config: Pick<ServerConfig, 'SHUOSHI_PUBLIC_BASE_URL' | 'SHUOSHI_REFERRAL_LINK_GRACE_DAYS'>): ReferralSettings {
  return {
    ...DEFAULT_REFERRAL_SETTINGS,
    // A trailing slash would double in `<base>/referral/<token>`.
    publicBaseUrl: config.SHUOSHI_PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    linkGraceDays: config.SHUOSHI_REFERRAL_LINK_GRACE_DAYS ?? DEFAULT_REFERRAL_SETTINGS.linkGraceDays,
  };
}

/**
 * Reads the referral settings from SHUOSHI_PUBLIC_BASE_URL and SHUOSHI_REFERRAL_LINK_GRACE_DAYS
 * (the server's configuration schema checks them); throws one error naming every bad variable.
 * @example
 * const settings = referralSettingsFromEnv(process.env);
 */
export function referralSettingsFromEnv(env: Record<string, string | undefined>): ReferralSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([key, v]) => key in referralEnvSchema.shape && v !== undefined && v !== ''));
  const result = referralEnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${String(issue.path[0])}: ${issue.message}`);
    throw new Error(`The referral links' configuration is not valid:\n${lines.join('\n')}`);
  }
  return referralSettingsFromConfig(result.data);
}

/**
 * The referral settings of an app: from its validated configuration (`deps.config`, set by
 * startServer), else from the environment (tests and embedders that build AppDeps themselves).
 * @example
 * createPublicReferralsRouter(deps, registry, referralSettingsOf(deps));
 */
export function referralSettingsOf(deps: Pick<AppDeps, 'config'>): ReferralSettings {
  return deps.config ? referralSettingsFromConfig(deps.config) : referralSettingsFromEnv(process.env);
}
