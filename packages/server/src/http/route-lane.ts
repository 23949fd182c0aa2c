import type { IncomingHttpHeaders } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { malformedBody } from './http-error.js';
import { runRoute, type DefinedRoute } from './route-registry.js';

/**
 * What a lane answers: one route of JSON bodies, under a prefix, signed in by `before`.
 * @example
 * const options: RouteLaneOptions = { prefix: '/api', route, before: (req, res) => signIn(resolveCaller, req, res), limitBytes: 1024 * 1024 };
 */
export interface RouteLaneOptions {
  /** Where the route's router is mounted, e.g. `/api`. */
  prefix: string;
  route: DefinedRoute;
  /** Runs once the body is read, before the route (authentication); throws or rejects to refuse. */
  before: (req: Request, res: Response) => void | Promise<void>;
  /** The largest body the lane reads; a larger one goes the router's way (a 413 there). */
  limitBytes: number;
}

// A body that is JSON in UTF-8 and nothing else: any other type, charset or encoding is the
// router's body parser's to answer (a 415, say), exactly as before the lane existed.
// Only space and tab around the parameters, as the content-type parser allows.
const PLAIN_JSON = /^application\/json[ \t]*(?:;[ \t]*charset[ \t]*=[ \t]*(?:utf-8|"utf-8")[ \t]*)?$/i;
// A URL with any of these is parsed by url.parse in the router (a `#` ends its path there): the router's.
const UNUSUAL_URL = /[#\t\n\f\r \u00a0\ufeff]/;
const DIGITS = /^\d{1,15}$/;
const FIRST_CHARACTER = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/;
const MASK = /#+/g;

const LITERAL_SEGMENT = /^[A-Za-z0-9_-]*$/;
const PARAM_SEGMENT = /^:([A-Za-z_]\w*)$/;

function routePattern(prefix: string, path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = `${prefix}${path}`
    .split('/')
    .map((segment) => {
      const param = PARAM_SEGMENT.exec(segment);
      if (param) {
        names.push(param[1] as string);
        return '([^/]+)';
      }
      // Optional parts, wildcards and suffixes follow path-to-regexp's rules, which this does not copy.
      if (!LITERAL_SEGMENT.test(segment)) throw new Error(`Route path "${path}" has the segment "${segment}"; a lane matches only plain segments and ":name" parameters. Leave such a route to the routers.`);
      return segment;
    })
    .join('/');
  // Express matches paths case-insensitively and with or without a trailing slash.
  return { pattern: new RegExp(`^${source}/?$`, 'i'), names };
}

function plainBodyLength(headers: IncomingHttpHeaders, limitBytes: number): number | undefined {
  const length = headers['content-length'];
  if (length === undefined || !DIGITS.test(length) || headers['transfer-encoding'] !== undefined) return undefined;
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return undefined;
  if (!PLAIN_JSON.test(headers['content-type'] ?? '')) return undefined;
  const bytes = Number(length);
  return bytes <= limitBytes ? bytes : undefined;
}

function decodeParams(names: readonly string[], match: RegExpExecArray): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  try {
    for (let i = 0; i < names.length; i += 1) params[names[i] as string] = decodeURIComponent(match[i + 1] as string);
  } catch {
    // Not valid percent-encoding: the router answers it (a 400 MALFORMED_URL).
    return undefined;
  }
  return params;
}

function readBody(req: Request, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      chunks.push(chunk);
    };
    const settle = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onEnd = (): void => {
      settle();
      if (received !== length) reject(malformedBody(`it ended after ${received} of the ${length} bytes its Content-Length announced`));
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks, received).toString('utf8'));
    };
    const onError = (error: Error): void => {
      settle();
      reject(malformedBody(`it could not be read (${error.message})`));
    };
    const onClose = (): void => {
      settle();
      reject(malformedBody('the connection closed before all of it arrived'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

// What JSON.parse says of a body that is not an object or an array, as the body parser words it:
// the body from its first character on masked, so that the message points at that character.
function notAnObject(body: string, first: string | undefined): string {
  const index = first === undefined ? -1 : body.indexOf(first);
  const masked = index === -1 ? '' : body.slice(0, index) + '#'.repeat(body.length - index);
  try {
    JSON.parse(masked);
  } catch (error) {
    return (error as Error).message.replace(MASK, (placeholder) => body.slice(index, index + placeholder.length));
  }
  return `it begins with ${JSON.stringify(first)}`;
}

// As the API's body parser reads JSON, message for message: an empty body is an empty object,
// anything else must be an object or an array, and a byte order mark is dropped.
function parseJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length === 0) return {};
  const first = FIRST_CHARACTER.exec(body)?.[1];
  if (first !== '{' && first !== '[') throw malformedBody(notAnObject(body, first));
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw malformedBody((error as Error).message);
  }
}

async function answer(options: RouteLaneOptions, params: Record<string, string>, length: number, req: Request, res: Response): Promise<void> {
  const body = parseJson(await readBody(req, length));
  await options.before(req, res);
  await runRoute(options.route, { params, query: req.query, body }, req, res);
}

/**
 * A middleware, mounted first on the app, that answers one route of the API's routers without
 * them: the busiest request skips the router's walk and the body parser's checks, about a sixth
 * of the server's thread per event at one client (docs/benchmarks.md). It takes only the plain case — the route's method and
 * path, a UTF-8 JSON body with a Content-Length within the limit, percent-encoding that decodes —
 * and parses and answers it as the routers would (same body rules, `before` in place of the
 * authentication middleware, the route's own schemas and handler). Anything else goes on to the
 * routers; every error goes to the app's error middleware.
 * @example
 * app.use(createRouteLane({ prefix: '/api', route: cases.sendEvent, before: (req, res) => signIn(resolveCaller, req, res), limitBytes: 1024 * 1024 }));
 */
export function createRouteLane(options: RouteLaneOptions): RequestHandler {
  const { spec } = options.route;
  // Routes with a query schema read the query the router parses; none of the lane's routes has one.
  if (spec.query) throw new Error(`Route ${spec.method.toUpperCase()} ${spec.path} has a query schema; a lane answers routes of a body and path parameters only.`);
  const method = spec.method.toUpperCase();
  const { pattern, names } = routePattern(options.prefix, spec.path);
  return (req, res, next) => {
    if (req.method !== method) return next();
    const url = req.url;
    if (UNUSUAL_URL.test(url)) return next();
    const query = url.indexOf('?');
    const match = pattern.exec(query < 0 ? url : url.slice(0, query));
    const length = match ? plainBodyLength(req.headers, options.limitBytes) : undefined;
    const params = match && length !== undefined ? decodeParams(names, match) : undefined;
    if (!params || length === undefined) return next();
    answer(options, params, length, req, res).catch(next);
  };
}
