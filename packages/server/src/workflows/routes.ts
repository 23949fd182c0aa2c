import { Router, type ErrorRequestHandler } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { HttpError } from '../http/http-error.js';
import { listQuerySchema, parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { createMigrationService } from './migration-service.js';
import {
  createOverlayBody,
  createWorkflowBody,
  diffAnswerSchema,
  migrateAnswerSchema,
  migrateWorkflowBody,
  patchWorkflowBody,
  publishWorkflowBody,
  rebaseAnswerSchema,
  rebaseWorkflowBody,
  retireWorkflowBody,
  validateWorkflowBody,
  validationAnswerSchema,
  workflowDetailSchema,
  workflowFilterSchema,
  workflowIdParams,
  workflowSummarySchema,
} from './schemas.js';
import { createWorkflowsService } from './service.js';

/** Sortable list fields and their columns. */
const SORTABLE: Record<string, string> = {
  id: 'workflow_id',
  key: 'key',
  version: 'version',
  status: 'status',
  title: 'title_zh',
  tenantId: 'tenant_id',
  createdAt: 'created_at',
  publishedAt: 'published_at',
};

/**
 * Builds the workflows routes: list and show what the caller may read (its unions' workflows and
 * the templates above it), edit drafts and overlays, validate, diff, publish, retire, rebase an
 * overlay, migrate running cases.
 * @example
 * api.use(createWorkflowsRoutes(deps, registry));
 */
export function createWorkflowsRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const service = createWorkflowsService(deps);
  const migrations = createMigrationService(deps);
  const tag = 'workflows';
  const params = workflowIdParams;

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/workflows',
      summary: 'List workflow versions: your unions\' and the templates above you (filter: status, key, id, tenantId, q, templates)',
      tag,
      query: listQuerySchema,
      response: z.array(workflowSummarySchema),
    },
    async ({ query, res }) => {
      const list = parseListQuery(query, { sortable: SORTABLE, defaultSort: ['key', 'ASC'], filters: workflowFilterSchema });
      const { rows, total } = await service.list(callerOf(res), list);
      setContentRange(res, 'workflows', list.range.start, list.range.start + rows.length - 1, total);
      return rows;
    },
  );
  defineRoute(router, registry, { method: 'get', path: '/workflows/:id', summary: 'Show a workflow version: definition (resolved for overlays), overlay, parent', tag, params, response: workflowDetailSchema }, async ({ params: p, res }) =>
    service.show(callerOf(res), p.id),
  );
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/workflows', summary: 'Create a draft from a full definition (the next version of its key; the key must not belong to another union)', tag, body: createWorkflowBody, response: workflowDetailSchema, status: 201, errors: [403, 409] },
    async ({ body, res }) => service.createDraft(callerOf(res), body.definition),
  );
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/workflows/overlay', summary: 'Create a township overlay draft on a published template you can see (422 with the conflicts)', tag, body: createOverlayBody, response: workflowDetailSchema, status: 201, errors: [403, 409, 422] },
    async ({ body, res }) => service.createOverlay(callerOf(res), body.parent, body.overlay),
  );
  defineRoute(
    router,
    registry,
    { method: 'patch', path: '/workflows/:id', summary: 'Replace a draft\'s definition or overlay (drafts only: 409 NOT_A_DRAFT)', tag, params, body: patchWorkflowBody, response: workflowDetailSchema, errors: [403, 409, 422] },
    async ({ params: p, body, res }) => service.patch(callerOf(res), p.id, body),
  );
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/workflows/:id/validate', summary: 'Validate a version (or the unsaved definition/overlay sent) with the agencies known to your unions', tag, params, body: validateWorkflowBody, response: validationAnswerSchema, errors: [409] },
    async ({ params: p, body, res }) => service.validate(callerOf(res), p.id, body),
  );
  defineRoute(router, registry, { method: 'get', path: '/workflows/:id/diff', summary: 'Changes against the parent template (or the previous version)', tag, params, response: diffAnswerSchema, errors: [409, 422] }, async ({ params: p, res }) =>
    service.diff(callerOf(res), p.id),
  );
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/workflows/:id/publish', summary: 'Validate and publish a draft; cases can then be opened on it (422 with the issues)', tag, params, body: publishWorkflowBody, response: workflowDetailSchema, errors: [403, 409, 422] },
    async ({ params: p, body, res }) => service.publish(callerOf(res), p.id, body.note),
  );
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/workflows/:id/retire', summary: 'Retire a published version: no new cases; running cases keep it', tag, params, body: retireWorkflowBody, response: workflowDetailSchema, errors: [403, 409] },
    async ({ params: p, body, res }) => service.retire(callerOf(res), p.id, body.note),
  );
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/workflows/:id/rebase', summary: 'Rebase an overlay onto a newer template version: a new draft (422 with base/template/overlay per conflict; settle them with resolutions)', tag, params, body: rebaseWorkflowBody, response: rebaseAnswerSchema, errors: [403, 409, 422] },
    async ({ params: p, body, res }) => service.rebase(callerOf(res), p.id, body.parent, body.resolutions ?? {}),
  );
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/workflows/:id/migrate', summary: 'Move the open cases of this version in your unions to another published version (dryRun: count only)', tag, params, body: migrateWorkflowBody, response: migrateAnswerSchema, errors: [403, 409, 422] },
    async ({ params: p, body, res }) => migrations.migrate(callerOf(res), p.id, body),
  );
  // Express answers an id that is not percent-encoded UTF-8 (`/workflows/%F0%9F`) with a URIError,
  // which the shared error middleware would turn into a 500.
  router.use(((error, _req, _res, next) => {
    if (error instanceof URIError) next(new HttpError(400, 'MALFORMED_PATH', `The path is not valid percent-encoded UTF-8 (${error.message}): encode ids with encodeURIComponent.`));
    else next(error);
  }) as ErrorRequestHandler);
  return router;
}
