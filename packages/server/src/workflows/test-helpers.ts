import { randomUUID } from 'node:crypto';
import type { Actor } from '@shuoshi/engine';
import request from 'supertest';
import { caseColumns } from '../cases/repository.js';
import type { TestContext } from '../testing/test-context.js';

/**
 * Sends API requests as test users, signing each in once.
 * @example
 * const api = workflowApi(ctx);
 * await api.post('huchen.township_admin', '/workflows/overlay', body);
 */
export function workflowApi(ctx: TestContext) {
  const tokens = new Map<string, Promise<string>>();
  const token = (username: string) => {
    let found = tokens.get(username);
    if (!found) {
      found = ctx.login(username);
      tokens.set(username, found);
    }
    return found;
  };
  const auth = async (username: string) => `Bearer ${await token(username)}`;
  return {
    token,
    async get(username: string, path: string) {
      return request(ctx.app).get(`/api${path}`).set('Authorization', await auth(username));
    },
    async post(username: string, path: string, body: unknown) {
      return request(ctx.app).post(`/api${path}`).set('Authorization', await auth(username)).set('Content-Type', 'application/json').send(JSON.stringify(body));
    },
    async patch(username: string, path: string, body: unknown) {
      return request(ctx.app).patch(`/api${path}`).set('Authorization', await auth(username)).set('Content-Type', 'application/json').send(JSON.stringify(body));
    },
  };
}

/**
 * Opens a case straight through the engine and the tables (as the event path would store it),
 * then applies the given events, so workflow tests do not depend on the cases routes.
 * @example
 * const caseId = await insertCase(ctx, { tenantId: 'huchen', key: 'huchen-help-farmers', version: 1, events: [{ type: 'accept' }] });
 */
export async function insertCase(ctx: TestContext, options: { tenantId: string; key: string; version: number; events?: Array<{ type: string; data?: Record<string, unknown> }> }): Promise<string> {
  const actor: Actor = { id: `${options.tenantId}.township_admin`, roles: ['township_admin'] };
  const ref = { key: options.key, version: options.version };
  let { snapshot } = ctx.engine.start(ref, { data: { title: '果款被拖欠', description: '收购商拖欠果款三个月。' }, actor, channel: 'walk_in' });
  for (const event of options.events ?? []) snapshot = ctx.engine.apply(snapshot, event, actor).snapshot;
  const caseId = randomUUID();
  const now = ctx.clock.now();
  const version = 1 + (options.events?.length ?? 0);
  await ctx.db
    .insertInto('cases')
    .values({
      ...caseColumns(snapshot, ctx.engine.workflow(ref)),
      tenant_id: options.tenantId,
      case_id: caseId,
      reference: `T-${caseId.slice(0, 8)}`,
      workflow_tenant_id: options.tenantId,
      workflow_key: options.key,
      workflow_version: options.version,
      channel: 'walk_in',
      enterprise_id: null,
      version,
      tracking_hash: null,
      opened_by: actor.id,
      opened_at: now,
      updated_at: now,
      closed_at: snapshot.status === 'closed' ? now : null,
    })
    .execute();
  if (snapshot.timers.length > 0) {
    await ctx.db
      .insertInto('timers')
      .values(snapshot.timers.map((t) => ({ tenant_id: options.tenantId, case_id: caseId, timer_id: t.id, kind: t.kind, due_at: t.dueAt, status: 'pending' as const, fired_at: null })))
      .execute();
  }
  return caseId;
}
