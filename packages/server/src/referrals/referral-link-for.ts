import type { AppDeps } from '../app/app-deps.js';
import { referralSettingsOf, type ReferralSettings } from './referral-settings.js';
import { findReferralRow } from './repository.js';
import { signReferralLink, type ReferralLink } from './sign-referral-link.js';

/**
 * The signed link for a referral still awaiting its reply, or undefined when the case has no such
 * referral or it is no longer awaiting. For code that delivers the `refer` effect (the outbox's
 * webhook or a message to the agency) and for staff: it checks no caller, so only call it for a
 * case the code already acts for. The URL is `<base>/referral/<token>` with the base from
 * `options.baseUrl`, else SHUOSHI_PUBLIC_BASE_URL (the server's configuration, or the environment), else relative (`/referral/<token>`).
 * @example
 * const link = await referralLinkFor(deps, { tenantId: 'chalu', caseId, referralId: effect.referralId });
 */
export async function referralLinkFor(
  deps: Pick<AppDeps, 'db' | 'tokens' | 'clock' | 'config'>,
  target: { tenantId: string; caseId: string; referralId: string },
  options: { settings?: ReferralSettings; baseUrl?: string } = {},
): Promise<ReferralLink | undefined> {
  const settings = options.settings ?? referralSettingsOf(deps);
  const row = await findReferralRow(deps.db, { tenantId: target.tenantId }, target.caseId, target.referralId, deps.clock.now());
  if (!row || row.referral.status !== 'awaiting') return undefined;
  const claims = { tenantId: row.tenant_id, caseId: row.case_id, referralId: row.referral.id, agency: row.referral.agency };
  return signReferralLink(deps, claims, row.referral.replyDueAt, settings, options.baseUrl ?? settings.publicBaseUrl ?? '');
}
