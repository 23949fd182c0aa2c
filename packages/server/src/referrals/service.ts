import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { tenantInScope } from '../cases/lookups.js';
import { workflowOf } from '../cases/present-case.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { ListQuery } from '../http/list-query.js';
import { answerField } from './answer-field.js';
import { presentReferrals } from './present-referrals.js';
import type { ReferralSettings } from './referral-settings.js';
import { findReferralAnswer, findReferralRow, listReferralRows, type ReferralRow } from './repository.js';
import type { ReferralDetail, ReferralDto, ReferralFilter } from './schemas.js';
import { signReferralLink, type ReferralLink } from './sign-referral-link.js';

/**
 * The staff side of referrals: the list and one referral of the cases in the caller's subtree,
 * and signed links for the agency a referral awaits.
 * @example
 * const service = createReferralsService(deps, settings);
 * const link = await service.issueLink(caller, caseId, 'escalation.3', 'https://shuoshi.example.org');
 */
export function createReferralsService(deps: AppDeps, settings: ReferralSettings) {
  const { db, engine, clock } = deps;

  async function row(caller: Caller, caseId: string, referralId: string): Promise<ReferralRow> {
    const found = await findReferralRow(db, { caller }, caseId, referralId, clock.now());
    if (!found) throw notFound('referral', `${caseId}/${referralId}`);
    return found;
  }

  return {
    /** GET /referrals: one page and the total. */
    async list(caller: Caller, list: ListQuery<ReferralFilter>): Promise<{ rows: ReferralDto[]; total: number }> {
      let subtreePath: string | undefined;
      if (list.filter.tenantId !== undefined) {
        const tenant = await tenantInScope(db, caller, list.filter.tenantId);
        if (!tenant) return { rows: [], total: 0 };
        subtreePath = tenant.path;
      }
      const { rows, total } = await listReferralRows(db, caller, list, clock.now(), subtreePath);
      return { rows: await presentReferrals(deps, rows), total };
    },

    /** GET /referrals/:caseId/:referralId: the referral with its note and the agency's answer. */
    async show(caller: Caller, caseId: string, referralId: string): Promise<ReferralDetail> {
      const found = await row(caller, caseId, referralId);
      const [dto] = await presentReferrals(deps, [found]);
      if (!dto) throw notFound('referral', `${caseId}/${referralId}`);
      const workflow = workflowOf(engine, { key: found.workflow_key, version: found.workflow_version });
      const spec = workflow?.states[found.referral.state]?.referral;
      const note = found.data['referral_note'];
      let answer: ReferralDetail['answer'] = null;
      if (workflow && spec && (found.referral.status === 'replied' || found.referral.status === 'returned')) {
        const events = [spec.replyEvent, ...(spec.returnEvent ? [spec.returnEvent] : [])];
        const event = await findReferralAnswer(db, found, events);
        if (event) {
          const field = answerField(workflow, found.referral.state, event.type, event.type === spec.replyEvent ? 'reply_summary' : 'return_reason');
          const text = field === undefined ? undefined : (event.data as Record<string, unknown> | null)?.[field];
          answer = { event: event.type, text: typeof text === 'string' ? text : null, actorId: event.actor_id, at: new Date(event.created_at).toISOString() };
        }
      }
      return { ...dto, note: typeof note === 'string' ? note : null, answer };
    },

    /**
     * POST /cases/:id/referrals/:referralId/link: a signed link for the awaited agency, for the
     * roles that act on the referral's state.
     */
    async issueLink(caller: Caller, caseId: string, referralId: string, baseUrl: string): Promise<ReferralLink> {
      const found = await row(caller, caseId, referralId);
      const workflow = workflowOf(engine, { key: found.workflow_key, version: found.workflow_version });
      const roles = workflow?.states[found.referral.state]?.roles;
      // A state without roles is open to every staff role, as in the engine.
      if (roles !== undefined && !caller.roles.some((role) => roles.includes(role))) {
        throw new HttpError(403, 'FORBIDDEN', `Your roles [${caller.roles.join(', ')}] may not act on state "${found.referral.state}" of case ${found.reference}, so you may not send its agency a link; ask one of: ${roles.join(', ')}.`, { roles: caller.roles, allowed: roles });
      }
      if (found.referral.status !== 'awaiting') {
        throw new HttpError(409, 'REFERRAL_NOT_AWAITING', `Referral "${referralId}" of case ${found.reference} is ${found.referral.status}${found.referral.closedAt ? ` since ${found.referral.closedAt}` : ''}, not awaiting a reply: a link would have nothing to answer. Refer the case again to ask the agency anew.`, { status: found.referral.status });
      }
      const claims = { tenantId: found.tenant_id, caseId: found.case_id, referralId: found.referral.id, agency: found.referral.agency };
      return signReferralLink(deps, claims, found.referral.replyDueAt, settings, settings.publicBaseUrl ?? baseUrl);
    },
  };
}

/**
 * The staff referrals service.
 * @example
 * const service: ReferralsService = createReferralsService(deps, settings);
 */
export type ReferralsService = ReturnType<typeof createReferralsService>;
