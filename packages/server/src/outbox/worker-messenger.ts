import type { Logger } from 'pino';

/**
 * A message to the worker who raised a matter (or to an agency a referral goes to), for an SMS or WeChat gateway.
 * @example
 * const message: WorkerMessage = { to: '13812345678', text: '【说事】您反映的事项已办结…', reference: 'NH-2025-000001', outboxId: 'o1', tenantId: 'chalu' };
 */
export interface WorkerMessage {
  /** The phone number (SMS) or WeChat openid: personal data, never logged. */
  to: string;
  text: string;
  reference: string;
  outboxId: string;
  tenantId: string;
  /** Who it goes to: the worker who raised the matter (the default) or an agency a referral goes to. */
  recipient?: 'worker' | 'agency';
}

/**
 * The adapter to an SMS or WeChat gateway: resolves once the gateway accepted the message, throws
 * with a message saying what failed otherwise. Plug a real gateway in behind this interface.
 * @example
 * const sms: WorkerMessenger = { channel: 'sms', send: async (m) => gateway.send(m.to, m.text) };
 */
export interface WorkerMessenger {
  readonly channel: 'sms' | 'wechat';
  send(message: WorkerMessage): Promise<void>;
}

/**
 * A messenger that only logs that it would have sent (the default until a gateway is configured);
 * it logs the case reference, the outbox id and the length, never the number, openid or text.
 * @example
 * const sms = createLoggingMessenger('sms', logger);
 */
export function createLoggingMessenger(channel: 'sms' | 'wechat', logger: Logger): WorkerMessenger {
  return {
    channel,
    async send(message) {
      const recipient = message.recipient ?? 'worker';
      logger.info({ channel, recipient, outboxId: message.outboxId, tenantId: message.tenantId, reference: message.reference, chars: message.text.length }, `${channel}: no gateway configured; the message to the ${recipient} was logged, not sent`);
    },
  };
}
