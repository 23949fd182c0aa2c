import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorMiddleware } from './error-middleware.js';
import { HttpError } from './http-error.js';

// An app whose one route fails with the given error, then the error middleware.
function failingWith(error: unknown) {
  const app = express();
  app.get('/fail', (_req, _res, next) => next(error));
  app.use(errorMiddleware(pino({ level: 'silent' })));
  return app;
}

async function answer(error: unknown) {
  const response = await request(failingWith(error)).get('/fail');
  return { status: response.status, code: response.body.error?.code as string, message: response.body.error?.message as string };
}

describe('errorMiddleware', () => {
  it("answers the body parser's errors as malformed or too large bodies", async () => {
    expect(await answer(Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400, type: 'entity.parse.failed', expose: true }))).toMatchObject({ status: 400, code: 'MALFORMED_BODY' });
    expect(await answer(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large', expose: true }))).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(await answer(Object.assign(new Error('unsupported charset "LATIN1"'), { status: 415, type: 'charset.unsupported', expose: true }))).toMatchObject({ status: 415, code: 'MALFORMED_BODY' });
    // What the gzip stream under the parser throws at a body that says it is gzip and is not.
    expect(await answer(Object.assign(new Error('incorrect header check'), { status: 400, code: 'Z_DATA_ERROR', expose: true }))).toMatchObject({ status: 400, code: 'MALFORMED_BODY' });
  });

  it("answers another library's refusal with its own status, not as a body error", async () => {
    const precondition = await answer(Object.assign(new Error('Precondition Failed'), { status: 412, statusCode: 412, expose: true }));
    expect(precondition).toEqual({ status: 412, code: 'PRECONDITION_FAILED', message: 'The request cannot be served: Precondition Failed.' });
    expect(await answer(Object.assign(new Error('Range Not Satisfiable'), { status: 416, expose: true }))).toMatchObject({ status: 416, code: 'RANGE_NOT_SATISFIABLE' });
  });

  it('keeps its own errors as they are and hides everything else behind a 500', async () => {
    expect(await answer(new HttpError(409, 'VERSION_CONFLICT', 'Case is at version 3.', { currentVersion: 3 }))).toEqual({ status: 409, code: 'VERSION_CONFLICT', message: 'Case is at version 3.' });
    expect(await answer(Object.assign(new Error('boom'), { status: 400 }))).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(await answer(Object.assign(new Error('upstream'), { status: 502, expose: false }))).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
