import { unionGrievance } from '@shuoshi/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../auth/caller.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { createMetricsContextResolver } from './metrics-context.js';

let ctx: TestContext;
const county: Caller = { userId: 'ninghai.supervisor', username: 'ninghai.supervisor', displayName: 's', tenantId: 'ninghai', tenantPath: '/ninghai/', roles: ['supervisor'], sessionId: 's' };
const chalu: Caller = { ...county, userId: 'chalu.supervisor', username: 'chalu.supervisor', tenantId: 'chalu', tenantPath: '/ninghai/chalu/' };

beforeAll(async () => {
  ctx = await createTestContext();
}, 60_000);
afterAll(() => ctx?.close());

// Another process publishes: the row appears in the database, this process's engine knows nothing of it.
async function publishElsewhere(key: string): Promise<void> {
  const own = { ...unionGrievance, key };
  await ctx.db
    .insertInto('workflows')
    .values({ tenant_id: 'chalu', workflow_id: `${key}@1`, key, version: 1, status: 'published', title_zh: own.title.zh, title_en: own.title.en, definition: JSON.stringify(own), published_at: new Date() })
    .execute();
}

describe('the metrics context of a union', () => {
  it('is kept for its time to live, then read again', async () => {
    let now = 0;
    const resolve = createMetricsContextResolver(ctx.deps, { ttlMs: 5000, monotonicNow: () => now });
    const before = await resolve(chalu, {});
    await publishElsewhere('chalu-kept');
    expect((await resolve(chalu, {})).workflows.map((w) => w.key)).toEqual(before.workflows.map((w) => w.key));
    now += 5001;
    expect((await resolve(chalu, {})).workflows.map((w) => w.key)).toContain('chalu-kept');
  });

  it('looks again before it refuses a workflow it does not know, and then names the known ones', async () => {
    const resolve = createMetricsContextResolver(ctx.deps, { ttlMs: 60_000, monotonicNow: () => 0 });
    await resolve(chalu, {});
    await publishElsewhere('chalu-new');
    const context = await resolve(chalu, { workflow: 'chalu-new' });
    expect(context.scope.workflowKey).toBe('chalu-new');
    await expect(resolve(chalu, { workflow: 'no-such-flow' })).rejects.toMatchObject({ status: 400, code: 'UNKNOWN_WORKFLOW', message: expect.stringContaining('chalu-new') });
  });

  it('keeps what a caller may see apart: a township never reaches another union through a context kept for the county', async () => {
    const resolve = createMetricsContextResolver(ctx.deps, { ttlMs: 60_000, monotonicNow: () => 0 });
    expect((await resolve(county, { tenantId: 'huchen' })).tenant.id).toBe('huchen');
    await expect(resolve(chalu, { tenantId: 'huchen' })).rejects.toMatchObject({ status: 404 });
  });
});
