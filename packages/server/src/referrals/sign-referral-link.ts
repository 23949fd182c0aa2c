import type { AppDeps } from '../app/app-deps.js';
import type { ReferralSettings } from './referral-settings.js';

/**
 * The audience of referral links: a token signed for anything else (a login) is refused.
 * @example
 * await deps.tokens.verifyFor(REFERRAL_LINK_PURPOSE, token);
 */
export const REFERRAL_LINK_PURPOSE = 'referral-link';

const DAY_MS = 86_400_000;

/**
 * What a referral link stands for: one referral of one case, and the agency it awaits.
 * @example
 * const claims: ReferralLinkClaims = { tenantId: 'chalu', caseId: 'c1', referralId: 'escalation.3', agency: 'people_congress_liaison' };
 */
export interface ReferralLinkClaims {
  tenantId: string;
  caseId: string;
  referralId: string;
  agency: string;
}

/**
 * A signed link for an agency: the page to open, the token in it and when it stops working.
 * @example
 * const link: ReferralLink = { url: 'https://shuoshi.example.org/referral/eyJ…', token: 'eyJ…', expiresAt: '2025-11-20T01:00:00.000Z' };
 */
export interface ReferralLink {
  url: string;
  token: string;
  expiresAt: string;
}

/**
 * Signs the link of a referral. It expires `linkGraceDays` after the reply deadline, or after now
 * when the deadline has passed (a late agency may still answer); the URL is `<base>/referral/<token>`.
 * @example
 * const link = await signReferralLink(deps, claims, '2025-10-20T09:00:00.000Z', settings, 'https://shuoshi.example.org');
 */
export async function signReferralLink(
  deps: Pick<AppDeps, 'tokens' | 'clock'>,
  claims: ReferralLinkClaims,
  replyDueAt: string,
  settings: Pick<ReferralSettings, 'linkGraceDays'>,
  baseUrl: string,
): Promise<ReferralLink> {
  const from = Math.max(Date.parse(replyDueAt) || 0, deps.clock.now().getTime());
  const expiresAt = new Date(from + settings.linkGraceDays * DAY_MS);
  const token = await deps.tokens.signFor(REFERRAL_LINK_PURPOSE, { tid: claims.tenantId, cid: claims.caseId, rid: claims.referralId, agc: claims.agency }, expiresAt);
  return { url: `${baseUrl.replace(/\/+$/, '')}/referral/${token}`, token, expiresAt: expiresAt.toISOString() };
}
