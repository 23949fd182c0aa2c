import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.js';
import { foldUnfoldedCases } from '../rollups/index.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { createCaseRowCache, type CaseRowCache } from './case-row-cache.js';
import type { CaseRow } from './repository.js';
import type { CaseDto } from './schemas.js';
import { openCase, tokenCache } from './test-helpers.js';

function row(caseId: string, version: number, tenantId = 'chalu'): CaseRow {
  return { case_id: caseId, tenant_id: tenantId, version, row_xmin: String(100 + version) } as CaseRow;
}

describe('createCaseRowCache', () => {
  it('answers a row only to the unions whose callers were shown it', () => {
    const cache = createCaseRowCache({ maxEntries: 10 });
    cache.remember(row('c1', 2), '/ninghai/chalu/');
    expect(cache.visible('c1', '/ninghai/chalu/')?.version).toBe(2);
    expect(cache.visible('c1', '/ninghai/')).toBeUndefined();
    expect(cache.visible('c1', '/ninghai/huchen/')).toBeUndefined();
    cache.remember(row('c1', 3), '/ninghai/');
    // A newer row of the same case keeps what earlier callers were shown.
    expect(cache.visible('c1', '/ninghai/chalu/')?.version).toBe(3);
    expect(cache.visible('c1', '/ninghai/')?.version).toBe(3);
  });

  it('answers by keys only for the case of that union', () => {
    const cache = createCaseRowCache({ maxEntries: 10 });
    cache.remember(row('c1', 2));
    expect(cache.byKeys('chalu', 'c1')?.version).toBe(2);
    expect(cache.byKeys('huchen', 'c1')).toBeUndefined();
    expect(cache.visible('c1', '/ninghai/chalu/')).toBeUndefined();
  });

  it('does not carry what callers saw over to another union\'s case of the same id', () => {
    const cache = createCaseRowCache({ maxEntries: 10 });
    cache.remember(row('c1', 2, 'chalu'), '/ninghai/chalu/');
    cache.remember(row('c1', 5, 'huchen'), '/ninghai/huchen/');
    expect(cache.visible('c1', '/ninghai/chalu/')).toBeUndefined();
    expect(cache.visible('c1', '/ninghai/huchen/')?.version).toBe(5);
  });

  it('drops the least recently used case past its size', () => {
    const cache = createCaseRowCache({ maxEntries: 2 });
    cache.remember(row('a', 1), '/p/');
    cache.remember(row('b', 1), '/p/');
    expect(cache.visible('a', '/p/')).toBeDefined();
    cache.remember(row('c', 1), '/p/');
    expect(cache.size).toBe(2);
    expect(cache.visible('b', '/p/')).toBeUndefined();
    expect(cache.visible('a', '/p/')).toBeDefined();
    expect(cache.visible('c', '/p/')).toBeDefined();
  });

  it('forgets a case, and keeps nothing at size 0', () => {
    const cache = createCaseRowCache({ maxEntries: 10 });
    cache.remember(row('a', 1), '/p/');
    cache.forget('a');
    expect(cache.visible('a', '/p/')).toBeUndefined();
    const off = createCaseRowCache({ maxEntries: 0 });
    off.remember(row('a', 1), '/p/');
    expect(off.size).toBe(0);
    expect(off.visible('a', '/p/')).toBeUndefined();
  });
});

describe('the event path with the case row cache', () => {
  let ctx: TestContext;
  let token: (username: string) => Promise<string>;
  const intake = 'chalu.intake_operator';

  beforeAll(async () => {
    ctx = await createTestContext();
    token = tokenCache(ctx);
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
  });

  // Another server process on the same database: its own app, with its own caches.
  function serverProcess(cache: CaseRowCache = createCaseRowCache({ maxEntries: 100 })) {
    const { app } = createApp({ ...ctx.deps, caseCache: cache });
    const send = async (id: string, body: object, username = intake) =>
      request(app).post(`/api/cases/${id}/events`).set('Authorization', `Bearer ${await token(username)}`).send(body);
    return { app, cache, send };
  }

  async function accepted(): Promise<CaseDto> {
    const opened = await openCase(ctx, await token(intake));
    const response = await request(ctx.app).post(`/api/cases/${opened.id}/events`).set('Authorization', `Bearer ${await token(intake)}`).send({ type: 'accept', version: 1 });
    expect(response.status).toBe(200);
    return response.body.case as CaseDto;
  }

  async function stored(id: string) {
    return ctx.db.selectFrom('cases').select(['version', 'metric_facts', sql<string>`xmin::text`.as('xmin')]).where('case_id', '=', id).executeTakeFirstOrThrow();
  }

  it('keeps the row it wrote, as the database holds it', async () => {
    const one = serverProcess();
    const opened = await accepted();
    const response = await one.send(opened.id, { type: 'handle_directly', version: 2, data: { category: 'welfare' } });
    expect(response.status).toBe(200);
    const cached = one.cache.visible(opened.id, '/ninghai/chalu/');
    const row = await stored(opened.id);
    expect(cached?.version).toBe(3);
    expect(cached?.row_xmin).toBe(row.xmin);
    expect(cached?.metric_facts).toEqual(row.metric_facts);
    expect(cached?.state).toBe(response.body.case.state);
  });

  it('keeps the row a case view read, for the event that follows', async () => {
    const one = serverProcess();
    const opened = await accepted();
    const shown = await request(one.app).get(`/api/cases/${opened.id}`).set('Authorization', `Bearer ${await token(intake)}`);
    expect(shown.status).toBe(200);
    expect(one.cache.visible(opened.id, '/ninghai/chalu/')?.version).toBe(2);
  });

  it('steps again on the case as it is when a write that keeps the version changed it after it was cached', async () => {
    const one = serverProcess();
    const opened = await accepted();
    expect((await one.send(opened.id, { type: 'handle_directly', version: 2, data: { category: 'welfare' } })).status).toBe(200);
    // Halfway through rebuilding the rollups (see rebuildRollups): the facts of every case are
    // forgotten, to be folded again from the log; that write leaves the versions alone.
    await sql`DELETE FROM metric_deltas`.execute(ctx.db);
    await sql`DELETE FROM metric_rollups`.execute(ctx.db);
    await sql`UPDATE cases SET metric_facts = NULL WHERE metric_facts IS NOT NULL`.execute(ctx.db);
    const response = await one.send(opened.id, { type: 'claim', version: 3 });
    expect(response.status).toBe(200);
    expect(response.body.case.version).toBe(4);
    // Stepped from the cached row, the write would have put back facts computed from the stale ones.
    const row = await stored(opened.id);
    expect(row.version).toBe(4);
    expect(row.metric_facts).toBeNull();
    expect(one.cache.visible(opened.id, '/ninghai/chalu/')?.row_xmin).toBe(row.xmin);
    for (let pass = await foldUnfoldedCases(ctx.db, ctx.deps.engine); pass.next; pass = await foldUnfoldedCases(ctx.db, ctx.deps.engine, { after: pass.next }));
    expect((await stored(opened.id)).metric_facts).toMatchObject({ seq: 4 });
  });

  it('answers 409 when another process stepped the case past the cached version', async () => {
    const one = serverProcess();
    const two = serverProcess();
    const opened = await accepted();
    expect((await one.send(opened.id, { type: 'handle_directly', version: 2, data: { category: 'welfare' } })).status).toBe(200);
    expect((await two.send(opened.id, { type: 'claim', version: 3 })).status).toBe(200);
    const stale = await one.send(opened.id, { type: 'claim', version: 3 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 4, sentVersion: 3 } });
    // The version the other process wrote is read, not taken from the cache.
    const fresh = await one.send(opened.id, { type: 'claim', version: 4 });
    expect(fresh.status).toBe(200);
    expect(fresh.body.case.version).toBe(5);
    const events = await ctx.db.selectFrom('case_events').select('seq').where('case_id', '=', opened.id).orderBy('seq').execute();
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('does not show a case it holds to a union that may not see it', async () => {
    const one = serverProcess();
    const opened = await accepted();
    expect((await one.send(opened.id, { type: 'handle_directly', version: 2, data: { category: 'welfare' } }, 'ninghai.township_admin')).status).toBe(200);
    expect(one.cache.visible(opened.id, '/ninghai/')?.version).toBe(3);
    const foreign = await one.send(opened.id, { type: 'claim', version: 3 }, 'huchen.intake_operator');
    expect(foreign.status).toBe(404);
    expect((await stored(opened.id)).version).toBe(3);
    expect((await one.send(opened.id, { type: 'claim', version: 3 })).status).toBe(200);
  });

  it('keeps nothing in a step taken inside a transaction', async () => {
    const cache = createCaseRowCache({ maxEntries: 100 });
    const opened = await accepted();
    const { createCaseWriteService } = await import('./service.js');
    const caller = { userId: intake, username: intake, displayName: intake, tenantId: 'chalu', tenantPath: '/ninghai/chalu/', roles: ['intake_operator'], sessionId: 's' };
    await ctx.db.transaction().execute(async (trx) => {
      const service = createCaseWriteService({ ...ctx.deps, db: trx, caseCache: cache });
      await service.sendEvent(caller, opened.id, { type: 'handle_directly', version: 2, data: { category: 'welfare' } }, undefined);
    });
    expect(cache.size).toBe(0);
    expect((await stored(opened.id)).version).toBe(3);
  });
});
