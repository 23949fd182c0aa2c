// The event load of bench/server.ts driven by wrk (Debian's package `wrk`), a load generator in C:
// pgbench's clients are C too, so neither side's latency carries its client's own JavaScript. The
// node load generator (bench/server-load.ts) stays for setting up and when wrk is missing.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchCase, LoadFigures } from './server-load.js';

const SCRIPT = fileURLToPath(new URL('./server-wrk.lua', import.meta.url));

/**
 * Whether wrk is on this machine (`apt-get install -y wrk` puts it there).
 * @example
 * const generator = wrkAvailable() ? 'wrk' : 'node';
 */
export function wrkAvailable(): boolean {
  // wrk has no version flag: it prints its usage with the version and exits 1.
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

interface WrkRun {
  requests: number;
  durationMs: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  socketErrors: number;
  cpuMs: number;
  samples: string[];
}

function field(line: string, name: string): number {
  const value = new RegExp(`\\b${name}=([\\d.]+)`).exec(line)?.[1];
  if (value === undefined) throw new Error(`wrk's figures have no ${name}: ${line}`);
  return Number(value);
}

// Reads done()'s lines (see server-wrk.lua) and moves each case to the version its client last saw.
function readOutput(output: string, cases: BenchCase[]): WrkRun {
  const lines = output.split('\n');
  const figures = lines.find((line) => line.startsWith('figures '));
  if (!figures) throw new Error(`wrk printed no figures:\n${output.slice(-2000)}`);
  const samples: string[] = [];
  for (const line of lines.filter((l) => l.startsWith('case '))) {
    const [, id, version, failures, ...sample] = line.split(' ');
    const benchCase = cases.find((c) => c.id === decodeURIComponent(id ?? ''));
    if (benchCase) benchCase.version = Number(version);
    if (Number(failures) > 0 && samples.length < 5) samples.push(sample.join(' '));
  }
  const socketErrors = ['connect', 'read', 'write', 'timeout'].reduce((sum, name) => sum + field(figures, name), 0);
  return {
    requests: field(figures, 'requests'),
    durationMs: field(figures, 'duration_us') / 1000,
    p50Ms: field(figures, 'p50_us') / 1000,
    p99Ms: field(figures, 'p99_us') / 1000,
    non2xx: field(figures, 'non2xx'),
    socketErrors,
    cpuMs: field(figures, 'cpu_s') * 1000,
    samples: socketErrors > 0 ? [...samples, `${socketErrors} socket errors (connect, read, write, timeout)`] : samples,
  };
}

function runWrk(baseUrl: string, token: string, cases: BenchCase[], seconds: number): Promise<WrkRun> {
  const args = ['-t', String(cases.length), '-c', String(cases.length), '-d', `${seconds}s`, '--timeout', '10s', '-s', SCRIPT, baseUrl];
  const env = { ...process.env, SHUOSHI_WRK_TOKEN: token, SHUOSHI_WRK_CASES: cases.map((c) => `${encodeURIComponent(c.id)}:${c.version}`).join(' ') };
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    // done()'s lines come on stdout; wrk's own complaints on stderr, kept for the message.
    let output = '';
    let complaints = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (complaints += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`wrk ${args.join(' ')} exited with ${code}:\n${(output + complaints).slice(-2000)}`));
      else {
        try {
          resolve(readOutput(output, cases));
        } catch (error) {
          reject(error as Error);
        }
      }
    });
  });
}

/**
 * How a load run learns each case's version before it starts. wrk stops with a request in flight
 * on each connection, whose answer it never reads: the server may have stepped the case, so the
 * version a client last saw can be one behind.
 * @example
 * const refresh: RefreshVersions = async (cases) => { for (const c of cases) c.version = await readVersion(c.id); };
 */
export type RefreshVersions = (cases: BenchCase[]) => Promise<void>;

// A request wrk left in flight commits a moment after wrk exits: read until two reads agree.
async function refreshSettled(cases: BenchCase[], refresh: RefreshVersions): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await refresh(cases);
    const read = cases.map((c) => c.version);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await refresh(cases);
    if (cases.every((c, i) => c.version === read[i])) return;
  }
  throw new Error('the cases\' versions kept changing for 4 s after wrk stopped: is another client stepping them?');
}

/**
 * Runs the event load with wrk: one thread and connection per case, a warm-up run, then the
 * measured run, whose events/s, latency percentiles and errors it returns, with the CPU time of
 * wrk, the server and (when given) the database over it. Before each run `refresh` reads the
 * cases' versions. Durations are whole seconds (wrk's unit), at least one.
 * @example
 * const figures = await runWrkLoad(server.baseUrl, token, cases.slice(0, 16), { warmupMs: 1000, durationMs: 5000 });
 */
export async function runWrkLoad(
  baseUrl: string,
  token: string,
  cases: BenchCase[],
  options: { warmupMs: number; durationMs: number; refresh: RefreshVersions; serverCpuMs?: () => number | undefined; databaseCpuMs?: () => number | undefined },
): Promise<LoadFigures> {
  const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));
  if (options.warmupMs > 0) {
    await refreshSettled(cases, options.refresh);
    await runWrk(baseUrl, token, cases, seconds(options.warmupMs));
  }
  await refreshSettled(cases, options.refresh);
  const serverBefore = options.serverCpuMs?.();
  const databaseBefore = options.databaseCpuMs?.();
  const run = await runWrk(baseUrl, token, cases, seconds(options.durationMs));
  const serverAfter = options.serverCpuMs?.();
  const databaseAfter = options.databaseCpuMs?.();
  const completed = run.requests - run.non2xx;
  return {
    perSecond: completed / (run.durationMs / 1000),
    p50Ms: run.p50Ms,
    p99Ms: run.p99Ms,
    count: completed,
    errors: run.non2xx + run.socketErrors,
    errorSamples: run.samples,
    clientCpuMs: run.cpuMs,
    serverCpuMs: serverBefore !== undefined && serverAfter !== undefined ? serverAfter - serverBefore : undefined,
    databaseCpuMs: databaseBefore !== undefined && databaseAfter !== undefined ? databaseAfter - databaseBefore : undefined,
  };
}
