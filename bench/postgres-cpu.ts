// The CPU time PostgreSQL's processes on this machine have used, for bench/server.ts's
// per-event figures: what the database spends on one event of the server against one pgbench
// transaction. Backends that have exited (pgbench's, at the end of its run) are counted through
// the postmaster's cutime/cstime, which the kernel adds when it reaps them.
import { readdirSync, readFileSync } from 'node:fs';

// Fields after "(comm) ": state is [0]; utime, stime, cutime, cstime are [11]..[14], in clock
// ticks (100 per second on Linux).
function processCpuMs(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (stat.slice(open + 1, close) !== 'postgres') return undefined;
    const fields = stat.slice(close + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    // The process ended between listing and reading.
    return undefined;
  }
}

/**
 * The CPU milliseconds used so far by every process named `postgres` on this machine, or
 * undefined when there is none (the database runs elsewhere, or /proc cannot be read).
 * @example
 * const before = postgresCpuMs(); await run(); const used = (postgresCpuMs() ?? 0) - (before ?? 0);
 */
export function postgresCpuMs(): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let total: number | undefined;
  for (const entry of entries) {
    if (entry.charCodeAt(0) < 48 || entry.charCodeAt(0) > 57) continue;
    const used = processCpuMs(entry);
    if (used !== undefined) total = (total ?? 0) + used;
  }
  return total;
}
