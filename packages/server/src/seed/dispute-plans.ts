import { days, hours, step, type ActorSpec, type PlannedCase, type PlannedStep } from './case-plan.js';
import type { DemoEnterprise } from './demo-organisations.js';
import type { LegalAidMatter, MediationMatter } from './dispute-matters.js';
import { followUpOutcome, satisfiedRating } from './follow-up-steps.js';
import type { Prng } from './prng.js';
import { workerName, workerPhone } from './worker-identities.js';

const MEDIATOR: ActorSpec = { roles: ['mediator', 'township_admin'] };
const INTAKE: ActorSpec = { roles: ['intake_operator', 'township_admin'] };
const SUPERVISOR: ActorSpec = { roles: ['supervisor'] };
const LAWYER: ActorSpec = { roles: ['lawyer'] };
const OTHER_LAWYER: ActorSpec = { roles: ['lawyer'], slot: 1 };

/** How a labour-mediation case ends. */
export type MediationRoute = 'agreement' | 'breached' | 'failed' | 'refused' | 'timeout' | 'rejected' | 'withdrawn';

/** How a legal-aid case ends. */
export type LegalAidRoute = 'represented' | 'colleague' | 'referred' | 'rejected' | 'terminated';

function followUp(random: Prng, dissatisfiedArchives: boolean): PlannedStep[] {
  const outcome = followUpOutcome(random);
  const after = hours(random.between(2, 30));
  if (outcome === 'dissatisfied' && dissatisfiedArchives) {
    return [step('dissatisfied', { worker: true }, after, { satisfaction: random.pick([1, 2]), follow_up_comment: '对处理结果不满意，认为赔偿金额偏低。' })];
  }
  if (outcome === 'unrated') return [step('close_unrated', SUPERVISOR, after, { follow_up_comment: '多次回访联系不上申请人。' })];
  return [step('rate', random.chance(0.4) ? { worker: true } : SUPERVISOR, after, satisfiedRating(random))];
}

function arbitration(random: Prng, matter: MediationMatter): PlannedStep[] {
  return [
    step('arbitration_concluded', { agency: 'arbitration_commission' }, days(random.weighted([[random.between(20, 44), 80], [random.between(45, 60), 20]] as const)), { arbitration_outcome: matter.arbitration }),
    ...followUp(random, true),
  ];
}

/**
 * Plans a labour-dispute mediation at one of the Gaotan sub-points: application, acceptance review,
 * mediation on its 15-day clock, agreement or hand-off to arbitration, follow-up.
 * @example
 * planMediation(random, { tenant: 'gaotan_sp1', workflow, matter, route: 'agreement', channel: 'walk_in', enterprise });
 */
export function planMediation(
  random: Prng,
  input: { tenant: string; workflow: PlannedCase['workflow']; matter: MediationMatter; route: MediationRoute; channel: string; enterprise: DemoEnterprise | null },
): Omit<PlannedCase, 'stopAfter' | 'openedAt' | 'actorSeed'> {
  const { matter, route } = input;
  const claimant = workerName(random);
  const amount = random.int(matter.amount[0] / 100, matter.amount[1] / 100) * 100;
  const workers = matter.workers ? random.int(matter.workers[0], matter.workers[1]) : 1;
  const employer = input.enterprise?.name ?? '宁海县某企业';
  const openData = {
    claimant,
    claimant_phone: workerPhone(random),
    employer,
    dispute_type: matter.disputeType,
    claim_description: matter.claim,
    claim_amount: amount,
    ...(workers > 1 ? { workers_affected: workers } : {}),
  };
  const steps: PlannedStep[] = [step('submit', MEDIATOR, hours(random.between(0.5, 8)))];
  if (route === 'rejected') {
    steps.push(step('reject_application', MEDIATOR, hours(random.between(4, 30)), { rejection_reason: '该争议已进入仲裁程序，不属于调解受理范围。' }));
  } else if (route === 'refused') {
    steps.push(step('employer_refused', MEDIATOR, hours(random.between(4, 30)), { employer_consents: false }), ...arbitration(random, matter));
  } else {
    steps.push(step('accept', MEDIATOR, hours(random.between(4, 30)), { employer_consents: true }), step('claim', MEDIATOR, hours(random.between(0.3, 4))));
    if (route === 'withdrawn') {
      steps.push(step('withdraw', { worker: true }, hours(random.between(4, 30)), { withdraw_reason: '与企业私下达成和解，申请撤回。' }));
    } else if (route === 'timeout') {
      // Nobody acts for 16 days: the system hands the case to arbitration when the 15 days run out.
      steps.push(step(null, MEDIATOR, days(16)), ...arbitration(random, matter));
    } else if (route === 'failed') {
      steps.push(step('mediation_failed', MEDIATOR, hours(random.between(8, 40)), { failure_reason: matter.failure }), ...arbitration(random, matter));
    } else {
      // Drawn now, not when the step runs, so that the plan alone fixes every random choice.
      const agreedAmount = Math.round((amount * random.between(0.6, 1)) / 100) * 100;
      const deadline = (at: number): Record<string, unknown> => ({
        agreement_terms: matter.agreement,
        agreed_amount: agreedAmount,
        performance_deadline: new Date(at + 10 * 86_400_000).toISOString().slice(0, 10),
      });
      steps.push(step('reach_agreement', MEDIATOR, hours(random.between(8, 40)), deadline));
      if (route === 'breached') {
        steps.push(step('agreement_breached', MEDIATOR, hours(random.between(60, 100)), { performance_note: '企业逾期未履行协议，申请人要求仲裁。' }), ...arbitration(random, matter));
      } else {
        steps.push(step('confirm_performance', MEDIATOR, hours(random.between(24, 90)), { performance_note: '企业已按协议履行，申请人确认收到款项。' }), ...followUp(random, true));
      }
    }
  }
  return {
    tenant: input.tenant,
    workflow: input.workflow,
    channel: input.channel,
    opener: input.channel === 'walk_in' ? MEDIATOR : INTAKE,
    openData,
    enterpriseId: input.enterprise?.id ?? null,
    steps,
  };
}

/**
 * Plans a legal-aid case of the Gaotan workstation's lawyers: eligibility, conflict check, the
 * lawyer's representation or a referral to the legal aid centre, conclusion and follow-up.
 * @example
 * planLegalAid(random, { tenant: 'gaotan_ws', workflow, matter, route: 'represented', channel: 'walk_in', enterprise });
 */
export function planLegalAid(
  random: Prng,
  input: { tenant: string; workflow: PlannedCase['workflow']; matter: LegalAidMatter; route: LegalAidRoute; channel: string; enterprise: DemoEnterprise | null },
): Omit<PlannedCase, 'stopAfter' | 'openedAt' | 'actorSeed'> {
  const { matter, route } = input;
  const applicant = workerName(random);
  const openData = {
    applicant_name: applicant,
    applicant_phone: workerPhone(random),
    ...(input.enterprise ? { employer: input.enterprise.name } : {}),
    matter_type: matter.matterType,
    matter_description: matter.description,
    claim_amount: random.int(matter.amount[0] / 100, matter.amount[1] / 100) * 100,
  };
  const steps: PlannedStep[] = [];
  if (route === 'rejected') {
    steps.push(step('reject', INTAKE, hours(random.between(2, 30)), { rejection_reason: '申请人月收入高于法律援助经济困难标准，且非工会会员。' }));
  } else {
    steps.push(step('confirm_eligibility', INTAKE, hours(random.between(2, 30)), { eligibility_basis: matter.eligibility, matter_type: matter.matterType }));
    const conclude = [
      step('start_representation', LAWYER, hours(random.between(2, 16)), { aid_type: matter.aidType }),
      ...(matter.aidType === 'consultation' || random.chance(0.4) ? [] : [step('record_progress', LAWYER, hours(random.between(40, 160)), { progress_note: '已提交仲裁申请，等待开庭。' })]),
      step('conclude', LAWYER, hours(random.between(16, 200)), { aid_outcome: matter.outcome, outcome_summary: matter.summary }),
      step('start_follow_up', LAWYER, hours(random.between(2, 16))),
      ...followUp(random, true),
    ];
    const accept = (actor: ActorSpec): PlannedStep => step('accept', actor, hours(random.between(2, 12)), { conflict_found: false });
    if (route === 'represented') steps.push(accept(LAWYER), ...conclude);
    else if (route === 'colleague') {
      steps.push(
        step('pass_to_colleague', OTHER_LAWYER, hours(random.between(2, 12)), { conflict_found: true, conflict_note: '本人所在律所曾为对方企业提供法律顾问服务。' }),
        accept(LAWYER),
        ...conclude,
      );
    } else if (route === 'referred') {
      steps.push(
        step('decline_conflict', LAWYER, hours(random.between(2, 12)), { conflict_found: true, conflict_note: '工作室律师均与对方企业存在顾问关系。' }),
        step('center_replied', { agency: 'legal_aid_center' }, hours(random.between(8, 70)), { reply_summary: '法律援助中心已指派援助律师办理。' }),
        ...followUp(random, true),
      );
    } else {
      steps.push(
        accept(LAWYER),
        step('start_representation', LAWYER, hours(random.between(2, 16)), { aid_type: matter.aidType }),
        step('terminate_aid', LAWYER, hours(random.between(16, 120)), { termination_reason: '申请人自行委托律师，申请终止援助。' }),
      );
    }
  }
  return {
    tenant: input.tenant,
    workflow: input.workflow,
    channel: input.channel,
    opener: INTAKE,
    openData,
    enterpriseId: input.enterprise?.id ?? null,
    steps,
  };
}
