import { hours, step, type ActorSpec, type PlannedCase, type PlannedStep } from './case-plan.js';
import type { DemoEnterprise } from './demo-organisations.js';
import { followUpOutcome, ratingStep } from './follow-up-steps.js';
import type { GrievanceMatter, GrievanceRoute } from './grievance-matters.js';
import type { Prng } from './prng.js';
import { licencePlate, workerName, workerPhone } from './worker-identities.js';

const INTAKE: ActorSpec = { roles: ['intake_operator', 'township_admin'] };
const TRIAGE: ActorSpec = { roles: ['early_warning_officer', 'intake_operator', 'township_admin'] };
const HANDLER: ActorSpec = { roles: ['intake_operator', 'township_admin'] };
const MEDIATOR: ActorSpec = { roles: ['mediator', 'township_admin'] };
const LAWYER: ActorSpec = { roles: ['lawyer', 'township_admin'] };
const COUNSELLOR: ActorSpec = { roles: ['counsellor', 'township_admin'] };
const ADMIN: ActorSpec = { roles: ['township_admin', 'county_admin'] };
const SUPERVISOR: ActorSpec = { roles: ['supervisor'] };
const CHAMBER: ActorSpec = { roles: ['chamber_mediator', 'mediator'] };

const BUYERS = ['水果收购商', '农产品经纪人', '批发市场商户', '电商代销商', '超市采购员'];

/**
 * Everything a grievance plan needs to know about its case.
 * @example
 * const input: GrievanceInput = { tenant: 'huchen', workflow, matter, route: 'chamber', channel: 'phone', enterprise: null };
 */
export interface GrievanceInput {
  tenant: string;
  workflow: PlannedCase['workflow'];
  matter: GrievanceMatter & { produce?: string; inspectionIssue?: string };
  route: GrievanceRoute;
  channel: string;
  enterprise: DemoEnterprise | null;
}

// Triage usually happens within its working day; now and then it drags on into yellow or red.
function triageDelay(random: Prng): PlannedStep['after'] {
  return hours(random.weighted([[random.between(0.5, 5), 80], [random.between(5, 8), 14], [random.between(8, 14), 6]] as const));
}

function handlingDelay(random: Prng, slaHours: number): PlannedStep['after'] {
  return hours(random.weighted([[random.between(slaHours * 0.15, slaHours * 0.75), 78], [random.between(slaHours * 0.75, slaHours), 14], [random.between(slaHours, slaHours * 1.6), 8]] as const));
}

function routeSteps(random: Prng, input: GrievanceInput): PlannedStep[] {
  const { matter, route } = input;
  const category = { category: matter.category };
  const resolution = { resolution: matter.resolution };
  const claim = (actor: ActorSpec): PlannedStep => step('claim', actor, hours(random.between(0.3, 4)));
  switch (route) {
    case 'direct':
      return [step('handle_directly', TRIAGE, triageDelay(random), category), claim(HANDLER), step('resolve', HANDLER, handlingDelay(random, 40), resolution)];
    case 'mediation':
    case 'mediation_then_legal': {
      const steps = [step('route_to_mediation', TRIAGE, triageDelay(random), category), claim(MEDIATOR)];
      if (random.chance(0.3)) {
        steps.push(step('await_materials', MEDIATOR, hours(random.between(2, 16)), { handling_note: '请职工补充工资条、考勤记录等证据材料。' }));
        steps.push(step('materials_received', MEDIATOR, hours(random.between(8, 40))));
      }
      if (route === 'mediation') return [...steps, step('mediation_succeeded', MEDIATOR, handlingDelay(random, 80), resolution)];
      return [
        ...steps,
        step('mediation_failed', MEDIATOR, handlingDelay(random, 80), { handling_note: '双方分歧较大，调解不成，转法律援助。' }),
        claim(LAWYER),
        step('legal_aid_concluded', LAWYER, handlingDelay(random, 120), resolution),
      ];
    }
    case 'legal':
      return [step('route_to_legal_aid', TRIAGE, triageDelay(random), category), claim(LAWYER), step('legal_aid_concluded', LAWYER, handlingDelay(random, 120), resolution)];
    case 'counselling':
      return [step('route_to_counselling', TRIAGE, triageDelay(random), category), claim(COUNSELLOR), step('counselling_completed', COUNSELLOR, handlingDelay(random, 40), resolution)];
    case 'escalation':
    case 'escalation_returned': {
      const agency = matter.agency ?? 'people_congress_liaison';
      const escalate = step('escalate', ADMIN, triageDelay(random), {
        ...category,
        referral_agency: agency,
        referral_note: matter.referralNote ?? '请协助办理职工反映的问题。',
        ...(matter.common ? { common_demand: true } : {}),
      });
      if (route === 'escalation') {
        return [escalate, step('agency_replied', { agency }, handlingDelay(random, 120), { reply_summary: matter.reply ?? '已按职责办理并答复。' })];
      }
      return [
        escalate,
        step('agency_returned', { agency }, hours(random.between(8, 40)), { return_reason: '该事项不属于本单位职责，建议由工会先行协调企业解决。' }),
        step('handle_directly', TRIAGE, triageDelay(random)),
        claim(HANDLER),
        step('resolve', HANDLER, handlingDelay(random, 40), resolution),
      ];
    }
    case 'traffic':
      return [
        step('route_to_traffic', TRIAGE, triageDelay(random), { ...category, vehicle_plate: licencePlate(random), inspection_issue: matter.inspectionIssue ?? 'other' }),
        step('enforcement_replied', { agency: 'traffic_enforcement' }, handlingDelay(random, 40), { reply_summary: matter.reply ?? '已协调办理。' }),
      ];
    case 'chamber':
    case 'chamber_failed': {
      const steps = [
        step('route_to_chamber', TRIAGE, triageDelay(random), {
          ...category,
          produce_type: matter.produce ?? 'fruit',
          buyer_name: `${workerName(random)}（${random.pick(BUYERS)}）`,
          disputed_amount: random.int(30, 400) * 100,
        }),
        claim(CHAMBER),
      ];
      if (route === 'chamber') return [...steps, step('chamber_mediation_succeeded', CHAMBER, handlingDelay(random, 40), resolution)];
      const agency = matter.agency ?? 'judicial_office';
      return [
        ...steps,
        step('return_to_triage', CHAMBER, handlingDelay(random, 40), { return_reason: '收购方拒不接受商会调解方案，调解不成。' }),
        step('escalate', ADMIN, triageDelay(random), { referral_agency: agency, referral_note: matter.referralNote ?? '商会调解未果，请依法调处。' }),
        step('agency_replied', { agency }, handlingDelay(random, 120), { reply_summary: matter.reply ?? '已依法调处。' }),
      ];
    }
    case 'decline':
      return [];
  }
}

function afterResolved(random: Prng, input: GrievanceInput): PlannedStep[] {
  const rater: ActorSpec = input.channel === 'online' || input.channel === 'mini_program' || random.chance(0.3) ? { worker: true } : SUPERVISOR;
  const steps = [step('reply_to_worker', INTAKE, hours(random.between(1, 14)), { resolution: input.matter.resolution })];
  const outcome = followUpOutcome(random);
  steps.push(ratingStep(random, outcome, rater));
  if (outcome !== 'dissatisfied') return steps;
  // The worker is not satisfied: the case is reopened, triaged again and handled by the union itself.
  return [
    ...steps,
    step('retriage', ADMIN, hours(random.between(1, 6))),
    step('handle_directly', TRIAGE, triageDelay(random)),
    step('claim', HANDLER, hours(random.between(0.3, 4))),
    step('resolve', HANDLER, handlingDelay(random, 40), { resolution: `重新办理：工会再次约谈企业，${input.matter.resolution}` }),
    step('reply_to_worker', INTAKE, hours(random.between(1, 8))),
    ratingStep(random, 'satisfied', SUPERVISOR),
  ];
}

/**
 * Plans a `union-grievance` case (or one of a township overlay): the opening by phone, at the
 * desk or online, the intake, the route after triage, the reply to the worker and the follow-up.
 * @example
 * const plan = planGrievance(random, { tenant: 'chalu', workflow, matter, route: 'traffic', channel: 'phone', enterprise: null });
 */
export function planGrievance(random: Prng, input: GrievanceInput): Omit<PlannedCase, 'stopAfter' | 'openedAt' | 'actorSeed'> {
  const { matter } = input;
  const anonymous = (input.channel === 'online' || input.channel === 'mini_program') && random.chance(0.35);
  const workers = matter.workers ? random.int(matter.workers[0], matter.workers[1]) : undefined;
  const openData: Record<string, unknown> = {
    title: matter.title,
    description: matter.description,
    ...(anonymous ? {} : { worker_name: workerName(random), worker_phone: workerPhone(random) }),
    ...(input.enterprise ? { enterprise: input.enterprise.name } : {}),
    ...(workers !== undefined && workers > 1 ? { workers_affected: workers } : {}),
  };
  const staffOpens = input.channel === 'phone' || input.channel === 'walk_in';
  const steps: PlannedStep[] = [];
  if (input.route === 'decline') {
    steps.push(step('decline', INTAKE, hours(random.between(0.5, 6)), { decline_reason: matter.resolution }));
  } else {
    steps.push(step('accept', INTAKE, hours(random.between(0.3, 6))), ...routeSteps(random, input), ...afterResolved(random, input));
  }
  return {
    tenant: input.tenant,
    workflow: input.workflow,
    channel: input.channel,
    opener: staffOpens ? INTAKE : { worker: true },
    openData,
    enterpriseId: input.enterprise?.id ?? null,
    steps,
  };
}
