import { z } from 'zod';

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

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

const referralEnvSchema = z.object({
  SHUOSHI_PUBLIC_BASE_URL: z
    .string()
    .refine(isHttpUrl, { error: (issue) => `must be the http(s) address the admin panel is reached at, such as https://shuoshi.example.org, got ${JSON.stringify(issue.input)}` })
    .optional(),
  SHUOSHI_REFERRAL_LINK_GRACE_DAYS: z.coerce
    .number({ error: (issue) => `must be a whole number of days such as 30, got ${JSON.stringify(issue.input)}` })
    .int({ error: (issue) => `must be a whole number of days such as 30, got ${JSON.stringify(issue.input)}` })
    .min(1, { error: 'must be at least 1 day' })
    .max(365, { error: 'must be at most 365 days' })
    .optional(),
});

/**
 * Reads the referral settings from SHUOSHI_PUBLIC_BASE_URL and SHUOSHI_REFERRAL_LINK_GRACE_DAYS;
 * throws one error naming every bad variable.
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
  return {
    ...DEFAULT_REFERRAL_SETTINGS,
    // A trailing slash would double in `<base>/referral/<token>`.
    publicBaseUrl: result.data.SHUOSHI_PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    linkGraceDays: result.data.SHUOSHI_REFERRAL_LINK_GRACE_DAYS ?? DEFAULT_REFERRAL_SETTINGS.linkGraceDays,
  };
}
