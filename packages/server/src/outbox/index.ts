/**
 * The outbox: delivering what the engine asks the host to tell the world.
 *
 * The event path writes one `outbox` row per deliverable effect, in the event's transaction. The
 * outbox worker (one per server process; several processes may share one PostgreSQL) claims due
 * rows in batches with `FOR UPDATE SKIP LOCKED`, flipping them to `sending` with a lease (its
 * deadline in `next_attempt_at`) inside the claiming transaction, commits, delivers, then writes
 * the outcome. A process that dies mid-delivery loses nothing: the lease runs out and the row is
 * claimed again. Each claim is an attempt; a failure waits 30 s, 2 min, 8 min, 32 min, then an
 * hour (±20 % jitter) and after `SHUOSHI_OUTBOX_MAX_ATTEMPTS` (8) the row is `dead`, listed by
 * `GET /api/outbox?filter={"status":"dead"}` and sent again by `POST /api/outbox/:id/retry`.
 *
 * Which effects go to which channels:
 *
 * | effect | inApp | sms / wechat | webhook |
 * |---|---|---|---|
 * | `notify` to roles or the assignee | a notification per user: the roles' holders in the case's union and every union above it, the assignee | – | yes, when configured |
 * | `notify` to the worker | – | to the worker's phone (the workflow's first `phone` field) / `wechat_openid`; nothing when the matter is anonymous | yes, when configured |
 * | `refer` to an agency | – | sms: the signed reply link to the agency's contact (see below) | yes, when configured (without the link) |
 * | every other effect (referralClosed, requestFollowUp, warningChanged, slaBreached, assigned, caseClosed, migrated, action) | – | – | yes, when configured |
 *
 * A `refer` row goes to the agency through the `agency` channel: the contact is `agencies.contact`
 * of the case's union or the nearest union above it that registers the agency code; when it is a
 * phone number the SMS messenger gets a text with a link signed at delivery time
 * (`referralLinkFor`), otherwise the referral is logged (without the link) for staff to send by
 * hand. The link is a bearer credential: it is in the messenger's send call only, never in the
 * outbox row, its error or the API's answer. A referral no longer awaiting a reply sends nothing.
 *
 * A row is `sent` once every channel that carries it has it (a row no channel carries is sent at
 * once); channels that succeeded are remembered in `delivered_channels` and not tried again on a
 * retry, and in-app notifications are unique per user and row, so retries do not repeat them.
 * Webhooks POST JSON `{ id, tenantId, type, caseId, reference, workflow, effect, attempt,
 * createdAt }` to `SHUOSHI_WEBHOOK_URL`, signed `X-Shuoshi-Signature: sha256=<HMAC-SHA256 of the
 * body with SHUOSHI_WEBHOOK_SECRET>`, with `X-Shuoshi-Delivery` (the row id, to drop duplicates:
 * delivery is at least once) and `X-Shuoshi-Event`; anything but a 2xx within
 * `SHUOSHI_WEBHOOK_TIMEOUT_MS` (5000) is a failure. SMS and WeChat are adapters
 * (`WorkerMessenger`); the built-in ones only log, without personal data.
 * @module
 */
import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createOutboxRoutes } from './routes.js';

export { findAgencyContact, type AgencyContact } from './agency-contact.js';
export { createAgencyReferralChannel, isPhoneContact } from './agency-referral-channel.js';
export { backoffDelay } from './backoff-delay.js';
export { claimDueDeliveries, recordDeliveryOutcome, type Claim, type DeliveryOutcome } from './delivery-repository.js';
export type { DeliveryChannel, OutboxItem, OutboxPayload } from './delivery-channel.js';
export { createOutboxWorker, deliverDueOutbox, outboxChannels, type OutboxAdapters } from './outbox-worker.js';
export { DEFAULT_OUTBOX_SETTINGS, outboxSettingsFromConfig, outboxSettingsFromEnv, outboxSettingsOf, type OutboxSettings } from './outbox-settings.js';
export { OUTBOX_ROLES } from './service.js';
export { createWebhookChannel, signWebhookBody, verifyWebhookSignature, SIGNATURE_HEADER } from './webhook-channel.js';
export { createLoggingMessenger, type WorkerMessage, type WorkerMessenger } from './worker-messenger.js';

/**
 * Builds the router of the outbox: GET /outbox, GET /outbox/:id, POST /outbox/:id/retry.
 * @example
 * api.use(createOutboxRouter(deps, registry));
 */
export function createOutboxRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createOutboxRoutes(deps, registry);
}
