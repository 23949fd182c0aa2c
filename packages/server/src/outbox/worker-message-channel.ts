import type { Engine, Workflow } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import type { DeliveryChannel, OutboxItem } from './delivery-channel.js';
import type { WorkerMessenger } from './worker-messenger.js';

/**
 * The case-data field a WeChat openid is kept in, when the intake channel recorded one.
 * @example
 * const openId = data[WECHAT_OPENID_FIELD];
 */
export const WECHAT_OPENID_FIELD = 'wechat_openid';

function phoneField(workflow: Workflow | undefined): string | undefined {
  if (!workflow) return undefined;
  return Object.entries(workflow.fields).find(([, field]) => field.type === 'phone')?.[0];
}

async function workflowOf(db: Kysely<Database>, engine: Engine, ref: { key: string; version: number }): Promise<Workflow | undefined> {
  try {
    return (await ensureWorkflowRegistered(db, engine, ref)) ? engine.workflow(ref) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where the worker of a case can be reached: the first `phone` field of its workflow (SMS), and
 * the `wechat_openid` field (WeChat). An anonymous matter has neither.
 * @example
 * const contact = await workerContact(deps, item); // { phone: '138…', wechatOpenId: undefined }
 */
export async function workerContact(deps: { db: Kysely<Database>; engine: Engine }, item: OutboxItem): Promise<{ phone?: string | undefined; wechatOpenId?: string | undefined }> {
  const caseId = item.caseId ?? item.payload.caseId;
  const row = await deps.db.selectFrom('cases').select('cases.data').where('cases.tenant_id', '=', item.tenantId).where('cases.case_id', '=', caseId).executeTakeFirst();
  if (!row) return {};
  const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;
  const field = phoneField(await workflowOf(deps.db, deps.engine, item.payload.workflow));
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  return { phone: field ? text(data[field]) : undefined, wechatOpenId: text(data[WECHAT_OPENID_FIELD]) };
}

/**
 * The SMS or WeChat channel: a `notify` whose recipients include the worker is sent to the
 * worker's phone or WeChat through the messenger (Chinese text with the case reference). A case
 * without that contact (anonymous, or none given) has nobody to send to: that counts as done.
 * @example
 * const sms = createWorkerMessageChannel(createLoggingMessenger('sms', logger), { db, engine, logger });
 */
export function createWorkerMessageChannel(messenger: WorkerMessenger, deps: { db: Kysely<Database>; engine: Engine; logger: Logger }): DeliveryChannel {
  return {
    name: messenger.channel,
    accepts: (item) => item.payload.effect.type === 'notify' && item.payload.effect.to.worker === true,
    async deliver(item) {
      const { effect, reference } = item.payload;
      if (effect.type !== 'notify') return;
      const contact = await workerContact(deps, item);
      const to = messenger.channel === 'sms' ? contact.phone : contact.wechatOpenId;
      if (to === undefined) {
        deps.logger.debug({ channel: messenger.channel, outboxId: item.outboxId, reference }, `${messenger.channel}: the case has no contact for the worker; nothing to send`);
        return;
      }
      await messenger.send({ to, text: `【职工说事】${effect.message.zh}（事项编号 ${reference}）`, reference, outboxId: item.outboxId, tenantId: item.tenantId });
    },
  };
}
