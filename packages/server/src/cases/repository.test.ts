import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { findCase } from './repository.js';
import type { CaseDto } from './schemas.js';
import { openCase, tokenCache } from './test-helpers.js';

let ctx: TestContext;
let chaluCase: CaseDto;

const CHALU = { tenantPath: '/ninghai/chalu/' };
const HUCHEN = { tenantPath: '/ninghai/huchen/' };
const COUNTY = { tenantPath: '/ninghai/' };

beforeAll(async () => {
  ctx = await createTestContext();
  chaluCase = await openCase(ctx, await tokenCache(ctx)('chalu.intake_operator'));
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('findCase', () => {
  it("reads a case only within the caller's subtree, whichever union asked first", async () => {
    // The statement is compiled once per union: each union must keep its own scope.
    expect((await findCase(ctx.db, CHALU, chaluCase.id))?.reference).toBe(chaluCase.reference);
    expect(await findCase(ctx.db, HUCHEN, chaluCase.id)).toBeUndefined();
    expect((await findCase(ctx.db, COUNTY, chaluCase.id))?.case_id).toBe(chaluCase.id);
    expect(await findCase(ctx.db, HUCHEN, chaluCase.id)).toBeUndefined();
    expect((await findCase(ctx.db, CHALU, chaluCase.id))?.version).toBe(chaluCase.version);
  });

  it('answers undefined for an unknown id, also one with LIKE wildcards', async () => {
    expect(await findCase(ctx.db, COUNTY, 'no-such-case')).toBeUndefined();
    expect(await findCase(ctx.db, COUNTY, '%')).toBeUndefined();
    expect(await findCase(ctx.db, { tenantPath: '%' }, chaluCase.id)).toBeUndefined();
  });

  it('reads every column of the row, with the snapshot and dates parsed, and the row version\'s xmin', async () => {
    const row = await findCase(ctx.db, CHALU, chaluCase.id);
    expect(row?.row_xmin).toMatch(/^[1-9]\d*$/);
    expect(row?.opened_at).toBeInstanceOf(Date);
    expect((row?.snapshot as { state?: unknown } | undefined)?.state).toBe(chaluCase.state);
    expect(row?.data).toMatchObject({ title: chaluCase.title });
    expect(Object.keys(row ?? {}).sort()).toEqual(
      ['assignee_id', 'case_id', 'channel', 'closed_at', 'data', 'description', 'due_at', 'enterprise_id', 'metric_facts', 'opened_at', 'opened_by', 'overdue', 'reference', 'row_xmin', 'snapshot', 'state', 'status', 'tenant_id', 'title', 'tracking_hash', 'updated_at', 'version', 'warning', 'workflow_key', 'workflow_tenant_id', 'workflow_version'].sort(),
    );
  });
});
