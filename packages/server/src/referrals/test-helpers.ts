import type { ReferralRecord } from '@shuoshi/engine';
import express, { type Express } from 'express';
import request from 'supertest';
import type { CaseDto } from '../cases/schemas.js';
import { openCase, tokenCache } from '../cases/test-helpers.js';
import { errorMiddleware } from '../http/error-middleware.js';
import { createRouteRegistry } from '../http/route-registry.js';
import type { TestContext } from '../testing/test-context.js';
import { createPublicReferralsRouter } from './public-routes.js';
import { DEFAULT_REFERRAL_SETTINGS, type ReferralSettings } from './referral-settings.js';

/** The people's congress liaison station (人大联络站), a built-in agency and an option of union-grievance. */
export const LIAISON = 'people_congress_liaison';

/** The night-shift workers' matter of the source page: 3 km to a taxi after the night shift. */
export const NIGHT_BUS = {
  title: '下夜班后要走3公里才能打到车',
  description: '开发区夜班职工反映，下夜班后没有公交，要走3公里才能打到出租车，希望开通夜班公交。',
  worker_name: '王师傅',
  worker_phone: '13900001111',
  enterprise: '方正汽车模具',
  workers_affected: 36,
  common_demand: true,
} as const;

/** The referral note the township admin writes when escalating. */
export const NOTE = '共性诉求：请人大代表形成代表建议，推动县交通集团开通夜班公交。';

/** A small file an agency attaches to its reply. */
export const PDF = { filename: '答复函.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 227路夜班公交开通答复').toString('base64') } as const;

/**
 * The helpers of the referral tests over one test context: signed-in requests, a case referred to
 * an agency, links, the case's counters, and an app of the public routes with given limits.
 * @example
 * const kit = referralTestKit(ctx);
 * const { case: escalated, referralId } = await kit.referred();
 */
export function referralTestKit(ctx: TestContext) {
  const token = tokenCache(ctx);

  async function as(username: string) {
    return { Authorization: `Bearer ${await token(username)}` };
  }

  async function send(caseId: string, username: string, type: string, version: number, data?: Record<string, unknown>): Promise<CaseDto> {
    const response = await request(ctx.app).post(`/api/cases/${caseId}/events`).set(await as(username)).send({ type, version, ...(data ? { data } : {}) });
    if (response.status !== 200) throw new Error(`${type} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.case as CaseDto;
  }

  /** The case's referrals as the engine records them (the case schema leaves their entries open). */
  function referralsOf(shown: CaseDto): ReferralRecord[] {
    return (shown.referrals ?? []) as unknown as ReferralRecord[];
  }

  async function linkFor(caseId: string, referralId: string, username = 'chalu.township_admin') {
    return request(ctx.app).post(`/api/cases/${caseId}/referrals/${referralId}/link`).set(await as(username)).send();
  }

  return {
    token,
    as,
    referralsOf,
    linkFor,

    /** Opens a night-bus matter in `tenant` and refers it to `agency` (accept, then escalate by the township admin). */
    async referred(tenant = 'chalu', agency: string = LIAISON): Promise<{ case: CaseDto; referralId: string }> {
      const opened = await openCase(ctx, await token(`${tenant}.intake_operator`), { tenantId: tenant, channel: 'phone', data: NIGHT_BUS });
      const accepted = await send(opened.id, `${tenant}.intake_operator`, 'accept', opened.version);
      const escalated = await send(opened.id, `${tenant}.township_admin`, 'escalate', accepted.version, { category: 'commute', referral_agency: agency, referral_note: NOTE });
      const referral = referralsOf(escalated).find((r) => r.status === 'awaiting');
      if (escalated.state !== 'escalation' || !referral) throw new Error(`the escalation opened no referral: ${JSON.stringify(escalated)}`);
      return { case: escalated, referralId: referral.id };
    },

    /** The token of a fresh link signed by the chalu township admin (throws unless 201). */
    async link(caseId: string, referralId: string): Promise<string> {
      const response = await linkFor(caseId, referralId);
      if (response.status !== 201) throw new Error(`signing a link failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.token as string;
    },

    /** The case's version, state, warning and how many log entries and files it has. */
    async caseState(caseId: string) {
      const row = await ctx.db.selectFrom('cases').select(['version', 'state', 'warning']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
      const events = await ctx.db.selectFrom('case_events').select('seq').where('case_id', '=', caseId).execute();
      const files = await ctx.db.selectFrom('attachments').select('attachment_id').where('case_id', '=', caseId).execute();
      return { ...row, events: events.length, files: files.length };
    },

    async timeline(caseId: string) {
      const response = await request(ctx.app).get(`/api/cases/${caseId}/timeline`).set(await as('chalu.township_admin'));
      if (response.status !== 200) throw new Error(`the timeline failed: ${response.status}`);
      return response.body as Array<{ type: string; actor: { id: string; roles: string[] }; stateTo: string; data: Record<string, unknown> }>;
    },

    async listReferrals(filter: Record<string, unknown>, username = 'chalu.supervisor') {
      return request(ctx.app).get('/api/referrals').query({ filter: JSON.stringify(filter) }).set(await as(username));
    },

    /** An app of only the public referral routes, with the given limits (the default ones would stop a long test). */
    publicApp(rateLimit: ReferralSettings['rateLimit'] = { windowMs: 60_000, reads: 10_000, writes: 10_000 }): Express {
      const app = express();
      app.use('/api', createPublicReferralsRouter(ctx.deps, createRouteRegistry(), { ...DEFAULT_REFERRAL_SETTINGS, rateLimit }));
      app.use(errorMiddleware(ctx.deps.logger));
      return app;
    },
  };
}
