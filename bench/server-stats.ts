// Latency bookkeeping and number formatting for bench/server.ts.

/**
 * A measured run: completed operations per second in the measured window, latency percentiles
 * in milliseconds, and how many operations failed (with a few of their messages).
 * @example
 * const run: RunFigures = { perSecond: 1800, p50Ms: 8.1, p99Ms: 21.4, count: 9000, errors: 0, errorSamples: [] };
 */
export interface RunFigures {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  count: number;
  errors: number;
  errorSamples: string[];
}

/**
 * Collects latencies (ms) into a growable typed array; cheap enough to record every request.
 * @example
 * const latencies = new Latencies(); latencies.add(3.2); latencies.percentile(0.5);
 */
export class Latencies {
  private values = new Float64Array(1 << 14);
  private size = 0;

  add(ms: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = ms;
  }

  get count(): number {
    return this.size;
  }

  /** The q-quantile (0..1), nearest rank; NaN when empty. */
  percentile(q: number): number {
    if (this.size === 0) return Number.NaN;
    const sorted = this.values.slice(0, this.size).sort();
    const rank = Math.min(this.size - 1, Math.max(0, Math.ceil(q * this.size) - 1));
    return sorted[rank] ?? Number.NaN;
  }
}

/**
 * Keeps the first few distinct error messages, counting them all.
 * @example
 * const errors = new ErrorLog(); errors.add('409 VERSION_CONFLICT'); errors.count;
 */
export class ErrorLog {
  count = 0;
  readonly samples: string[] = [];

  add(message: string): void {
    this.count++;
    if (this.samples.length < 5 && !this.samples.includes(message)) this.samples.push(message);
  }
}

/** A number for the table: `-` when missing, else fixed decimals. */
export function fmt(value: number | undefined, decimals = 0): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return value.toFixed(decimals);
}

/** Megabytes from kilobytes, one decimal. */
export function mb(kb: number | undefined): string {
  return kb === undefined ? '-' : `${(kb / 1024).toFixed(1)} MB`;
}

/** A table with right-aligned columns (the first one left-aligned). */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
