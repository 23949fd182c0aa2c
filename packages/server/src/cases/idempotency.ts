import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/http-error.js';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
}

/**
 * A stable hash of what a request asks for (route, target, body with sorted keys), to tell a
 * retry from a different request sent with the same Idempotency-Key.
 * @example
 * requestHash('POST /cases/:id/events', id, body);
 */
export function requestHash(route: string, target: string, body: unknown): string {
  return createHash('sha256').update(JSON.stringify([route, target, canonical(body)])).digest('hex');
}

/**
 * What claiming a key found: a new key (carry the request out), or the stored first response.
 * @example
 * if (claim.kind === 'replay') return claim.body;
 */
export type IdempotencyClaim = { kind: 'new' } | { kind: 'replay'; statusCode: number; body: unknown };

/**
 * Claims an Idempotency-Key inside the request's transaction. The insert waits for a concurrent
 * request holding the same key, so a retry racing its original gets the original's response; a
 * key reused with a different request is a 422.
 * @example
 * const claim = await claimIdempotencyKey(trx, caller, key, hash);
 */
export async function claimIdempotencyKey(db: Kysely<Database>, caller: Pick<Caller, 'tenantId' | 'userId'>, key: string, hash: string): Promise<IdempotencyClaim> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ tenant_id: caller.tenantId, user_id: caller.userId, key, request_hash: hash, status_code: 0, body: '{}' })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { kind: 'new' };
  const stored = await findStoredResponse(db, caller, key, hash);
  if (!stored) throw new Error(`Idempotency-Key ${JSON.stringify(key)} was neither inserted nor found`);
  return stored;
}

/**
 * The stored first response of an Idempotency-Key, if the key was used; a key used for a
 * different request is a 422.
 * @example
 * const stored = await findStoredResponse(db, caller, key, hash);
 * if (stored) return stored.body;
 */
export async function findStoredResponse(db: Kysely<Database>, caller: Pick<Caller, 'tenantId' | 'userId'>, key: string, hash: string): Promise<(IdempotencyClaim & { kind: 'replay' }) | undefined> {
  const stored = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'body'])
    .where('tenant_id', '=', caller.tenantId)
    .where('user_id', '=', caller.userId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!stored) return undefined;
  if (stored.request_hash !== hash) {
    throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', `The Idempotency-Key ${JSON.stringify(key)} was already used for a different request; send a new key for a new request, or resend the first request unchanged to get its response.`, { key });
  }
  return { kind: 'replay', statusCode: stored.status_code, body: stored.body };
}

/**
 * Stores the response of a claimed key, in the same transaction as the change it describes.
 * @example
 * await rememberResponse(trx, caller, key, 200, body);
 */
export async function rememberResponse(db: Kysely<Database>, caller: Pick<Caller, 'tenantId' | 'userId'>, key: string, statusCode: number, body: unknown): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, body: JSON.stringify(body) })
    .where('tenant_id', '=', caller.tenantId)
    .where('user_id', '=', caller.userId)
    .where('key', '=', key)
    .execute();
}
