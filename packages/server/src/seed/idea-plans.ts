import { hours, step, type ActorSpec, type PlannedCase, type PlannedStep } from './case-plan.js';
import type { DemoEnterprise } from './demo-organisations.js';
import type { IdeaMatter } from './idea-matters.js';
import type { Prng } from './prng.js';
import { workerName, workerPhone } from './worker-identities.js';

const INTAKE: ActorSpec = { roles: ['intake_operator', 'township_admin'] };
const EVALUATOR: ActorSpec = { roles: ['idea_evaluator'] };
const ADMIN: ActorSpec = { roles: ['township_admin'] };

/** How a golden idea ends. */
export type IdeaRoute = 'rewarded' | 'not_accepted' | 'not_adopted' | 'abandoned';

/**
 * Plans a golden idea (金点子) of an enterprise union: submitted online or at the desk, accepted,
 * evaluated, adopted, implemented and rewarded with the value it created (or not adopted).
 * @example
 * planIdea(random, { tenant: 'fangzheng', workflow, matter, route: 'rewarded', channel: 'online', enterprise });
 */
export function planIdea(
  random: Prng,
  input: { tenant: string; workflow: PlannedCase['workflow']; matter: IdeaMatter; route: IdeaRoute; channel: string; enterprise: DemoEnterprise | null },
): Omit<PlannedCase, 'stopAfter' | 'openedAt' | 'actorSeed'> {
  const { matter, route } = input;
  const openData = {
    idea_title: matter.title,
    idea_detail: matter.detail,
    proposer_name: workerName(random),
    ...(random.chance(0.6) ? { proposer_phone: workerPhone(random) } : {}),
    ...(input.enterprise ? { enterprise: input.enterprise.name } : {}),
    department: matter.department,
    idea_category: matter.category,
    expected_benefit: matter.benefit,
  };
  const steps: PlannedStep[] = [];
  if (route === 'not_accepted') {
    steps.push(step('reject', INTAKE, hours(random.between(2, 20)), { rejection_reason: '与已采纳的金点子重复。' }));
  } else {
    steps.push(step('accept', INTAKE, hours(random.between(2, 20))));
    if (route === 'not_adopted') {
      steps.push(step('reject', EVALUATOR, hours(random.between(8, 70)), { rejection_reason: '投入成本较高，现阶段效益不明显，暂不采纳。' }));
    } else {
      steps.push(
        step('adopt', EVALUATOR, hours(random.between(8, 70)), { evaluation_grade: random.pick(['first', 'second', 'third', 'encouragement']), evaluation_comment: '思路清晰，具有推广价值。' }),
        step('start_implementation', ADMIN, hours(random.between(4, 35)), { implementation_owner: matter.department }),
      );
      const value = random.int(matter.value[0] / 100, matter.value[1] / 100) * 100;
      if (route === 'abandoned') {
        steps.push(step('abandon_implementation', ADMIN, hours(random.between(80, 300)), { implementation_result: '试行后发现与现有设备不兼容，暂停实施。' }));
      } else {
        steps.push(
          step('complete_implementation', ADMIN, hours(random.between(80, 400)), { implementation_result: `${matter.benefit}，已在${matter.department}推广。` }),
          step('grant_reward', ADMIN, hours(random.between(8, 70)), { idea_value: value, reward_amount: Math.max(200, Math.round(value * 0.05 / 100) * 100) }),
        );
      }
    }
  }
  return {
    tenant: input.tenant,
    workflow: input.workflow,
    channel: input.channel,
    opener: input.channel === 'walk_in' ? INTAKE : { worker: true },
    openData,
    enterpriseId: input.enterprise?.id ?? null,
    steps,
  };
}
