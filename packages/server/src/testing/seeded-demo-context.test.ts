import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorkflows } from '../seed/demo-workflows.js';
import { createSeededDemoContext, DEMO_NOW, type SeededDemoContext } from './seeded-demo-context.js';

let ctx: SeededDemoContext;
// The last test closes the context itself; afterAll closes it only when that test did not get there.
let closed = false;

beforeAll(async () => {
  ctx = await createSeededDemoContext({ label: 'democtx' });
}, 180_000);

afterAll(async () => {
  if (!closed) await ctx?.close({ verifyRollups: false });
});

describe('the seeded demo context', () => {
  it('seeds the demo as of DEMO_NOW, starts the clock there and registers every demo workflow', async () => {
    // The clock runs on from DEMO_NOW, started once the seed was in.
    const since = ctx.clock.now().getTime() - DEMO_NOW.getTime();
    expect(since).toBeGreaterThanOrEqual(0);
    expect(since).toBeLessThan(3_000);
    const { n } = await ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBeGreaterThan(250);
    const known = ctx.engine.workflows().map((w) => `${w.key}@${w.version}`);
    expect(known).toEqual(expect.arrayContaining(demoWorkflows().map(({ workflow }) => `${workflow.key}@${workflow.version}`)));
  });

  it('signs a demo user in once and answers the same token afterwards, and says why a login fails', async () => {
    const token = await ctx.login('ninghai.supervisor');
    expect(token.split('.')).toHaveLength(3);
    expect(await ctx.login('ninghai.supervisor')).toBe(token);
    expect(await ctx.login('chalu.supervisor')).not.toBe(token);
    await expect(ctx.login('nobody.here')).rejects.toThrow(/login of nobody\.here failed: 401/);
  });

  it('throws on close when the rollups disagree with the log, and closes the database all the same', async () => {
    await sql`update metric_rollups set received = received + 1 where received > 0`.execute(ctx.db);
    closed = true;
    await expect(ctx.close()).rejects.toThrow(/metric rollups disagree with the event log/);
    await expect(ctx.db.selectFrom('cases').select('case_id').execute()).rejects.toThrow();
  });
});
