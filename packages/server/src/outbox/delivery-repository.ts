import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { OutboxItem } from './delivery-channel.js';
import { readOutboxPayload } from './outbox-payload.js';

/**
 * A claimed row: ready to deliver with its lease's deadline, or unreadable (its payload is not
 * what the event path writes, so no retry can help).
 * @example
 * for (const claim of claimed) if (claim.item) await deliver(claim.item, claim.leaseUntil);
 */
export interface Claim {
  tenantId: string;
  outboxId: string;
  attempt: number;
  leaseUntil: Date;
  item: OutboxItem | undefined;
}

/**
 * Claims up to `batchSize` due rows in one transaction: `pending` and `failed` rows whose
 * next_attempt_at has come, and `sending` rows whose lease ran out (the process that claimed them
 * stopped). `FOR UPDATE SKIP LOCKED` keeps concurrent claimers on PostgreSQL apart, and the flip to
 * `sending` with a lease deadline in next_attempt_at — inside the claiming transaction — keeps the
 * row from being due again, so PGlite (one session, nothing to skip) claims each row once too.
 * The claim counts as an attempt. A lapsed row already at `maxAttempts` goes `dead` instead.
 * @example
 * const { claims, abandoned } = await claimDueDeliveries(db, { now, leaseMs: 120_000, batchSize: 20, maxAttempts: 8 });
 */
export async function claimDueDeliveries(
  db: Kysely<Database>,
  options: { now: Date; leaseMs: number; batchSize: number; maxAttempts: number },
): Promise<{ claims: Claim[]; abandoned: number }> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('outbox')
      .select(['outbox.tenant_id', 'outbox.outbox_id', 'outbox.status', 'outbox.attempts'])
      .where('outbox.status', 'in', ['pending', 'failed', 'sending'])
      .where('outbox.next_attempt_at', '<=', options.now)
      .orderBy('outbox.next_attempt_at')
      .limit(options.batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return { claims: [], abandoned: 0 };
    const keys = (rows: typeof due) => rows.map((row) => sql`(${row.tenant_id}, ${row.outbox_id})`);
    const lapsed = due.filter((row) => row.status === 'sending' && row.attempts >= options.maxAttempts);
    const ready = due.filter((row) => !lapsed.includes(row));
    if (lapsed.length > 0) {
      await trx
        .updateTable('outbox')
        .set({
          status: 'dead',
          next_attempt_at: options.now,
          last_error: sql<string>`'Claimed ' || attempts || ' times without an outcome: the delivering process stopped or hung each time; fix the cause, then retry it (POST /api/outbox/:id/retry).'`,
        })
        .where(sql<boolean>`(outbox.tenant_id, outbox.outbox_id) in (${sql.join(keys(lapsed))})`)
        .execute();
    }
    if (ready.length === 0) return { claims: [], abandoned: lapsed.length };
    const rows = await trx
      .updateTable('outbox')
      .set((eb) => ({ status: 'sending', attempts: eb('outbox.attempts', '+', 1), next_attempt_at: leaseUntil }))
      .where(sql<boolean>`(outbox.tenant_id, outbox.outbox_id) in (${sql.join(keys(ready))})`)
      .returning(['outbox.tenant_id', 'outbox.outbox_id', 'outbox.case_id', 'outbox.type', 'outbox.payload', 'outbox.attempts', 'outbox.delivered_channels', 'outbox.created_at'])
      .execute();
    const claims = rows.map((row): Claim => {
      const payload = readOutboxPayload(row.payload);
      const item: OutboxItem | undefined = payload && {
        tenantId: row.tenant_id,
        outboxId: row.outbox_id,
        caseId: row.case_id,
        type: row.type,
        payload,
        attempt: row.attempts,
        deliveredChannels: row.delivered_channels,
        createdAt: new Date(row.created_at),
      };
      return { tenantId: row.tenant_id, outboxId: row.outbox_id, attempt: row.attempts, leaseUntil, item };
    });
    return { claims, abandoned: lapsed.length };
  });
}

/**
 * How an attempt ended: `sent`, `failed` (tried again at `nextAttemptAt`) or `dead`.
 * @example
 * const outcome: DeliveryOutcome = { status: 'failed', deliveredChannels: ['inApp'], error: 'webhook: answered 500', nextAttemptAt };
 */
export type DeliveryOutcome =
  | { status: 'sent'; deliveredChannels: readonly string[] }
  | { status: 'failed'; deliveredChannels: readonly string[]; error: string; nextAttemptAt: Date }
  | { status: 'dead'; deliveredChannels: readonly string[]; error: string };

/**
 * Writes an attempt's outcome, only while the claim still holds (the row is `sending` with this
 * attempt's number and lease deadline): a worker whose lease ran out and was claimed again cannot
 * overwrite the newer attempt, not even after a retry restarted the count. Answers whether it was written.
 * @example
 * await recordDeliveryOutcome(db, claim, { status: 'sent', deliveredChannels: ['inApp'] }, clock.now());
 */
export async function recordDeliveryOutcome(db: Kysely<Database>, claim: Pick<Claim, 'tenantId' | 'outboxId' | 'attempt' | 'leaseUntil'>, outcome: DeliveryOutcome, now: Date): Promise<boolean> {
  const common = { delivered_channels: [...outcome.deliveredChannels] };
  const values =
    outcome.status === 'sent'
      ? { ...common, status: 'sent' as const, last_error: null, delivered_at: now, next_attempt_at: now }
      : outcome.status === 'failed'
        ? { ...common, status: 'failed' as const, last_error: outcome.error.slice(0, 2000), next_attempt_at: outcome.nextAttemptAt }
        : { ...common, status: 'dead' as const, last_error: outcome.error.slice(0, 2000), next_attempt_at: now };
  const result = await db
    .updateTable('outbox')
    .set(values)
    .where('outbox.tenant_id', '=', claim.tenantId)
    .where('outbox.outbox_id', '=', claim.outboxId)
    .where('outbox.status', '=', 'sending')
    .where('outbox.attempts', '=', claim.attempt)
    .where('outbox.next_attempt_at', '=', claim.leaseUntil)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
