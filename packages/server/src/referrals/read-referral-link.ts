import type { AppDeps } from '../app/app-deps.js';
import { REFERRAL_LINK_PURPOSE, type ReferralLinkClaims } from './sign-referral-link.js';

/**
 * The referral a link token stands for and when the link expires, or undefined when the token is
 * tampered with, expired (by the server's clock), signed for another purpose or not a token at all.
 * @example
 * const link = await readReferralLink(deps, token);
 * if (!link) throw invalidLink();
 */
export async function readReferralLink(deps: Pick<AppDeps, 'tokens'>, token: string): Promise<(ReferralLinkClaims & { expiresAt: string }) | undefined> {
  const payload = await deps.tokens.verifyFor(REFERRAL_LINK_PURPOSE, token);
  if (!payload) return undefined;
  const { tid, cid, rid, agc, exp } = payload;
  if (typeof tid !== 'string' || typeof cid !== 'string' || typeof rid !== 'string' || typeof agc !== 'string' || typeof exp !== 'number') return undefined;
  return { tenantId: tid, caseId: cid, referralId: rid, agency: agc, expiresAt: new Date(exp * 1000).toISOString() };
}
