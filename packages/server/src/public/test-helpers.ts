import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../app/create-app.js';
import type { TestContext } from '../testing/test-context.js';
import type { PublicMatter } from './schemas.js';

/**
 * An app over the test context's database whose public rate limits are high enough for a test
 * file's many requests from one address (or as given).
 * @example
 * const app = publicTestApp(ctx, { write: { limit: 1, windowMs: 60_000 } });
 */
export function publicTestApp(ctx: TestContext, limits: NonNullable<TestContext['deps']['options']['publicRateLimits']> = {}): Express {
  const generous = { limit: 100_000, windowMs: 60_000 };
  const publicRateLimits = { read: generous, lookup: generous, write: generous, ...limits };
  return createApp({ ...ctx.deps, options: { ...ctx.deps.options, publicRateLimits } }).app;
}

/**
 * Drives staff steps on a case through POST /api/cases/:id/events, reading the version first.
 * @example
 * const step = staffStepper(ctx, app, tokens);
 * await step('chalu.intake_operator', caseId, 'accept');
 */
export function staffStepper(ctx: TestContext, app: Express, token: (username: string) => Promise<string>) {
  return async (username: string, caseId: string, type: string, data?: Record<string, unknown>) => {
    const row = await ctx.db.selectFrom('cases').select('version').where('case_id', '=', caseId).executeTakeFirstOrThrow();
    return request(app)
      .post(`/api/cases/${caseId}/events`)
      .set('Authorization', `Bearer ${await token(username)}`)
      .send({ type, version: row.version, ...(data ? { data } : {}) });
  };
}

/**
 * Takes a union-grievance case of Chalu from intake to the follow-up: accepted and triaged by the
 * intake operator, claimed and resolved by the township admin, replied to by the intake operator.
 * Fails the test on any refused step.
 * @example
 * await driveToFollowUp(step, caseId, '已协调企业补发工资。');
 */
export async function driveToFollowUp(step: ReturnType<typeof staffStepper>, caseId: string, resolution: string): Promise<void> {
  const steps: Array<[string, string, Record<string, unknown>?]> = [
    ['chalu.intake_operator', 'accept'],
    ['chalu.intake_operator', 'handle_directly', { category: 'wages' }],
    ['chalu.township_admin', 'claim'],
    ['chalu.township_admin', 'resolve', { resolution }],
    ['chalu.intake_operator', 'reply_to_worker'],
  ];
  for (const [username, type, data] of steps) {
    const response = await step(username, caseId, type, data);
    if (response.status !== 200) throw new Error(`${type} by ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/**
 * The answer to a filing, typed.
 * @example
 * const { trackingCode, matter } = filed(response);
 */
export function filed(response: request.Response): { trackingCode: string; matter: PublicMatter } {
  if (response.status !== 201) throw new Error(`filing failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { trackingCode: string; matter: PublicMatter };
}
