import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { ListQuery } from '../http/list-query.js';
import { requireRole } from '../users/staff-roles.js';
import { findOutboxEntry, listOutbox, requeueOutboxEntry } from './repository.js';
import type { OutboxEntry, OutboxFilter } from './schemas.js';

/**
 * Roles that may read the outbox and retry deliveries, within their subtree.
 * @example
 * requireRole(caller, OUTBOX_ROLES, 'read the outbox');
 */
export const OUTBOX_ROLES: readonly string[] = ['county_admin', 'township_admin', 'supervisor'];

/**
 * Reading the deliveries of the caller's subtree and sending failed or dead ones again.
 * @example
 * const outbox = createOutboxService(deps);
 * await outbox.retry(caller, id);
 */
export interface OutboxService {
  list(caller: Caller, list: ListQuery<OutboxFilter>): Promise<{ rows: OutboxEntry[]; total: number }>;
  show(caller: Caller, id: string): Promise<OutboxEntry>;
  retry(caller: Caller, id: string): Promise<OutboxEntry>;
}

/**
 * Creates the outbox service: admins and supervisors only (others get 403 whatever the id), rows
 * of the caller's subtree only (others are 404).
 * @example
 * const outbox = createOutboxService(deps);
 */
export function createOutboxService(deps: AppDeps): OutboxService {
  const { db, clock } = deps;
  // The outbox as a whole is for administrators: refusing before any lookup tells nothing about ids.
  const allow = (caller: Caller, action: string) => requireRole(caller, OUTBOX_ROLES, action);
  return {
    async list(caller, list) {
      allow(caller, 'read the outbox');
      return listOutbox(db, caller, list);
    },
    async show(caller, id) {
      allow(caller, 'read the outbox');
      const entry = await findOutboxEntry(db, caller, id);
      if (!entry) throw notFound('outbox entry', id);
      return entry;
    },
    async retry(caller, id) {
      allow(caller, 'retry deliveries');
      return db.transaction().execute(async (trx) => {
        const entry = await findOutboxEntry(trx, caller, id, { lock: true });
        if (!entry) throw notFound('outbox entry', id);
        if (entry.status !== 'failed' && entry.status !== 'dead') {
          throw new HttpError(409, 'NOT_RETRYABLE', `Outbox entry ${JSON.stringify(id)} is ${entry.status}; only failed or dead deliveries can be retried (a pending or sending one is already on its way, a sent one arrived).`, { id, status: entry.status });
        }
        await requeueOutboxEntry(trx, entry, clock.now());
        const requeued = await findOutboxEntry(trx, caller, id);
        if (!requeued) throw notFound('outbox entry', id);
        return requeued;
      });
    },
  };
}
