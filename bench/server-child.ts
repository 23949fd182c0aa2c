// The server under test as a child process: `node packages/server/dist/cli/main.js start`, the built
// server as `pnpm start` runs it (built first when stale), on a free loopback port, with its resident
// memory sampled from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../packages/server/bin/server-bundle.js';
import { ensureServerBuild } from '../packages/server/scripts/server-build.js';

/** The repository root (bench/..). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const BUILT_MAIN = 'packages/server/dist/cli/main.js';

/**
 * The server's CLI entry, relative to the root: the bundle `pnpm start` runs (BENCH_SERVER_MAIN
 * overrides it, e.g. with packages/server/src/cli/main.ts to run the sources through tsx).
 */
export const SERVER_MAIN = process.env['BENCH_SERVER_MAIN'] || BUILT_MAIN;

/**
 * Builds the server when `main` (SERVER_MAIN by default) is the bundle and it is missing or older
 * than its sources; does nothing otherwise. startServer calls it; a benchmark calls it first so that
 * no build counts in a start-up time.
 * @example
 * await ensureServerMain();
 */
export async function ensureServerMain(main: string = SERVER_MAIN): Promise<void> {
  if (main === BUILT_MAIN) await ensureServerBuild({ log: (line) => console.log(line) });
}

/**
 * A running server: where it listens, its memory, its CPU time, and how to stop it.
 * @example
 * const server = await startServer({ env: { SHUOSHI_DATA_DIR: dir } });
 * await server.stop();
 */
export interface ServerChild {
  pid: number;
  baseUrl: string;
  /** VmRSS when /readyz first answered, in kB (of the largest process when the server is a cluster). */
  readyRssKb: number | undefined;
  /** VmRSS now, in kB (the largest process). */
  rssKb(): number | undefined;
  /** Highest VmRSS of one process seen by the sampler, in kB. */
  sampledPeakRssKb(): number;
  /** VmHWM (the kernel's peak resident set) in kB of the largest process, read now; undefined once the process is gone. */
  peakRssKb(): number | undefined;
  /** The sum of the processes' VmHWM in kB (a bound on what they held at once), read now. */
  totalPeakRssKb(): number | undefined;
  /** How many processes the server runs as (1, or a cluster's primary and its processes). */
  processCount(): number;
  /** The user + system CPU time so far of the process and its children, in ms. */
  cpuMs(): number | undefined;
  /** SIGTERM, then SIGKILL after 15 s; resolves with VmHWM read just before the signal. */
  stop(): Promise<number | undefined>;
}

/** Picks a free loopback port by binding port 0 and letting it go. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

// utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
function procCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

// The process and its children (a cluster's primary and its server processes).
function processTree(pid: number): number[] {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...kids.flatMap((kid) => processTree(kid))];
  } catch {
    return [pid];
  }
}

function treeSum(pid: number, read: (p: number) => number | undefined): number | undefined {
  const values = processTree(pid).map(read);
  return values[0] === undefined ? undefined : values.reduce<number>((total, v) => total + (v ?? 0), 0);
}

function treeMax(pid: number, read: (p: number) => number | undefined): number | undefined {
  const values = processTree(pid).map(read).filter((v): v is number => v !== undefined);
  return values.length === 0 ? undefined : Math.max(...values);
}

const children = new Set<ChildProcess>();

/** Kills every server child still running (for exit paths that cannot await). */
export function killAllServers(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * Starts the server with the given environment on top of a minimal one, waits for `/readyz`.
 * `cpuProfDir` runs it under `node --cpu-prof` (the profile is written when it exits); `main` and
 * `args` start another entry (bench/server-floor.ts) instead of `shuoshi start`.
 * @example
 * const server = await startServer({ env: { DATABASE_URL: url, SHUOSHI_DB_SCHEMA: schema } });
 */
export async function startServer(options: { env: Record<string, string>; cpuProfDir?: string | undefined; readyTimeoutMs?: number; main?: string; args?: string[] }): Promise<ServerChild> {
  const port = await freePort();
  const host = '127.0.0.1';
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    PORT: String(port),
    HOST: host,
    SHUOSHI_SEED: 'false',
    LOG_LEVEL: 'warn',
    SHUOSHI_SECRET: randomBytes(32).toString('hex'),
    // One process unless the caller asks for more (tests count processes; bench/server.ts sets it).
    SHUOSHI_WORKERS: '1',
    // For experiments only (e.g. --max-semi-space-size=4, --perf-basic-prof); unset in the figures.
    // SERVER_NODE_FLAGS, given on the command line, win over the same flags given here.
    ...(process.env['BENCH_SERVER_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['BENCH_SERVER_NODE_OPTIONS'] } : {}),
    ...options.env,
  };
  const main = options.main ?? SERVER_MAIN;
  // Never the bundle of older sources (tests start their servers through here too).
  await ensureServerMain(main);
  // A TypeScript entry runs through tsx's loader; the built server (a .js bundle) runs as it is.
  const loader = main.endsWith('.ts') ? ['--import', 'tsx'] : [];
  // The server runs with node's flags as `pnpm start` gives them; another entry (the bare host) without.
  // BENCH_SERVER_FLAGS adds node or V8 flags (NODE_OPTIONS refuses most V8 ones), for experiments.
  const extra = process.env['BENCH_SERVER_FLAGS']?.split(/\s+/).filter(Boolean) ?? [];
  const flags = options.main === undefined ? [...SERVER_NODE_FLAGS, ...extra] : [];
  const args = [...flags, ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []), ...loader, main, ...(options.args ?? ['start'])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start the server (${process.execPath} ${args.join(' ')}).`);

  let sampledPeak = 0;
  const sample = () => {
    sampledPeak = Math.max(sampledPeak, treeMax(pid, (p) => procStatus(p, 'VmRSS')) ?? 0);
  };
  const sampler = setInterval(sample, 200);
  sampler.unref();

  const baseUrl = `http://${host}:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      clearInterval(sampler);
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was ready; its last output:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      clearInterval(sampler);
      throw new Error(`The server did not answer ${baseUrl}/readyz within ${options.readyTimeoutMs ?? 120_000} ms; its last output:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const readyRssKb = treeMax(pid, (p) => procStatus(p, 'VmRSS'));
  return {
    pid,
    baseUrl,
    readyRssKb,
    rssKb: () => treeMax(pid, (p) => procStatus(p, 'VmRSS')),
    sampledPeakRssKb: () => {
      sample();
      return sampledPeak;
    },
    peakRssKb: () => treeMax(pid, (p) => procStatus(p, 'VmHWM')),
    totalPeakRssKb: () => treeSum(pid, (p) => procStatus(p, 'VmHWM')),
    processCount: () => processTree(pid).length,
    cpuMs: () => treeSum(pid, procCpuMs),
    async stop() {
      sample();
      const peak = treeMax(pid, (p) => procStatus(p, 'VmHWM'));
      clearInterval(sampler);
      if (child.exitCode !== null || child.signalCode !== null) return peak;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      return peak;
    },
  };
}
