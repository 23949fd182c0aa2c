import type { AppDeps } from '../app/app-deps.js';
import { referralLinkFor } from '../referrals/referral-link-for.js';
import type { ReferralSettings } from '../referrals/referral-settings.js';
import { findAgencyContact } from './agency-contact.js';
import type { DeliveryChannel } from './delivery-channel.js';
import type { WorkerMessenger } from './worker-messenger.js';

// The same shape the engine and the public forms accept for a phone number, with enough digits to dial.
const PHONE = /^[0-9+\-\s()]{7,24}$/;

/**
 * Tells whether an agency's contact text is a phone number (digits, spaces, +, - and brackets,
 * at least 7 digits) that an SMS can go to; an e-mail address or a name is not.
 * @example
 * isPhoneContact('0574-6556 0101'); // true
 * isPhoneContact('liaison@ninghai.gov.cn'); // false
 */
export function isPhoneContact(contact: string): boolean {
  return PHONE.test(contact) && (contact.match(/\d/g)?.length ?? 0) >= 7;
}

function chinaDay(iso: string): string {
  // China keeps UTC+8 all year: the day of the deadline as the agency reads it.
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The channel that brings a referral to its agency (跨界联动): when the outbox delivers a `refer`
 * effect, it looks up the agency's contact (`agencies.contact` of the case's union or the nearest
 * union above it that registers the agency code), signs a link for the referral at that moment
 * (`referralLinkFor`) and texts it through the SMS messenger when the contact is a phone number.
 * Any other contact (an e-mail address, a name) and a missing one are logged — without the link,
 * which is a bearer credential; staff sign one with `POST /api/cases/:id/referrals/:referralId/link`.
 * The link lives only in the messenger's send call: never in the outbox row, its error or the log.
 * A referral that no longer awaits a reply (answered, withdrawn) has nothing to send. Sending the
 * same row again sends a fresh link (at least once, like every delivery).
 * @example
 * const agency = createAgencyReferralChannel(createLoggingMessenger('sms', logger), deps);
 */
export function createAgencyReferralChannel(
  messenger: WorkerMessenger,
  deps: Pick<AppDeps, 'db' | 'tokens' | 'clock' | 'config' | 'logger'>,
  options: { settings?: ReferralSettings } = {},
): DeliveryChannel {
  return {
    name: 'agency',
    accepts: (item) => item.payload.effect.type === 'refer',
    async deliver(item) {
      const { effect, reference } = item.payload;
      if (effect.type !== 'refer') return;
      const caseId = item.caseId ?? item.payload.caseId;
      const log = { channel: 'agency', outboxId: item.outboxId, tenantId: item.tenantId, reference, agency: effect.agency, referralId: effect.referralId };
      const found = await findAgencyContact(deps.db, item.tenantId, effect.agency);
      if (!found?.contact) {
        const where = found ? `union ${found.definedBy} registers it without a contact` : 'no union of the case registers it';
        deps.logger.info(log, `agency: the referral to ${effect.agency} was not sent: ${where}; add a contact under agencies, or sign a link for it in the case`);
        return;
      }
      if (!isPhoneContact(found.contact)) {
        deps.logger.info({ ...log, contact: found.contact }, `agency: the contact of ${effect.agency} is not a phone number; the referral was logged, not sent — sign a link for it in the case and send it by hand`);
        return;
      }
      const link = await referralLinkFor(deps, { tenantId: item.tenantId, caseId, referralId: effect.referralId }, options.settings ? { settings: options.settings } : {});
      if (!link) {
        deps.logger.debug(log, 'agency: the referral no longer awaits a reply; no link sent');
        return;
      }
      if (!/^https?:\/\//.test(link.url)) deps.logger.warn(log, 'agency: SHUOSHI_PUBLIC_BASE_URL is not set, so the link sent to the agency is relative; set it to the address the admin panel is reached at');
      const text = `【职工说事】${found.union.zh}请${found.name.zh}办理并答复事项 ${reference}，答复期限 ${chinaDay(effect.replyDueAt)}。查看和答复：${link.url}`;
      try {
        await messenger.send({ to: found.contact, text, reference, outboxId: item.outboxId, tenantId: item.tenantId, recipient: 'agency' });
      } catch (error) {
        // The error becomes the row's last_error, which the outbox API shows: a gateway that quotes the message must not leak the link.
        const message = (error instanceof Error ? error.message : String(error)).split(link.token).join('[link]');
        throw new Error(`The SMS gateway refused the referral to ${effect.agency}: ${message}`);
      }
    },
  };
}
