import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { openCase, tokenCache } from './test-helpers.js';

describe('search words after a step', () => {
  let ctx: TestContext;
  let tokens: (username: string) => Promise<string>;
  beforeAll(async () => {
    ctx = await createTestContext();
    tokens = tokenCache(ctx);
  });
  afterAll(() => ctx.close());

  async function search(q: string): Promise<string[]> {
    const response = await request(ctx.app)
      .get('/api/cases')
      .query({ filter: JSON.stringify({ q }) })
      .set('Authorization', `Bearer ${await tokens('chalu.intake_operator')}`);
    expect(response.status).toBe(200);
    return (response.body as Array<{ id: string }>).map((c) => c.id);
  }

  it('keeps the words of an unchanged title and follows a changed one', async () => {
    const token = await tokens('chalu.intake_operator');
    const opened = await openCase(ctx, token, { tenantId: 'chalu' });
    const accepted = await request(ctx.app).post(`/api/cases/${opened.id}/events`).set('Authorization', `Bearer ${token}`).send({ type: 'accept', version: 1 });
    expect(accepted.status).toBe(200);
    expect(await search('袖套')).toEqual([opened.id]);
    const renamed = await request(ctx.app)
      .post(`/api/cases/${opened.id}/events`)
      .set('Authorization', `Bearer ${token}`)
      .send({ type: 'handle_directly', version: 2, data: { title: '夜班职工打车难', category: 'commute' } });
    expect(renamed.status).toBe(200);
    expect(await search('夜班')).toEqual([opened.id]);
    expect(await search('袖套')).toEqual([opened.id]);
  });
});
