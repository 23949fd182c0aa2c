import type { Request, Response, Router } from 'express';
import type { z } from 'zod';

/**
 * What a route accepts and answers, declared once: used to parse requests and to write the
 * OpenAPI document.
 * @example
 * const spec: RouteSpec = { method: 'get', path: '/cases/:id', summary: 'Show a case', tag: 'cases', params: idParams };
 */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path under /api, e.g. `/cases/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  /** Success status; 200 when omitted. */
  status?: number;
  /** False for public routes (login, health). */
  auth?: boolean;
  /** Extra documented error statuses besides 400/401/404/500. */
  errors?: number[];
}

/**
 * The parsed input a handler receives.
 * @example
 * async ({ params, body }) => service.update(params.id, body)
 */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
}

/**
 * Collects every route's spec as routers are built, for the OpenAPI document.
 * @example
 * const registry = createRouteRegistry();
 * defineRoute(router, registry, spec, handler);
 */
export interface RouteRegistry {
  routes: RouteSpec[];
}

/**
 * Creates an empty route registry.
 * @example
 * const registry = createRouteRegistry();
 */
export function createRouteRegistry(): RouteRegistry {
  return { routes: [] };
}

// What res.json would send, without its per-answer work that does not apply here (content type
// parsing and formatting, a copy of the body into a Buffer, ETag and freshness checks): every
// event's answer goes through this. Node itself leaves the body out of an answer to HEAD.
function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * A route as defineRoute mounted it: its spec and its handler, for a lane that answers the same
 * route without the router (see createRouteLane).
 * @example
 * const lane = createRouteLane({ prefix: '/api', route: defineRoute(router, registry, spec, handler), before, limitBytes: 1024 * 1024 });
 */
export interface DefinedRoute<P = unknown, Q = unknown, B = unknown> {
  spec: RouteSpec & { params?: z.ZodType<P>; query?: z.ZodType<Q>; body?: z.ZodType<B> };
  // A method, so a route of any input types is a DefinedRoute (its schemas give its handler its input).
  handler(input: RouteInput<P, Q, B>): Promise<unknown>;
}

/**
 * Answers a request on a route: parses params, query and body with the route's zod schemas (a
 * failure throws the ZodError, a 400 with the issues), runs the handler and sends its result as
 * JSON (no result: an empty answer with the route's status, 204 by default).
 * @example
 * await runRoute(route, { params: req.params, query: req.query, body: req.body }, req, res);
 */
export async function runRoute<P, Q, B>(route: DefinedRoute<P, Q, B>, raw: { params: unknown; query: unknown; body: unknown }, req: Request, res: Response): Promise<void> {
  const { spec, handler } = route;
  const params = (spec.params ? spec.params.parse(raw.params) : raw.params) as P;
  const query = (spec.query ? spec.query.parse(raw.query) : raw.query) as Q;
  const body = (spec.body ? spec.body.parse(raw.body ?? {}) : raw.body) as B;
  const result = await handler({ params, query, body, req, res });
  if (res.headersSent) return;
  if (result === undefined) res.status(spec.status ?? 204).end();
  else sendJson(res, spec.status ?? 200, result);
}

/**
 * Mounts a route on a router and records its spec: params, query and body are parsed with their
 * zod schemas (a failure is a 400 with the issues), and the handler's result is sent as JSON.
 * @example
 * defineRoute(router, registry, { method: 'get', path: '/agencies/:id', summary: 'Show an agency', tag: 'agencies', params }, async ({ params }) => service.show(params.id));
 */
export function defineRoute<P = unknown, Q = unknown, B = unknown>(
  router: Router,
  registry: RouteRegistry,
  spec: RouteSpec & { params?: z.ZodType<P>; query?: z.ZodType<Q>; body?: z.ZodType<B> },
  handler: (input: RouteInput<P, Q, B>) => Promise<unknown>,
): DefinedRoute<P, Q, B> {
  registry.routes.push(spec);
  const route: DefinedRoute<P, Q, B> = { spec, handler };
  router[spec.method](spec.path, (req, res, next) => {
    runRoute(route, req, req, res).catch(next);
  });
  return route;
}
