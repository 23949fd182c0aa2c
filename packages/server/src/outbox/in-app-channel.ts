import type { Kysely } from 'kysely';
import type { Clock } from '../clock/clock.js';
import type { Database } from '../db/database.js';
import { insertNotifications, resolveRecipientUsers } from '../notifications/index.js';
import type { DeliveryChannel } from './delivery-channel.js';

/**
 * The in-app channel: a `notify` to roles or the assignee becomes one notification per recipient
 * user (see resolveRecipientUsers), read through GET /api/notifications. Writing them again for
 * the same row adds none, so a retry is harmless.
 * @example
 * const inApp = createInAppChannel({ db, clock });
 */
export function createInAppChannel(deps: { db: Kysely<Database>; clock: Clock }): DeliveryChannel {
  return {
    name: 'inApp',
    accepts(item) {
      const { effect } = item.payload;
      return effect.type === 'notify' && ((effect.to.roles?.length ?? 0) > 0 || effect.to.assignee === true);
    },
    async deliver(item) {
      const { effect, caseId, reference } = item.payload;
      if (effect.type !== 'notify') return;
      const users = await resolveRecipientUsers(deps.db, { tenantId: item.tenantId, caseId: item.caseId ?? caseId }, effect.to);
      await insertNotifications(
        deps.db,
        users,
        { outboxId: item.outboxId, caseTenantId: item.tenantId, caseId: item.caseId ?? caseId, reference, type: effect.type, reason: effect.reason, state: effect.state, message: effect.message },
        deps.clock.now(),
      );
    },
  };
}
