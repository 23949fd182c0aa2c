import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { isEngineError } from '@shuoshi/engine';
import { ZodError } from 'zod';
import { HttpError, malformedBody, payloadTooLarge } from './http-error.js';

/**
 * The JSON body of every error response.
 * @example
 * const body: ErrorBody = { error: { status: 404, code: 'NOT_FOUND', message: '...' } };
 */
export interface ErrorBody {
  error: { status: number; code: string; message: string; details?: Record<string, unknown> };
}

function clientStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function bodyParserStatus(error: unknown): number | undefined {
  // The body parser marks its errors with a type; those of the gzip stream it reads a body
  // through (a body that says it is gzip and is not) keep zlib's code.
  const { type, code } = (error ?? {}) as { type?: unknown; code?: unknown };
  return typeof type === 'string' || (typeof code === 'string' && code.startsWith('Z_')) ? clientStatus(error) : undefined;
}

// Another library's refusal of the request in the http-errors way (express.static's 412 to a
// failed If-Match, its 416 to a range past the end): its own status, a code named after it.
function exposedClientError(error: unknown): HttpError | undefined {
  const status = clientStatus(error);
  if (status === undefined || (error as { expose?: unknown }).expose !== true) return undefined;
  const code = (STATUS_CODES[status] ?? 'Bad Request').toUpperCase().replace(/[^A-Z]+/g, '_');
  return new HttpError(status, code, `The request cannot be served: ${(error as Error).message}.`);
}

function isUnstorableText(error: unknown): boolean {
  // PostgreSQL's character_not_in_repertoire and untranslatable_character: NUL bytes in text.
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}

/**
 * Routes every error to one JSON answer: HttpError as is, engine refusals 422, zod failures 400
 * with the issues, malformed bodies 400/413, anything else 500 (logged, no details leaked).
 * @example
 * app.use(errorMiddleware(logger));
 */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (thrown: unknown, req, res, _next) => {
    // The body parser's own errors (bad JSON, too large, an unsupported charset) read as ours.
    const parserStatus = bodyParserStatus(thrown);
    const error = parserStatus === undefined ? (exposedClientError(thrown) ?? thrown) : parserStatus === 413 ? payloadTooLarge() : malformedBody((thrown as Error).message, parserStatus);
    let body: ErrorBody;
    if (error instanceof HttpError) {
      body = { error: { status: error.status, code: error.code, message: error.message, ...(Object.keys(error.details).length > 0 ? { details: error.details } : {}) } };
    } else if (isEngineError(error)) {
      body = { error: { status: 422, code: error.code, message: error.message, details: error.details } };
    } else if (error instanceof ZodError) {
      const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
      body = { error: { status: 400, code: 'INVALID_INPUT', message: `The request is not valid: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}.`, details: { issues } } };
    } else if (isUnstorableText(error)) {
      body = { error: { status: 400, code: 'INVALID_INPUT', message: 'The request contains text the database cannot store (for example a NUL character, \\u0000); remove it and send again.' } };
    } else if (error instanceof URIError) {
      body = { error: { status: 400, code: 'MALFORMED_URL', message: `The request path is not validly percent-encoded: ${req.originalUrl.slice(0, 200)}.` } };
    } else {
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled error');
      body = { error: { status: 500, code: 'INTERNAL', message: 'Something went wrong on the server; the request was not carried out. Try again, and tell the administrator if it persists.' } };
    }
    res.status(body.error.status).json(body);
  };
}
