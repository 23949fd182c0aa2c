import type { Effect } from '@shuoshi/engine';

/**
 * What the event path stored for one effect: the case it belongs to and the engine's effect.
 * @example
 * const payload: OutboxPayload = { caseId: 'c1', reference: 'NH-2025-000001', workflow: { key: 'union-grievance', version: 1 }, effect };
 */
export interface OutboxPayload {
  caseId: string;
  reference: string;
  workflow: { key: string; version: number };
  effect: Effect;
}

/**
 * An outbox row claimed for delivery.
 * @example
 * const item: OutboxItem = { tenantId: 'chalu', outboxId: 'o1', caseId: 'c1', type: 'notify', payload, attempt: 1, deliveredChannels: [], createdAt: new Date() };
 */
export interface OutboxItem {
  /** The case's union. */
  tenantId: string;
  outboxId: string;
  caseId: string | null;
  type: string;
  payload: OutboxPayload;
  /** This attempt's number, 1 for the first. */
  attempt: number;
  /** Channels an earlier attempt already delivered to; they are not tried again. */
  deliveredChannels: readonly string[];
  createdAt: Date;
}

/**
 * A way to deliver outbox rows (webhook, in-app, SMS, WeChat): which rows it carries, and how.
 * `deliver` resolves when the row is delivered (or there is nobody to deliver it to) and throws
 * with a message saying what failed otherwise; it must be safe to call again for the same row.
 * @example
 * const channel: DeliveryChannel = { name: 'log', accepts: (item) => item.type === 'notify', deliver: async (item) => logger.info(item.outboxId) };
 */
export interface DeliveryChannel {
  readonly name: string;
  accepts(item: OutboxItem): boolean;
  deliver(item: OutboxItem): Promise<void>;
}
