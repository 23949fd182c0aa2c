// A probe loaded into the benchmarked server to see its heap: each full (mark-compact) collection is
// appended to /tmp/shuoshi-gc-<pid>.log with the heap's used and total size and the process's RSS
// right after it; with --expose-gc it also forces a full collection every 2 s, so that "used" there
// is the live heap. Usage:
//   BENCH_SERVER_NODE_OPTIONS="--import ./bench/server-gc-probe.mjs" BENCH_PGLITE=false pnpm bench:server
//   BENCH_SERVER_NODE_OPTIONS="--expose-gc --import ./bench/server-gc-probe.mjs" BENCH_PGLITE=false pnpm bench:server
// then read /tmp/shuoshi-gc-<pid>.log. Plain JavaScript: node loads it before the server, without tsx.
import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

const file = `/tmp/shuoshi-gc-${process.pid}.log`;
const started = performance.now();
const mb = (bytes) => (bytes / 1048576).toFixed(0);

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
    const heap = v8.getHeapStatistics();
    appendFileSync(file, `${((entry.startTime - started) / 1000).toFixed(1)}s full GC ${entry.duration.toFixed(1)} ms: used ${mb(heap.used_heap_size)} MB, total ${mb(heap.total_heap_size)} MB, rss ${mb(process.memoryUsage.rss())} MB\n`);
  }
}).observe({ entryTypes: ['gc'] });

if (typeof globalThis.gc === 'function') {
  setInterval(() => {
    globalThis.gc();
    appendFileSync(file, `${((performance.now() - started) / 1000).toFixed(1)}s forced: live ${mb(process.memoryUsage().heapUsed)} MB\n`);
  }, 2000).unref();
}
