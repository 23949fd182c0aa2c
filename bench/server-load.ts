// The load generator of bench/server.ts: K clients, each on its own keep-alive connection
// (bench/server-http-connection.ts), sending `claim` to its own case with the version it last saw;
// and a node:http JSON client for setting up (signing in, opening the cases).
import http from 'node:http';
import { openHttpConnection, type JsonResponse } from './server-http-connection.js';
import { ErrorLog, Latencies, type RunFigures } from './server-stats.js';

export type { JsonResponse } from './server-http-connection.js';

/**
 * A keep-alive JSON client for one server.
 * @example
 * const client = createJsonClient('http://127.0.0.1:3000', 16);
 * const { status, body } = await client.send('POST', '/api/auth/login', { username, password });
 */
export interface JsonClient {
  send(method: string, path: string, body?: unknown, token?: string): Promise<JsonResponse>;
  close(): void;
}

/** Opens a client whose Agent keeps up to `sockets` connections alive. */
export function createJsonClient(baseUrl: string, sockets: number): JsonClient {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  return {
    send(method, path, body, token) {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = payload.length;
      }
      if (token) headers['authorization'] = `Bearer ${token}`;
      return new Promise((resolve, reject) => {
        const request = http.request({ host: url.hostname, port: url.port, method, path, headers, agent }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text === '' ? undefined : JSON.parse(text);
            } catch {
              // keep the text
            }
            resolve({ status: response.statusCode ?? 0, body: parsed });
          });
        });
        request.on('error', reject);
        request.end(payload);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/** A case a client steps, with the version it last saw. */
export interface BenchCase {
  id: string;
  version: number;
}

function describe(response: JsonResponse): string {
  const error = (response.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return `${response.status} ${error?.code ?? ''} ${error?.message ?? JSON.stringify(response.body)?.slice(0, 200) ?? ''}`.trim();
}

function expect(response: JsonResponse, status: number, what: string): Record<string, unknown> {
  if (response.status !== status) throw new Error(`${what} answered ${describe(response)}, expected ${status}`);
  return response.body as Record<string, unknown>;
}

/** Signs in and returns the bearer token. */
export async function login(client: JsonClient, username: string, password: string): Promise<string> {
  const body = expect(await client.send('POST', '/api/auth/login', { username, password }), 200, `POST /api/auth/login as ${username}`);
  return String(body['token']);
}

/**
 * Opens `count` union-grievance cases through the API and steps each into `direct_handling`,
 * claimed once (accept, handle_directly, claim), where `claim` is a targetless event that can be
 * sent again and again.
 * @example
 * const cases = await openBenchCases(client, token, 16, 'bench');
 */
export async function openBenchCases(client: JsonClient, token: string, count: number, tenantId: string): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  for (let i = 0; i < count; i++) {
    const opened = expect(
      await client.send('POST', '/api/cases', { workflow: { key: 'union-grievance' }, tenantId, channel: 'phone', data: { title: `下夜班打车难 ${i + 1}`, description: '下夜班要走3公里才能打到车，希望开通夜班公交或者安排班车。' } }, token),
      201,
      'POST /api/cases',
    );
    const id = String(opened['id']);
    let version = Number(opened['version']);
    for (const event of [{ type: 'accept' }, { type: 'handle_directly', data: { category: 'commute' } }, { type: 'claim' }]) {
      const stepped = expect(await client.send('POST', `/api/cases/${encodeURIComponent(id)}/events`, { ...event, version }, token), 200, `POST /api/cases/${id}/events ${event.type}`);
      const after = stepped['case'] as { version: number; state: string };
      version = after.version;
      if (event.type === 'claim' && after.state !== 'direct_handling') throw new Error(`case ${id} is in ${after.state} after claim, expected direct_handling`);
    }
    cases.push({ id, version });
  }
  return cases;
}

/**
 * Figures of a load run, with the CPU time the load generator and (when given) the server spent
 * in the measured window.
 */
export interface LoadFigures extends RunFigures {
  clientCpuMs: number;
  serverCpuMs: number | undefined;
  /** PostgreSQL's CPU over the measured window (all its processes on this machine), when it runs here. */
  databaseCpuMs: number | undefined;
}

/**
 * Runs one client per case for `warmupMs + durationMs`, each on its own connection sending
 * `claim` with the version it last saw; counts the events answered 200 within the measured window
 * and records their latency. Any other status is an error (a 409 also takes the current version
 * from its details).
 * @example
 * const figures = await runEventLoad(server.baseUrl, token, cases.slice(0, 4), { warmupMs: 1000, durationMs: 5000 });
 */
export async function runEventLoad(
  baseUrl: string,
  token: string,
  cases: BenchCase[],
  options: { warmupMs: number; durationMs: number; serverCpuMs?: () => number | undefined; databaseCpuMs?: () => number | undefined },
): Promise<LoadFigures> {
  const latencies = new Latencies();
  const errors = new ErrorLog();
  const start = performance.now();
  const windowStart = start + options.warmupMs;
  const windowEnd = windowStart + options.durationMs;
  let stop = false;
  let completed = 0;
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let serverCpuAtStart: number | undefined;
  let databaseCpuAtStart: number | undefined;
  const windowTimer = setTimeout(() => {
    cpuAtStart = process.cpuUsage();
    serverCpuAtStart = options.serverCpuMs?.();
    databaseCpuAtStart = options.databaseCpuMs?.();
  }, options.warmupMs);
  const stopTimer = setTimeout(() => {
    stop = true;
  }, options.warmupMs + options.durationMs);
  let cpuAtEnd: NodeJS.CpuUsage | undefined;
  let serverCpuAtEnd: number | undefined;
  let databaseCpuAtEnd: number | undefined;
  const endTimer = setTimeout(() => {
    cpuAtEnd = process.cpuUsage(cpuAtStart);
    serverCpuAtEnd = options.serverCpuMs?.();
    databaseCpuAtEnd = options.databaseCpuMs?.();
  }, options.warmupMs + options.durationMs);

  async function worker(benchCase: BenchCase): Promise<void> {
    const path = `/api/cases/${encodeURIComponent(benchCase.id)}/events`;
    let connection = await openHttpConnection(baseUrl);
    let consecutiveFailures = 0;
    while (!stop) {
      const sent = performance.now();
      let response: JsonResponse;
      try {
        response = await connection.post(path, `{"type":"claim","version":${benchCase.version}}`, token);
      } catch (error) {
        errors.add(`request failed: ${(error as Error).message}`);
        if (++consecutiveFailures >= 100) throw new Error(`100 requests in a row failed on case ${benchCase.id}: ${errors.samples.join('; ')}`);
        connection.close();
        connection = await openHttpConnection(baseUrl);
        continue;
      }
      const done = performance.now();
      if (response.status === 200) {
        consecutiveFailures = 0;
        benchCase.version = (response.body as { case: { version: number } }).case.version;
        if (done >= windowStart && done <= windowEnd) {
          completed++;
          latencies.add(done - sent);
        }
      } else {
        errors.add(describe(response));
        const current = (response.body as { error?: { details?: { currentVersion?: unknown } } } | undefined)?.error?.details?.currentVersion;
        if (response.status === 409 && typeof current === 'number') benchCase.version = current;
        if (++consecutiveFailures >= 100) throw new Error(`100 requests in a row failed on case ${benchCase.id}: ${errors.samples.join('; ')}`);
      }
    }
    connection.close();
  }

  try {
    await Promise.all(cases.map(worker));
  } finally {
    clearTimeout(windowTimer);
    clearTimeout(stopTimer);
    clearTimeout(endTimer);
  }
  const seconds = options.durationMs / 1000;
  const clientCpu = cpuAtEnd ?? process.cpuUsage(cpuAtStart);
  return {
    perSecond: completed / seconds,
    p50Ms: latencies.percentile(0.5),
    p99Ms: latencies.percentile(0.99),
    count: completed,
    errors: errors.count,
    errorSamples: errors.samples,
    clientCpuMs: (clientCpu.user + clientCpu.system) / 1000,
    serverCpuMs: serverCpuAtStart !== undefined && serverCpuAtEnd !== undefined ? serverCpuAtEnd - serverCpuAtStart : undefined,
    databaseCpuMs: databaseCpuAtStart !== undefined && databaseCpuAtEnd !== undefined ? databaseCpuAtEnd - databaseCpuAtStart : undefined,
  };
}
