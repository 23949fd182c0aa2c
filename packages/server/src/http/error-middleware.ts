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

function bodyParserStatus(error: unknown): number | undefined {
  // The body parser marks its errors with a type; those of the stream it reads from (a gzip body
  // that is not gzip) it marks only as exposable, in the http-errors way.
  const { status, type, expose } = (error ?? {}) as { status?: unknown; type?: unknown; expose?: unknown };
  return typeof status === 'number' && (typeof type === 'string' || expose === true) && status >= 400 && status < 500 ? status : undefined;
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
    const error = parserStatus === undefined ? thrown : parserStatus === 413 ? payloadTooLarge() : malformedBody((thrown as Error).message, parserStatus);
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
