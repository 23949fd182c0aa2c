/**
 * Referrals with tracked replies (跨界联动): staff list them and sign links; the agency answers
 * through the public routes with its link. `referralLinkFor` signs a link from code that delivers
 * the `refer` effect (e.g. the outbox's webhook body or a message to the agency).
 * @example
 * import { createPublicReferralsRouter, createReferralsRouter, referralLinkFor } from '../referrals/index.js';
 */
export { createReferralsRouter } from './routes.js';
export { createPublicReferralsRouter } from './public-routes.js';
export { referralLinkFor } from './referral-link-for.js';
export { readReferralLink } from './read-referral-link.js';
export { REFERRAL_LINK_PURPOSE, signReferralLink, type ReferralLink, type ReferralLinkClaims } from './sign-referral-link.js';
export { DEFAULT_REFERRAL_SETTINGS, referralSettingsFromConfig, referralSettingsFromEnv, referralSettingsOf, type ReferralSettings } from './referral-settings.js';
