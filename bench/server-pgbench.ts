// pgbench for bench/server.ts: bench/pgbench-event.sql at C clients, TPS from pgbench's own
// summary and latency percentiles from its per-transaction log.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Latencies, type RunFigures } from './server-stats.js';

/** The transaction script. */
export const PGBENCH_SCRIPT = fileURLToPath(new URL('./pgbench-event.sql', import.meta.url));

/**
 * What pgbench needs: the database URL, the schema (set as search_path through PGOPTIONS, as the
 * server's pool does), and the script's variables.
 * @example
 * const target: PgbenchTarget = { url, schema: 'bench_ab12', variables: { tenant: 'bench', actor: 'bench.user', snapshot } };
 */
export interface PgbenchTarget {
  url: string;
  schema: string;
  variables: Record<string, string>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** pgbench's version line, or throws when pgbench is not installed. */
export async function pgbenchVersion(): Promise<string> {
  try {
    const { output } = await run('pgbench', ['--version'], process.env);
    return output.trim();
  } catch {
    throw new Error('pgbench is not installed: install the PostgreSQL client tools (Debian: apt-get install postgresql-client), or run with BENCH_PGBENCH=false.');
  }
}

/**
 * Runs `pgbench -n -M extended -c C -j min(C,2) -T seconds -f bench/pgbench-event.sql` and
 * returns its TPS (without initial connection time) and the p50/p99 of its per-transaction log.
 * @example
 * const figures = await runPgbench(target, 16, 5);
 */
export async function runPgbench(target: PgbenchTarget, clients: number, seconds: number, options: { log?: boolean } = {}): Promise<RunFigures> {
  const logDir = mkdtempSync(join(tmpdir(), 'shuoshi-pgbench-'));
  try {
    const args = ['-n', '-M', 'extended', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), '-f', PGBENCH_SCRIPT];
    for (const [name, value] of Object.entries(target.variables)) args.push('-D', `${name}=${value}`);
    if (options.log !== false) args.push('-l', `--log-prefix=${join(logDir, 'pgbench')}`);
    args.push(target.url);
    const { code, output } = await run('pgbench', args, { ...process.env, PGOPTIONS: `-c search_path=${target.schema}` });
    const tps = /^tps = ([\d.]+) \(without initial connection time\)/m.exec(output);
    if (code !== 0 || !tps?.[1]) throw new Error(`pgbench exited with ${code} and no TPS line; its output:\n${output.slice(-2000)}`);
    const failed = /^number of failed transactions: (\d+)/m.exec(output);
    const processed = /^number of transactions actually processed: (\d+)/m.exec(output);
    const latencies = new Latencies();
    if (options.log !== false) {
      // Each line: client_id transaction_no time(us) script_no time_epoch time_us
      for (const file of readdirSync(logDir)) {
        for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
          const latencyUs = Number(line.split(' ')[2]);
          if (line !== '' && Number.isFinite(latencyUs)) latencies.add(latencyUs / 1000);
        }
      }
    }
    return {
      perSecond: Number(tps[1]),
      p50Ms: latencies.percentile(0.5),
      p99Ms: latencies.percentile(0.99),
      count: Number(processed?.[1] ?? latencies.count),
      errors: Number(failed?.[1] ?? 0),
      errorSamples: [],
    };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}
