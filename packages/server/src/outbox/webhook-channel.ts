import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DeliveryChannel, OutboxItem } from './delivery-channel.js';

/**
 * The header carrying `sha256=<hex HMAC-SHA256 of the body>`.
 * @example
 * verifyWebhookSignature(secret, body, req.headers[SIGNATURE_HEADER.toLowerCase()]);
 */
export const SIGNATURE_HEADER = 'X-Shuoshi-Signature';

/**
 * Signs a webhook body: `sha256=` and the hex HMAC-SHA256 of the exact bytes sent.
 * @example
 * signWebhookBody('a-secret-of-16-chars+', '{"id":"o1"}'); // 'sha256=5d1c…'
 */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Checks a webhook signature in constant time, as a receiver should.
 * @example
 * if (!verifyWebhookSignature(secret, rawBody, req.headers['x-shuoshi-signature'])) res.status(401).end();
 */
export function verifyWebhookSignature(secret: string, body: string, signature: string | string[] | undefined): boolean {
  if (typeof signature !== 'string') return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The JSON a webhook receives for one outbox row.
 * @example
 * const body = webhookBody(item); // { id, tenantId, type, caseId, reference, workflow, effect, attempt, createdAt }
 */
export function webhookBody(item: OutboxItem): Record<string, unknown> {
  const { caseId, reference, workflow, effect } = item.payload;
  return { id: item.outboxId, tenantId: item.tenantId, type: item.type, caseId, reference, workflow, effect, attempt: item.attempt, createdAt: item.createdAt.toISOString() };
}

/**
 * The webhook channel: POSTs every outbox row as JSON to the configured URL, signed with
 * HMAC-SHA256 in `X-Shuoshi-Signature`, with `X-Shuoshi-Delivery` (the outbox id, the same on
 * every retry, so receivers can drop duplicates) and `X-Shuoshi-Event` (the effect type). An
 * answer other than 2xx, a redirect, a network error or the timeout is a failure.
 * @example
 * const webhook = createWebhookChannel({ url: 'https://hooks.example.org/shuoshi', secret, timeoutMs: 5000 });
 */
export function createWebhookChannel(options: { url: string; secret: string; timeoutMs: number }): DeliveryChannel {
  return {
    name: 'webhook',
    accepts: () => true,
    async deliver(item) {
      const body = JSON.stringify(webhookBody(item));
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'shuoshi-outbox',
            [SIGNATURE_HEADER]: signWebhookBody(options.secret, body),
            'X-Shuoshi-Delivery': item.outboxId,
            'X-Shuoshi-Event': item.type,
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        throw new Error(timedOut ? `The webhook ${options.url} did not answer within ${options.timeoutMs} ms; check the receiver or raise SHUOSHI_WEBHOOK_TIMEOUT_MS.` : `The webhook ${options.url} could not be reached (${error instanceof Error ? error.message : String(error)}${cause}); check SHUOSHI_WEBHOOK_URL and the receiver.`);
      }
      // Read (and so release) the body either way; only a short start of it goes into last_error.
      const text = await response.text().catch(() => '');
      if (response.status < 200 || response.status > 299) {
        throw new Error(`The webhook ${options.url} answered ${response.status} ${response.statusText}${text ? `: ${JSON.stringify(text.slice(0, 200))}` : ''}; it must answer 2xx once it has the delivery.`);
      }
    },
  };
}
