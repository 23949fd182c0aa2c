import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express, { Router, type Request, type Response } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorMiddleware } from './error-middleware.js';
import { HttpError } from './http-error.js';
import { createRouteLane } from './route-lane.js';
import { createRouteRegistry, defineRoute } from './route-registry.js';

const LIMIT = 200;

function signedIn(req: Request, res: Response, via: string): void {
  if (req.headers.authorization !== 'Bearer ok') throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first.');
  res.locals['via'] = via;
}

// The API as createApp builds it, with or without the lane in front: a JSON parser, authentication,
// one route, the error middleware.
function appWith(options: { lane: boolean }) {
  const registry = createRouteRegistry();
  const router = Router();
  const handled: string[] = [];
  // The requests the routers saw: the lane's own must not reach them.
  const routed: string[] = [];
  const route = defineRoute(
    router,
    registry,
    { method: 'post', path: '/things/:id/notes', summary: 'Note a thing', tag: 'things', params: z.object({ id: z.string() }), body: z.object({ text: z.string() }) },
    async ({ params, body, res }) => {
      handled.push(params.id);
      return { id: params.id, text: body.text, via: res.locals['via'] };
    },
  );
  const app = express();
  if (options.lane) app.use(createRouteLane({ prefix: '/api', route, before: (req, res) => signedIn(req, res, 'lane'), limitBytes: LIMIT }));
  const api = Router();
  api.use((req, _res, next) => {
    routed.push(req.url);
    next();
  });
  api.use(express.json({ limit: LIMIT }));
  api.use((req, res, next) => {
    try {
      signedIn(req, res, 'router');
      next();
    } catch (error) {
      next(error);
    }
  });
  api.use(router);
  app.use('/api', api);
  app.use(errorMiddleware(pino({ level: 'silent' })));
  return { app, handled, routed };
}

async function withServer<T>(app: express.Express, run: (port: number) => Promise<T>): Promise<T> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    return await run((server.address() as AddressInfo).port);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

// Sends the request as written (HTTP clients drop a URL's fragment) and resolves with the status.
async function rawStatus(app: express.Express, head: string, body: string): Promise<number> {
  return withServer(app, async (port) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.write(`${head}\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ok\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await new Promise((resolve) => socket.once('close', resolve));
    return Number(answer.slice(9, 12));
  });
}

function post(app: express.Express, path = '/api/things/t1/notes') {
  return request(app).post(path).set('Authorization', 'Bearer ok');
}

describe('createRouteLane', () => {
  it('answers the plain case itself, in any letter case, with a trailing slash or a query', async () => {
    const { app } = appWith({ lane: true });
    for (const path of ['/api/things/a%20b/notes', '/API/Things/a%20b/NOTES/', '/api/things/a%20b/notes?x=1']) {
      const response = await post(app, path).send({ text: '袖套' });
      expect(response.status, path).toBe(200);
      expect(response.body, path).toEqual({ id: 'a b', text: '袖套', via: 'lane' });
    }
  });

  it('leaves every other request to the routers, which answer it as before', async () => {
    const { app } = appWith({ lane: true });
    // superagent would serialize the bytes as JSON; they go as they are (it writes a Buffer whole).
    const gzipped = await post(app).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize((bytes: unknown) => bytes as string).send(gzipSync(JSON.stringify({ text: 'zipped' })));
    // A body that says it is gzipped and is not: bad input, not a server error.
    const notZipped = await post(app).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"text":"x"}');
    expect([notZipped.status, notZipped.body.error.code]).toEqual([400, 'MALFORMED_BODY']);
    expect(gzipped.body).toEqual({ id: 't1', text: 'zipped', via: 'router' });
    const latin1 = await post(app).set('Content-Type', 'application/json; charset=latin1').send('{"text":"x"}');
    expect([latin1.status, latin1.body.error.code]).toEqual([415, 'MALFORMED_BODY']);
    const large = await post(app).send({ text: 'x'.repeat(LIMIT) });
    expect([large.status, large.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const badPath = await post(app, '/api/things/%E0%A4%A/notes').send({ text: 'x' });
    expect([badPath.status, badPath.body.error.code]).toEqual([400, 'MALFORMED_URL']);
    const otherPath = await post(app, '/api/things/t1/notes/extra').send({ text: 'x' });
    expect(otherPath.status).toBe(404);
    // A fragment ends the router's path (it parses such URLs with url.parse): not this route.
    expect(await rawStatus(app, 'POST /api/things/t1#x/notes HTTP/1.1', '{"text":"x"}')).toBe(404);
    expect(await rawStatus(app, 'POST /api/things/t1/notes HTTP/1.1', '{"text":"x"}')).toBe(200);
    // Only spaces and tabs may pad the type, as its parser reads it.
    const padded = await post(app).set('Content-Type', 'application/json\u00a0').send('{"text":"x"}');
    expect([padded.status, padded.body.error.code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('reads a body as the JSON parser does and answers bad ones alike', async () => {
    const bodies = ['', '\ufeff{"text":"bom"}', '"text"', ' 12', '  [1]', '{"text":', '{"text":"a"} x', '{"text":7}', '   ', 'nul'];
    for (const body of bodies) {
      const answers = [];
      for (const lane of [true, false]) {
        const response = await post(appWith({ lane }).app).set('Content-Type', 'application/json').send(body);
        answers.push({ status: response.status, code: response.body.error?.code, message: response.body.error?.message, text: response.body.text });
      }
      expect(answers[0], JSON.stringify(body)).toEqual(answers[1]);
    }
  });

  it('sends its errors to the error middleware, before and in the route', async () => {
    const { app, handled, routed } = appWith({ lane: true });
    const anonymous = await request(app).post('/api/things/t1/notes').send({ text: 'x' });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const invalid = await post(app).send({ text: 7 });
    expect([invalid.status, invalid.body.error.code]).toEqual([400, 'INVALID_INPUT']);
    expect(handled).toEqual([]);
    expect(routed).toEqual([]);
  });

  it('drops a body cut short without answering it or running the route', async () => {
    const { app, handled, routed } = appWith({ lane: true });
    await withServer(app, async (port) => {
      const socket = connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write('POST /api/things/t1/notes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ok\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"text":');
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(handled).toEqual([]);
      // Nor handed to the routers, whose body parser would read the cut stream again.
      expect(routed).toEqual([]);
      const after = await post(app).send({ text: 'next' });
      expect(after.body).toEqual({ id: 't1', text: 'next', via: 'lane' });
    });
  });

  it('refuses a route path with more than plain segments and parameters', () => {
    for (const path of ['/x/:id.json', '/x{/:id}', '/x/*rest']) {
      const route = defineRoute(Router(), createRouteRegistry(), { method: 'post', path, summary: 'x', tag: 'x' }, async () => undefined);
      expect(() => createRouteLane({ prefix: '/api', route, before: () => undefined, limitBytes: LIMIT }), path).toThrow(/plain segments/);
    }
  });

  it('refuses a route that reads a query', () => {
    const router = Router();
    const route = defineRoute(router, createRouteRegistry(), { method: 'post', path: '/x', summary: 'x', tag: 'x', query: z.object({ q: z.string() }) }, async () => undefined);
    expect(() => createRouteLane({ prefix: '/api', route, before: () => undefined, limitBytes: LIMIT })).toThrow(/query schema/);
  });
});
