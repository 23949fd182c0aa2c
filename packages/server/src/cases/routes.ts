import express, { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { HttpError } from '../http/http-error.js';
import { listQuerySchema, parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type DefinedRoute, type RouteRegistry } from '../http/route-registry.js';
import { attachmentMaxBytes, attachmentTooLarge, createAttachmentService } from './attachments-service.js';
import { CASE_SORTABLE } from './list-repository.js';
import { createCaseReadService } from './read-service.js';
import {
  assignBodySchema,
  attachmentBodySchema,
  attachmentIdParams,
  attachmentSchema,
  caseFilterSchema,
  caseIdParams,
  caseSchema,
  createCaseBodySchema,
  eventBodySchema,
  revealQuerySchema,
  stepResponseSchema,
  timelineEntrySchema,
} from './schemas.js';
import { createCaseWriteService, type WriteResult } from './service.js';

const TAG = 'cases';
const UPLOAD_PATH = /^\/cases\/[^/]+\/attachments\/?$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function idempotencyKey(req: express.Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError(400, 'INVALID_IDEMPOTENCY_KEY', `The Idempotency-Key header ${JSON.stringify(key)} is not valid; send 1 to 200 visible ASCII characters, e.g. a UUID.`, { key });
  }
  return key;
}

function answer<T>(res: Response, result: WriteResult<T>): T {
  // The status is the route's (201 or 200), the same as the stored first response's.
  if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
  return result.body;
}

/**
 * Parses the JSON body of an attachment upload with a limit that fits the largest attachment
 * (base64 is 4/3 of the bytes); a larger body is a 413 ATTACHMENT_TOO_LARGE. Mount it before
 * the API's general JSON parser, which otherwise refuses bodies over 1 MB first.
 * @example
 * api.use(createAttachmentUploadParser(deps));
 * api.use(express.json({ limit: '1mb' }));
 */
export function createAttachmentUploadParser(deps: Pick<AppDeps, 'options'>): RequestHandler {
  const maxBytes = attachmentMaxBytes(deps);
  const parse = express.json({ limit: Math.ceil(maxBytes / 3) * 4 + 64 * 1024 });
  return (req, res, next) => {
    if (req.method !== 'POST' || !UPLOAD_PATH.test(req.path)) {
      next();
      return;
    }
    parse(req, res, (error?: unknown) => {
      const status = (error as { status?: unknown } | undefined)?.status;
      next(status === 413 ? attachmentTooLarge(undefined, maxBytes) : error);
    });
  };
}

/**
 * The cases resource: `all` of its routes on one router (open, list, show, timeline, available
 * events, send an event, assign, attachments), and `sendEvent`, the route of sending an event,
 * which the app also answers on its own lane (see createRouteLane).
 * @example
 * const { all, sendEvent } = createCaseRoutes(deps, registry);
 */
export interface CaseRouters {
  all: Router;
  sendEvent: DefinedRoute;
}

/**
 * Mounts the cases routes (see CaseRouters).
 * @example
 * api.use(createCaseRoutes(deps, registry).all);
 */
export function createCaseRoutes(deps: AppDeps, registry: RouteRegistry): CaseRouters {
  const router = Router();
  const writes = createCaseWriteService(deps);
  const reads = createCaseReadService(deps);
  const attachments = createAttachmentService(deps);
  router.use(createAttachmentUploadParser(deps));

  defineRoute(router, registry, { method: 'post', path: '/cases', summary: 'Open a case (staff); Idempotency-Key makes a retry safe', tag: TAG, body: createCaseBodySchema, response: caseSchema, status: 201, errors: [422] }, async ({ body, req, res }) =>
    answer(res, await writes.create(callerOf(res), body, idempotencyKey(req))),
  );

  defineRoute(router, registry, { method: 'get', path: '/cases', summary: 'List cases (react-admin: sort, range, filter; Content-Range)', tag: TAG, query: listQuerySchema, response: z.array(caseSchema) }, async ({ query, res }) => {
    const list = parseListQuery(query, { sortable: CASE_SORTABLE, defaultSort: ['openedAt', 'DESC'], filters: caseFilterSchema });
    const { rows, total } = await reads.list(callerOf(res), list);
    setContentRange(res, 'cases', list.range.start, list.range.start + rows.length - 1, total);
    return rows;
  });

  defineRoute(router, registry, { method: 'get', path: '/cases/:id', summary: 'Show a case; reveal=true unmasks personal fields (PII roles, audited)', tag: TAG, params: caseIdParams, query: revealQuerySchema, response: caseSchema, errors: [403] }, async ({ params, query, res }) =>
    reads.show(callerOf(res), params.id, { reveal: query.reveal }),
  );

  defineRoute(router, registry, { method: 'get', path: '/cases/:id/timeline', summary: "The case's log in order; reveal=true unmasks personal fields (PII roles, audited)", tag: TAG, params: caseIdParams, query: revealQuerySchema, response: z.array(timelineEntrySchema), errors: [403] }, async ({ params, query, res }) =>
    reads.timeline(callerOf(res), params.id, { reveal: query.reveal }),
  );

  defineRoute(router, registry, { method: 'get', path: '/cases/:id/events/available', summary: 'The events the caller may send now, with the fields each requires', tag: TAG, params: caseIdParams, response: z.array(z.record(z.string(), z.unknown())) }, async ({ params, res }) =>
    reads.availableEvents(callerOf(res), params.id),
  );

  const sendEvent = defineRoute(router, registry, { method: 'post', path: '/cases/:id/events', summary: 'Send an event with the version you read (409 when stale); Idempotency-Key makes a retry safe', tag: TAG, params: caseIdParams, body: eventBodySchema, response: stepResponseSchema, errors: [409, 422] }, async ({ params, body, req, res }) =>
    answer(res, await writes.sendEvent(callerOf(res), params.id, body, idempotencyKey(req))),
  );

  defineRoute(router, registry, { method: 'post', path: '/cases/:id/assign', summary: 'Assign the case (null unassigns), with the version you read', tag: TAG, params: caseIdParams, body: assignBodySchema, response: stepResponseSchema, errors: [409, 422] }, async ({ params, body, req, res }) =>
    answer(res, await writes.assign(callerOf(res), params.id, body, idempotencyKey(req))),
  );

  defineRoute(router, registry, { method: 'post', path: '/cases/:id/attachments', summary: 'Attach a file (JSON with base64 content; size-limited)', tag: TAG, params: caseIdParams, body: attachmentBodySchema, response: attachmentSchema, status: 201, errors: [413] }, async ({ params, body, res }) =>
    attachments.upload(callerOf(res), params.id, body),
  );

  defineRoute(router, registry, { method: 'get', path: '/cases/:id/attachments', summary: "A case's attachments (without content)", tag: TAG, params: caseIdParams, response: z.array(attachmentSchema) }, async ({ params, res }) =>
    attachments.list(callerOf(res), params.id),
  );

  defineRoute(router, registry, { method: 'get', path: '/cases/:id/attachments/:attachmentId', summary: "Download an attachment's bytes", tag: TAG, params: attachmentIdParams }, async ({ params, res }) => {
    const file = await attachments.download(callerOf(res), params.id, params.attachmentId);
    res.setHeader('Content-Type', file.metadata.contentType);
    res.setHeader('Content-Length', String(file.content.length));
    // Served as a download, never rendered in the admin's origin.
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.metadata.filename)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.status(200).end(file.content);
    return undefined;
  });

  // A path parameter that is not valid percent-encoding fails in the router before any handler:
  // answer it as bad input rather than let it reach the error middleware as an unknown error.
  router.use(((error, _req, _res, next) => {
    next(error instanceof URIError ? new HttpError(400, 'MALFORMED_URL', `The URL is not valid: ${error.message}; percent-encode ids (encodeURIComponent).`) : error);
  }) as express.ErrorRequestHandler);

  return { all: router, sendEvent };
}
