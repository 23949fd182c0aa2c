import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/http-error.js';

// Public filings have no user: their keys live beside the staff's under a user id no account can
// have, and only a hash of the key is stored, since the key is as good as a code for 24 hours.
const PUBLIC_USER = '$public-intake';

function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * What claiming a filing's Idempotency-Key found: a new key, or the matter an earlier request
 * with the same key and body filed.
 * @example
 * if (claim.kind === 'replay') await replaceTrackingHash(trx, claim.target, hash);
 */
export type IntakeKeyClaim = { kind: 'new' } | { kind: 'replay'; target: { tenantId: string; caseId: string }; claimedAt: Date };

/**
 * Claims a filing's Idempotency-Key inside the filing's transaction; the insert waits for a
 * concurrent filing with the same key, so the two file one matter. The same key with a different
 * body is a 422.
 * @example
 * const claim = await claimIntakeKey(trx, 'chalu', key, requestHash, now);
 */
export async function claimIntakeKey(db: Kysely<Database>, unionId: string, key: string, requestHash: string, now: Date): Promise<IntakeKeyClaim> {
  const hashed = keyHash(key);
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ tenant_id: unionId, user_id: PUBLIC_USER, key: hashed, request_hash: requestHash, status_code: 0, body: '{}', created_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { kind: 'new' };
  const stored = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'body', 'created_at'])
    .where('tenant_id', '=', unionId)
    .where('user_id', '=', PUBLIC_USER)
    .where('key', '=', hashed)
    .executeTakeFirst();
  const target = stored?.body as { tenantId?: unknown; caseId?: unknown } | undefined;
  if (!stored || typeof target?.tenantId !== 'string' || typeof target.caseId !== 'string') {
    throw new Error(`The public Idempotency-Key of union ${JSON.stringify(unionId)} was neither inserted nor found with its matter`);
  }
  if (stored.request_hash !== requestHash) {
    throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', 'The Idempotency-Key was already used to file a different matter; send a new key (e.g. a new UUID) for a new matter, or resend the first request unchanged.');
  }
  return { kind: 'replay', target: { tenantId: target.tenantId, caseId: target.caseId }, claimedAt: new Date(stored.created_at) };
}

/**
 * Records which matter a claimed key filed, in the filing's transaction.
 * @example
 * await rememberIntakeCase(trx, 'chalu', key, { tenantId: 'chalu', caseId });
 */
export async function rememberIntakeCase(db: Kysely<Database>, unionId: string, key: string, target: { tenantId: string; caseId: string }): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: 201, body: JSON.stringify(target) })
    .where('tenant_id', '=', unionId)
    .where('user_id', '=', PUBLIC_USER)
    .where('key', '=', keyHash(key))
    .execute();
}
