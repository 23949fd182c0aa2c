// Median time of validating a generated 200-state workflow, over 50 runs (after a warm-up).
// Run: npx tsx bench/validate.ts
import { generateLargeWorkflow } from '../packages/engine/src/definition/validation/large-workflow.fixture.js';
import { validateWorkflow } from '../packages/engine/src/definition/validation/validate-workflow.js';

const STATES = 200;
const RUNS = 50;
const workflow = generateLargeWorkflow(STATES);
const transitions = Object.values(workflow.states).reduce((sum, state) => sum + state.transitions.length, 0);

for (let i = 0; i < 10; i++) validateWorkflow(workflow);
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const result = validateWorkflow(workflow);
  times.push(performance.now() - start);
  if (!result.ok) throw new Error(`The generated workflow should be valid: ${result.issues[0]?.message}`);
}
times.sort((a, b) => a - b);
const median = ((times[RUNS / 2 - 1] ?? 0) + (times[RUNS / 2] ?? 0)) / 2;
console.log(`validateWorkflow: ${STATES} states, ${transitions} transitions, median ${median.toFixed(2)} ms over ${RUNS} runs (min ${times[0]?.toFixed(2)} ms, max ${times[RUNS - 1]?.toFixed(2)} ms)`);
