// Benchmark: one stateless step of the engine against raw XState's stateless step on the same
// compiled machine, in the same run. Prints medians of several rounds; the last line is
// `engine_steps_per_s=N xstate_steps_per_s=M ratio=R`.
//
// A stateless step is what a host does per event: parse the stored JSON, restore, step, serialise.
// Engine: JSON.parse(snapshot) -> engine.apply (restores with machine.resolveState, checks roles,
// data, required fields and condition, steps with transition, computes the SLA ladder on the
// working-day calendar) -> JSON.stringify. XState: JSON.parse(persisted) -> resolveState ->
// transition -> getPersistedSnapshot -> JSON.stringify.
import { cpus } from 'node:os';
import { createMachine, transition } from 'xstate';
import { compileWorkflow, createEngine, unionGrievance, type Actor } from '@shuoshi/engine';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7);
const ROUND_MS = Number(process.env['BENCH_ROUND_MS'] ?? 1000);

const at = Date.parse('2025-09-30T10:00:00+08:00');
const engine = createEngine({ workflows: [unionGrievance], now: () => at });
const operator: Actor = { id: 'op-1', roles: ['intake_operator'] };
const opened = engine.start({ key: unionGrievance.key }, { data: { title: '下夜班打车难', description: '下夜班要走3公里才能打到车' }, actor: operator, channel: 'phone' }).snapshot;
const inTriage = engine.apply(opened, { type: 'accept' }, operator).snapshot;
const event = { type: 'route_to_mediation', data: { category: 'commute' } };

const storedCase = JSON.stringify(inTriage);
const { machine } = compileWorkflow(unionGrievance);
const storedMachine = JSON.stringify(machine.getPersistedSnapshot(machine.resolveState({ value: inTriage.state, context: { data: inTriage.data } })));

function engineStep(): number {
  const snapshot = JSON.parse(storedCase);
  const { snapshot: next, effects } = engine.apply(snapshot, event, operator);
  return JSON.stringify(next).length + effects.length;
}

function xstateStep(): number {
  const restored = machine.resolveState(JSON.parse(storedMachine));
  const [next] = transition(machine, restored, event);
  return JSON.stringify(machine.getPersistedSnapshot(next)).length;
}

// A two-state machine without context, to show what the same stateless step costs at its smallest.
const tiny = createMachine({ id: 'tiny', initial: 'a', states: { a: { on: { go: 'b' } }, b: { on: { go: 'a' } } } });
const storedTiny = JSON.stringify(tiny.getPersistedSnapshot(tiny.resolveState({ value: 'a', context: undefined as never })));
function tinyStep(): number {
  const [next] = transition(tiny, tiny.resolveState(JSON.parse(storedTiny)), { type: 'go' });
  return JSON.stringify(tiny.getPersistedSnapshot(next)).length;
}

function rate(step: () => number): number {
  let n = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 200; i++) sink += step();
    n += 200;
    elapsed = performance.now() - start;
  }
  if (sink === 0) throw new Error('steps produced nothing');
  return (n / elapsed) * 1000;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

if (engine.apply(JSON.parse(storedCase), event, operator).snapshot.state !== 'mediation') throw new Error('the benchmark step does not reach mediation');
rate(engineStep);
rate(xstateStep);

const engineRates: number[] = [];
const xstateRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which runs first so drift on a shared machine hits both alike.
  if (round % 2 === 0) {
    engineRates.push(rate(engineStep));
    xstateRates.push(rate(xstateStep));
  } else {
    xstateRates.push(rate(xstateStep));
    engineRates.push(rate(engineStep));
  }
  console.log(`round ${round + 1}: engine ${Math.round(engineRates[round] ?? 0)}/s xstate ${Math.round(xstateRates[round] ?? 0)}/s`);
}
console.log(`reference: raw XState on a two-state machine without context ${Math.round(rate(tinyStep))}/s`);
const engineMedian = Math.round(median(engineRates));
const xstateMedian = Math.round(median(xstateRates));
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, ${ROUNDS} rounds of ${ROUND_MS} ms`);
console.log(`engine_steps_per_s=${engineMedian} xstate_steps_per_s=${xstateMedian} ratio=${(engineMedian / xstateMedian).toFixed(2)}`);
