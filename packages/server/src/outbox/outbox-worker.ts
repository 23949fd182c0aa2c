import type { AppDeps } from '../app/app-deps.js';
import { createWorkerLoop, type WorkerLoop } from '../workers/worker-loop.js';
import { createAgencyReferralChannel } from './agency-referral-channel.js';
import { backoffDelay } from './backoff-delay.js';
import { claimDueDeliveries, recordDeliveryOutcome, type Claim, type DeliveryOutcome } from './delivery-repository.js';
import type { DeliveryChannel, OutboxItem } from './delivery-channel.js';
import { createInAppChannel } from './in-app-channel.js';
import { DEFAULT_OUTBOX_SETTINGS, type OutboxSettings } from './outbox-settings.js';
import { createWebhookChannel } from './webhook-channel.js';
import { createWorkerMessageChannel } from './worker-message-channel.js';
import { createLoggingMessenger, type WorkerMessenger } from './worker-messenger.js';

/**
 * Gateways to plug in instead of the logging SMS and WeChat messengers.
 * @example
 * createOutboxWorker(deps, settings, { sms: myGateway });
 */
export interface OutboxAdapters {
  sms?: WorkerMessenger;
  wechat?: WorkerMessenger;
}

type Deps = Pick<AppDeps, 'db' | 'engine' | 'logger' | 'clock' | 'tokens' | 'config'>;

/**
 * The channels of a process: in-app, SMS and WeChat to the worker (logging unless a gateway is
 * given), the referral link to the agency (by the same SMS gateway), and the webhook when one is
 * configured.
 * @example
 * const channels = outboxChannels(deps, settings);
 */
export function outboxChannels(deps: Deps, settings: Pick<OutboxSettings, 'webhook'>, adapters: OutboxAdapters = {}): DeliveryChannel[] {
  const sms = adapters.sms ?? createLoggingMessenger('sms', deps.logger);
  const channels = [
    createInAppChannel(deps),
    createWorkerMessageChannel(sms, deps),
    createWorkerMessageChannel(adapters.wechat ?? createLoggingMessenger('wechat', deps.logger), deps),
    createAgencyReferralChannel(sms, deps),
  ];
  if (settings.webhook) channels.push(createWebhookChannel(settings.webhook));
  return channels;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function deliverItem(item: OutboxItem, channels: readonly DeliveryChannel[], settings: OutboxSettings, now: () => Date): Promise<DeliveryOutcome> {
  const due = channels.filter((channel) => channel.accepts(item) && !item.deliveredChannels.includes(channel.name));
  const results = await Promise.allSettled(due.map((channel) => channel.deliver(item)));
  const deliveredChannels = [...item.deliveredChannels, ...due.filter((_, i) => results[i]?.status === 'fulfilled').map((channel) => channel.name)];
  const errors = results.flatMap((result, i) => (result.status === 'rejected' ? [`${due[i]?.name ?? '?'}: ${describe(result.reason)}`] : []));
  if (errors.length === 0) return { status: 'sent', deliveredChannels };
  const error = `Attempt ${item.attempt} of ${settings.maxAttempts} failed. ${errors.join(' | ')}`;
  if (item.attempt >= settings.maxAttempts) return { status: 'dead', deliveredChannels, error };
  return { status: 'failed', deliveredChannels, error, nextAttemptAt: new Date(now().getTime() + backoffDelay(item.attempt, settings)) };
}

async function eachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}

/**
 * One tick of the outbox: claims a batch of due rows (committing the claim at once, so no
 * transaction stays open while a webhook is slow), delivers each to the channels that carry it
 * and have not had it yet, and writes each outcome — `sent`, `failed` with the next attempt after
 * an exponential backoff with jitter, or `dead` after `maxAttempts`. Answers how many rows it handled.
 * @example
 * const handled = await deliverDueOutbox(deps, settings, outboxChannels(deps, settings));
 */
export async function deliverDueOutbox(deps: Deps, settings: OutboxSettings, channels: readonly DeliveryChannel[]): Promise<number> {
  const now = () => deps.clock.now();
  const { claims, abandoned } = await claimDueDeliveries(deps.db, { now: now(), leaseMs: settings.leaseMs, batchSize: settings.batchSize, maxAttempts: settings.maxAttempts });
  if (abandoned > 0) deps.logger.warn({ abandoned }, `outbox: ${abandoned} deliveries were claimed ${settings.maxAttempts} times without an outcome and are dead`);
  const margin = settings.webhook?.timeoutMs ?? 0;
  await eachLimited(claims, settings.concurrency, async (claim: Claim) => {
    // A row whose lease is (nearly) over is left for the next claimer rather than sent twice.
    if (now().getTime() + margin >= claim.leaseUntil.getTime()) return;
    const outcome: DeliveryOutcome = claim.item
      ? await deliverItem(claim.item, channels, settings, now)
      : { status: 'dead', deliveredChannels: [], error: 'The payload is not what the event path writes ({ caseId, reference, workflow, effect }); no retry can deliver it.' };
    const written = await recordDeliveryOutcome(deps.db, claim, outcome, now());
    const log = { outboxId: claim.outboxId, tenantId: claim.tenantId, type: claim.item?.type, attempt: claim.attempt, status: outcome.status };
    if (!written) deps.logger.warn(log, 'outbox: the claim lapsed before the outcome was written; another attempt owns the row');
    else if (outcome.status !== 'sent') deps.logger.warn({ ...log, error: outcome.error }, `outbox: delivery ${outcome.status}`);
  });
  return claims.length + abandoned;
}

/**
 * The outbox worker of a server process: a worker loop over {@link deliverDueOutbox} with the
 * process's channels. Tests drive it with `runOnce()`; several processes may run it on one PostgreSQL.
 * @example
 * const outbox = createOutboxWorker(deps, { maxAttempts: 3, webhook: { url, secret, timeoutMs: 2000 } });
 * await outbox.runOnce();
 */
export function createOutboxWorker(deps: Deps, overrides: Partial<OutboxSettings> = {}, adapters: OutboxAdapters = {}): WorkerLoop {
  const settings: OutboxSettings = { ...DEFAULT_OUTBOX_SETTINGS, ...overrides };
  const channels = outboxChannels(deps, settings, adapters);
  return createWorkerLoop({ name: 'outbox', intervalMs: settings.intervalMs, logger: deps.logger, tick: () => deliverDueOutbox(deps, settings, channels) });
}
