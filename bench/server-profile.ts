// Summarises a V8 CPU profile (from `BENCH_CPU_PROF=DIR pnpm bench:server`, which runs the server
// under `node --cpu-prof`): self time by function, self time by package or source folder, and
// inclusive time of the functions that matter on the event path.
// Usage: npx tsx bench/server-profile.ts FILE.cpuprofile [--top=25] [--filter=TEXT] [--from=S --to=S]
// (--from/--to: only samples between these seconds after the profile's start; --timeline prints
// how busy the thread was in each second, to find the load window).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
if (!file) {
  console.error('usage: npx tsx bench/server-profile.ts FILE.cpuprofile [--top=25] [--filter=TEXT] [--from=S --to=S] [--timeline]');
  process.exit(2);
}
const top = Number(option('top') ?? 25);
const filter = option('filter');
const fromUs = Number(option('from') ?? 0) * 1e6;
const toUs = Number(option('to') ?? Infinity) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Self time per node from the samples and their time deltas (microseconds), within the window.
const self = new Map<number, number>();
const busyPerSecond: Array<[number, number]> = [];
let at = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i] ?? 0;
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  const second = (busyPerSecond[Math.floor(at / 1e6)] ??= [0, 0]);
  second[1] += delta;
  if (byId.get(id)?.callFrame.functionName !== '(idle)') second[0] += delta;
  if (at >= fromUs && at < toUs) self.set(id, (self.get(id) ?? 0) + delta);
}
if (args.includes('--timeline')) console.log(`busy per second: ${busyPerSecond.map((s, i) => `${i}:${Math.round((100 * (s?.[0] ?? 0)) / (s?.[1] || 1))}%`).join(' ')}`);
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(node: ProfileNode): string {
  const url = node.callFrame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^\/work\/main\//, '');
  return `${node.callFrame.functionName || '(anonymous)'} ${url}${url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
}

function area(node: ProfileNode): string {
  const url = node.callFrame.url.replace(/^file:\/\//, '');
  if (url === '') return node.callFrame.functionName.startsWith('(') ? node.callFrame.functionName : '(native)';
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const src = /\/work\/main\/(packages\/[^/]+\/src\/[^/]+)/.exec(url);
  if (src?.[1]) return src[1];
  if (url.startsWith('node:')) return url.split('/')[0] ?? url;
  return url;
}

function pct(us: number): string {
  return `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms`;
}

function sum(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

const selfByFunction = new Map<string, number>();
const selfByArea = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id);
  if (!node) continue;
  sum(selfByFunction, where(node), us);
  sum(selfByArea, area(node), us);
  // Inclusive: credit each distinct frame on the stack once.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at);
    if (!frame) break;
    const key = where(frame);
    if (!seen.has(key)) {
      seen.add(key);
      sum(inclusive, key, us);
    }
  }
}

const print = (title: string, map: Map<string, number>, keep: (key: string) => boolean = () => true) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...map.entries()].filter(([k]) => keep(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${key}`);
};

const idle = [...self.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((n, [, us]) => n + us, 0);
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled${option('from') || option('to') ? ` between ${fromUs / 1e6} s and ${toUs / 1e6} s` : ''} (busy ${((total - idle) / 1000).toFixed(0)} ms) of ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
print('self time by package / source folder', selfByArea);
print('self time by function', selfByFunction);
print(`inclusive time${filter ? ` (frames matching ${filter})` : ' (project source)'}`, inclusive, (key) => (filter ? key.includes(filter) : key.includes('packages/')));
