import { createEngine } from '@shuoshi/engine';
import { formatReference, referencePrefix, referenceYear } from '../cases/case-reference.js';
import { DEMO_ALLOCATIONS, DEMO_SHOWCASES, type Allocation } from './case-allocation.js';
import { hours, type PlannedCase, type PlannedStep } from './case-plan.js';
import { latestOpening, timeBefore } from './case-times.js';
import { DEMO_STAFF } from './demo-staff.js';
import { DEMO_TENANTS } from './demo-tenants.js';
import { demoWorkflows, type DemoWorkflow } from './demo-workflows.js';
import { draftPlan, openingTime, workflowFor, type DraftPlan } from './plan-demo-case.js';
import { createPrng, type Prng } from './prng.js';
import { createStaffDirectory } from './staff-directory.js';
import { walkCase, type WalkedCase } from './walk-case.js';

/**
 * A demo case ready to be written: its id, its reference and its walk through the engine.
 * @example
 * const c: DemoCase = { id: '5f0c…', reference: 'NH-2026-000042', walked };
 */
export interface DemoCase {
  id: string;
  reference: string;
  walked: WalkedCase;
}

/**
 * Everything the demo seed writes besides the static tenants, staff and organisations.
 * @example
 * const data = buildDemoData({ now: Date.now() });
 */
export interface DemoData {
  workflows: DemoWorkflow[];
  cases: DemoCase[];
  /** Engine refusals met while walking (a flaw in a plan; expected to be empty). */
  refusals: string[];
}

/**
 * Options of the demo: "now" (cases are spread over the year before it), the seed and the size.
 * @example
 * const options: DemoOptions = { now: Date.parse('2026-11-29T09:00:00+08:00'), seed: 2025, cases: 300 };
 */
export interface DemoOptions {
  now: number;
  seed?: number;
  cases?: number;
}

const DAY = 86_400_000;

function idle(random: Prng): PlannedStep['after'] {
  return random.weighted([
    [hours(random.between(0.5, 6)), 55],
    [hours(random.between(6, 30)), 25],
    [{ kind: 'natural' as const, ms: random.between(5, 40) * DAY }, 20],
  ] as const);
}

function pickAllocation(random: Prng): Allocation {
  return random.weighted(DEMO_ALLOCATIONS.map((a) => [a, a.count] as const));
}

/**
 * Plans every demo case and walks each through the engine on a simulated clock: the allocated
 * cases (most run their course, some stall), the showcase stalls, one stalled case for every
 * workflow state no case reached, and random cases up to the total. Deterministic for a seed and "now".
 * @example
 * const { cases } = buildDemoData({ now: Date.parse('2026-11-29T09:00:00+08:00') });
 */
export function buildDemoData(options: DemoOptions): DemoData {
  const { now } = options;
  const target = options.cases ?? 300;
  const random = createPrng(options.seed ?? 2025);
  const workflows = demoWorkflows();
  const clock = { at: now };
  const engine = createEngine({ workflows: workflows.map((w) => w.workflow), now: () => clock.at });
  const directory = createStaffDirectory(DEMO_STAFF, DEMO_TENANTS);
  const walk = (plan: PlannedCase): WalkedCase => walkCase(plan, { engine, clock, cast: directory.castFor(plan.tenant, plan.actorSeed), now });
  const timed = (draft: DraftPlan, stopAfter: number, openedAt: number): PlannedCase => ({ ...draft, stopAfter, openedAt, actorSeed: random.int(1, 2 ** 31) });
  const stalled = (draft: DraftPlan, stopAfter: number, after: PlannedStep['after']): PlannedCase => timed(draft, stopAfter, latestOpening(draft, stopAfter, timeBefore(now, after)));
  const running = (draft: DraftPlan): PlannedCase => timed(draft, draft.steps.length, openingTime(random, now, draft.channel, draft.tenant));

  const walked: WalkedCase[] = [];
  for (const showcase of DEMO_SHOWCASES) {
    const draft = draftPlan(random, showcase.tenant, showcase.kind, { route: showcase.route, ...(showcase.matter ? { matter: showcase.matter } : {}) });
    const index = showcase.afterEvent === null ? -1 : draft.steps.findIndex((s) => s.event === showcase.afterEvent);
    if (showcase.afterEvent !== null && index < 0) throw new Error(`Showcase route "${showcase.route}" in ${showcase.tenant} has no "${showcase.afterEvent}" step.`);
    walked.push(walk(stalled(draft, index + 1, showcase.idle)));
  }
  for (const allocation of DEMO_ALLOCATIONS) {
    for (let n = 0; n < allocation.count; n++) {
      const draft = draftPlan(random, allocation.tenant, allocation.kind);
      walked.push(walk(random.chance(0.12) ? stalled(draft, random.int(0, Math.max(0, draft.steps.length - 1)), idle(random)) : running(draft)));
    }
  }

  // One stalled case for every state of every workflow that no case stands in.
  for (const { workflow } of workflows) {
    const reached = new Set(walked.filter((w) => w.plan.workflow.key === workflow.key).map((w) => w.snapshot.state));
    const allocations = DEMO_ALLOCATIONS.filter((a) => workflowFor(a.tenant, a.kind).key === workflow.key);
    for (const state of Object.keys(workflow.states).filter((s) => !reached.has(s))) {
      for (let attempt = 0; attempt < 400 && allocations.length > 0; attempt++) {
        const allocation = random.pick(allocations);
        const draft = draftPlan(random, allocation.tenant, allocation.kind);
        const probe = walk({ ...draft, stopAfter: draft.steps.length, openedAt: now - 300 * DAY, actorSeed: 1 });
        const index = probe.trail.indexOf(state);
        if (index < 0) continue;
        const candidate = walk(stalled(draft, index, hours(random.between(1, 6))));
        if (candidate.snapshot.state !== state) continue;
        walked.push(candidate);
        break;
      }
    }
  }

  while (walked.length < target) {
    const allocation = pickAllocation(random);
    walked.push(walk(running(draftPlan(random, allocation.tenant, allocation.kind))));
  }

  walked.sort((a, b) => a.plan.openedAt - b.plan.openedAt);
  // Numbered as the cases resource numbers new cases: per county tree and year (NH-2026-000042).
  const prefix = referencePrefix('ninghai');
  const perYear = new Map<number, number>();
  const cases = walked.map((w): DemoCase => {
    const year = referenceYear(new Date(w.plan.openedAt));
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    return { id: random.uuid(), reference: formatReference(prefix, year, n), walked: w };
  });
  return { workflows, cases, refusals: walked.flatMap((w) => (w.refusal ? [w.refusal] : [])) };
}
