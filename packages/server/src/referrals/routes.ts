import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { listQuerySchema, parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { referralSettingsOf, type ReferralSettings } from './referral-settings.js';
import { REFERRAL_SORTABLE } from './repository.js';
import { referralDetailSchema, referralFilterSchema, referralIdParamsSchema, referralLinkSchema, referralParamsSchema, referralSchema } from './schemas.js';
import { createReferralsService } from './service.js';

const TAG = 'referrals';

const linkParamsSchema = z.object({ id: referralParamsSchema.shape.caseId, referralId: referralParamsSchema.shape.referralId });

function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * Mounts the staff referral routes (behind authentication): the list and one referral of the
 * caller's subtree, and a signed link for the agency a referral awaits.
 * @example
 * api.use(createReferralsRouter(deps, registry));
 */
export function createReferralsRouter(deps: AppDeps, registry: RouteRegistry, settings: ReferralSettings = referralSettingsOf(deps)): Router {
  const router = Router();
  const service = createReferralsService(deps, settings);

  defineRoute(router, registry, { method: 'get', path: '/referrals', summary: 'List the referrals of the cases in your subtree (react-admin; filter: id, status, overdue, agency, tenantId, caseId)', tag: TAG, query: listQuerySchema, response: z.array(referralSchema) }, async ({ query, res }) => {
    const list = parseListQuery(query, { sortable: REFERRAL_SORTABLE, defaultSort: ['replyDueAt', 'ASC'], filters: referralFilterSchema });
    const { rows, total } = await service.list(callerOf(res), list);
    setContentRange(res, 'referrals', list.range.start, list.range.start + rows.length - 1, total);
    return rows;
  });

  defineRoute(router, registry, { method: 'get', path: '/referrals/:caseId/:referralId', summary: "Show a referral with its note and the agency's answer", tag: TAG, params: referralParamsSchema, response: referralDetailSchema }, async ({ params, res }) =>
    service.show(callerOf(res), params.caseId, params.referralId),
  );

  defineRoute(router, registry, { method: 'get', path: '/referrals/:id', summary: 'Show a referral by its list id `<caseId>/<referralId>` (slash percent-encoded, as react-admin asks)', tag: TAG, params: referralIdParamsSchema, response: referralDetailSchema }, async ({ params, res }) => {
    const [caseId = '', referralId = ''] = params.id.split('/');
    return service.show(callerOf(res), caseId, referralId);
  });

  defineRoute(
    router,
    registry,
    { method: 'post', path: '/cases/:id/referrals/:referralId/link', summary: "Sign a link for the agency an awaiting referral waits on (roles of the referral's state); it expires some days after the reply deadline", tag: TAG, params: linkParamsSchema, response: referralLinkSchema, status: 201, errors: [403, 409] },
    async ({ params, req, res }) => service.issueLink(callerOf(res), params.id, params.referralId, originOf(req)),
  );

  return router;
}
