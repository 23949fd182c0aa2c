// A reference for bench/server.ts: the thinnest Node host of the same transaction — node:http, a
// JSON body, the transaction of bench/pgbench-event.sql through Kysely (with the version check),
// a JSON answer — no framework, no auth, no engine. It tells what Node, HTTP and the PostgreSQL
// client cost on this machine, apart from what the server adds. Run by bench/server.ts as a child:
// `node --import tsx bench/server-floor.ts` with DATABASE_URL, SHUOSHI_DB_SCHEMA, PORT, HOST and
// BENCH_SNAPSHOT (the stored snapshot each transaction writes back).
import http from 'node:http';
import { createDatabase } from '@shuoshi/server';
import { BENCH_ROLES, BENCH_TENANT, BENCH_USER } from './server-prepare.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`bench/server-floor.ts needs ${name}`);
  return value;
};
const handle = await createDatabase({ databaseUrl: env('DATABASE_URL'), schema: env('SHUOSHI_DB_SCHEMA') });
const db = handle.db;
const snapshot = env('BENCH_SNAPSHOT');
const EVENT_PATH = /^\/api\/cases\/([^/]+)\/events$/;

class Conflict extends Error {
  constructor(readonly currentVersion: number) {
    super(`version conflict: the case is at ${currentVersion}`);
  }
}

async function step(caseId: string, version: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('cases').select('version').where('tenant_id', '=', BENCH_TENANT).where('case_id', '=', caseId).forUpdate().executeTakeFirstOrThrow();
    if (row.version !== version) throw new Conflict(row.version);
    const next = row.version + 1;
    await trx.updateTable('cases').set({ version: next, snapshot, updated_at: new Date() }).where('tenant_id', '=', BENCH_TENANT).where('case_id', '=', caseId).execute();
    await trx
      .insertInto('case_events')
      .values({ tenant_id: BENCH_TENANT, case_id: caseId, seq: next, type: 'claim', actor_id: BENCH_USER, actor_roles: BENCH_ROLES, data: '{}', effects: '[]', state_from: 'direct_handling', state_to: 'direct_handling', warning: 'green', created_at: new Date() })
      .execute();
    return next;
  });
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    if (req.url === '/readyz') return answer(res, 200, { status: 'ready' });
    if (req.url === '/api/auth/login') return answer(res, 200, { token: 'floor' });
    const match = req.method === 'POST' ? EVENT_PATH.exec(req.url ?? '') : null;
    if (!match?.[1]) return answer(res, 404, { error: { status: 404, code: 'NOT_FOUND', message: `no route ${req.method} ${req.url}` } });
    let body: { type?: unknown; version?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: unknown; version?: unknown };
    } catch {
      return answer(res, 400, { error: { status: 400, code: 'MALFORMED_BODY', message: 'not JSON' } });
    }
    step(decodeURIComponent(match[1]), Number(body.version)).then(
      (version) => answer(res, 200, { case: { version }, effects: [] }),
      (error: unknown) =>
        error instanceof Conflict
          ? answer(res, 409, { error: { status: 409, code: 'VERSION_CONFLICT', message: error.message, details: { currentVersion: error.currentVersion } } })
          : answer(res, 500, { error: { status: 500, code: 'INTERNAL', message: (error as Error).message } }),
    );
  });
});
server.listen(Number(env('PORT')), env('HOST'));
process.once('SIGTERM', () => {
  server.close(() => void handle.close().then(() => process.exit(0)));
  server.closeAllConnections();
});
