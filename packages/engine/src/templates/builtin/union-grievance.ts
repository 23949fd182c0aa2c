import type { Transition, Workflow } from '../../definition/index.js';
import { ADMINS } from './admins.js';
import { claimTransition } from './claim-transition.js';
import { closedState } from './closed-state.js';
import { followUpState } from './follow-up-state.js';
import { notifyWorker } from './notify-worker.js';
import { standardLadder } from './standard-ladder.js';
import { SUPERVISOR } from './supervisor.js';
import { unionGrievanceAgencies } from './union-grievance-agencies.js';
import { unionGrievanceFields } from './union-grievance-fields.js';
import { yellowAtDeadline } from './yellow-at-deadline.js';

const HANDLERS = ['intake_operator', 'early_warning_officer', 'mediator', 'township_admin'];

const RETURN_TO_TRIAGE: Transition = {
  event: 'return_to_triage',
  label: { zh: '退回研判', en: 'Return to triage' },
  target: 'triage',
  requires: ['return_reason'],
};

// Mediation and legal aid may wait for missing materials; the wait does not count against their SLA.
const AWAIT_MATERIALS: Transition[] = [
  {
    event: 'await_materials',
    label: { zh: '等待补充材料（暂停计时）', en: 'Wait for materials (pause the clock)' },
    requires: ['handling_note'],
    clock: 'pause',
  },
  { event: 'materials_received', label: { zh: '材料已补齐（恢复计时）', en: 'Materials received (resume the clock)' }, clock: 'resume' },
];

/**
 * The county's built-in closed loop for a worker's matter (职工诉求处理): intake, triage, handling
 * by the union, mediation, legal aid, counselling or a referral to an outside body, reply to the
 * worker, independent follow-up with a satisfaction rating, archive; a dissatisfied worker reopens it.
 * @example
 * createEngine({ workflows: [unionGrievance] }).start({ key: 'union-grievance', version: 1 }, { data, actor, channel: 'hotline' });
 */
export const unionGrievance: Workflow = {
  key: 'union-grievance',
  version: 1,
  title: { zh: '职工诉求处理', en: "Workers' matter handling" },
  description: {
    zh: '职工说事闭环：受理、研判分流、办理（直接办理、调解、法律援助、心理疏导、跨界联动）、答复、回访评价、归档。',
    en: "The closed loop of a worker's matter: intake, triage, handling (directly, mediation, legal aid, counselling or referral to an outside body), reply, follow-up rating, archive.",
  },
  category: 'grievance',
  calendar: 'cn-mainland',
  initial: 'intake',
  agencies: unionGrievanceAgencies,
  fields: unionGrievanceFields,
  warningRules: {
    many_workers: {
      title: { zh: '涉及10人以上', en: '10 or more workers affected' },
      when: { field: 'workers_affected', op: 'gte', value: 10 },
      level: 'red',
      notify: SUPERVISOR,
    },
    wage_arrears: {
      title: { zh: '欠薪诉求', en: 'Wage arrears' },
      when: { field: 'category', op: 'eq', value: 'wages' },
      level: 'yellow',
    },
  },
  states: {
    intake: {
      title: { zh: '受理', en: 'Intake' },
      roles: ['intake_operator', 'township_admin'],
      sla: { within: '1wd' },
      warnings: yellowAtDeadline(),
      transitions: [
        { event: 'accept', label: { zh: '受理', en: 'Accept' }, target: 'triage' },
        { event: 'decline', label: { zh: '不予受理', en: 'Do not accept' }, target: 'declined', requires: ['decline_reason'] },
      ],
    },
    // Category is required on the way out: triage is where the union classifies the matter.
    triage: {
      title: { zh: '研判分流', en: 'Triage' },
      roles: ['intake_operator', 'early_warning_officer', 'township_admin'],
      sla: { within: '1wd' },
      warnings: standardLadder(),
      transitions: [
        { event: 'handle_directly', label: { zh: '直接办理', en: 'Handle directly' }, target: 'direct_handling', requires: ['category'] },
        { event: 'route_to_mediation', label: { zh: '转调解', en: 'Route to mediation' }, target: 'mediation', requires: ['category'] },
        { event: 'route_to_legal_aid', label: { zh: '转法律援助', en: 'Route to legal aid' }, target: 'legal_aid', requires: ['category'] },
        { event: 'route_to_counselling', label: { zh: '转心理疏导', en: 'Route to counselling' }, target: 'counselling', requires: ['category'] },
        {
          event: 'escalate',
          label: { zh: '跨界联动', en: 'Refer to an outside body' },
          target: 'escalation',
          // Involving a congress liaison station or a bureau is the union organisation's call.
          roles: ['township_admin', 'county_admin'],
          requires: ['category', 'referral_agency', 'referral_note'],
        },
      ],
    },
    direct_handling: {
      title: { zh: '直接办理', en: 'Direct handling' },
      description: { zh: '由工会自行协调解决', en: 'The union settles it itself' },
      roles: HANDLERS,
      sla: { within: '5wd' },
      warnings: standardLadder(),
      transitions: [
        claimTransition(),
        { event: 'resolve', label: { zh: '办结', en: 'Resolve' }, target: 'resolved', requires: ['resolution'] },
        RETURN_TO_TRIAGE,
      ],
    },
    mediation: {
      title: { zh: '调解', en: 'Mediation' },
      roles: ['mediator', 'township_admin'],
      sla: { within: '10wd' },
      warnings: standardLadder(),
      transitions: [
        claimTransition(),
        ...AWAIT_MATERIALS,
        { event: 'mediation_succeeded', label: { zh: '调解成功', en: 'Mediation succeeded' }, target: 'resolved', requires: ['resolution'] },
        {
          event: 'mediation_failed',
          label: { zh: '调解不成，转法律援助', en: 'Mediation failed: route to legal aid' },
          target: 'legal_aid',
          requires: ['handling_note'],
        },
        RETURN_TO_TRIAGE,
      ],
    },
    legal_aid: {
      title: { zh: '法律援助', en: 'Legal aid' },
      roles: ['lawyer', 'township_admin'],
      sla: { within: '15wd' },
      warnings: standardLadder(),
      transitions: [
        claimTransition(),
        ...AWAIT_MATERIALS,
        { event: 'legal_aid_concluded', label: { zh: '援助办结', en: 'Legal aid concluded' }, target: 'resolved', requires: ['resolution'] },
        RETURN_TO_TRIAGE,
      ],
    },
    counselling: {
      title: { zh: '心理疏导', en: 'Counselling' },
      roles: ['counsellor', 'township_admin'],
      sla: { within: '5wd' },
      warnings: standardLadder(),
      transitions: [
        claimTransition(),
        { event: 'counselling_completed', label: { zh: '疏导完成', en: 'Counselling completed' }, target: 'resolved', requires: ['resolution'] },
        RETURN_TO_TRIAGE,
      ],
    },
    escalation: {
      title: { zh: '跨界联动', en: 'Referral to an outside body' },
      description: {
        zh: '交人大代表联络站、政协、职能部门等办理，跟踪其答复',
        en: 'Referred to a congress liaison station, the CPPCC or a bureau; their reply is tracked',
      },
      roles: ADMINS,
      // No state SLA: the referral's reply deadline is the clock that matters here.
      referral: {
        agencyField: 'referral_agency',
        replyWithin: '15wd',
        replyEvent: 'agency_replied',
        returnEvent: 'agency_returned',
        overdueLevel: 'red',
        notifyOverdue: SUPERVISOR,
      },
      // The awaited agency answers through its signed link; staff may record a reply that came on paper.
      transitions: [
        {
          event: 'agency_replied',
          label: { zh: '联动单位答复', en: 'Agency replied' },
          target: 'resolved',
          requires: ['reply_summary'],
        },
        {
          event: 'agency_returned',
          label: { zh: '联动单位退单', en: 'Agency returned the referral' },
          target: 'triage',
          requires: ['return_reason'],
        },
        { event: 'withdraw_referral', label: { zh: '撤回交办', en: 'Withdraw the referral' }, target: 'triage', requires: ['return_reason'] },
      ],
    },
    resolved: {
      title: { zh: '已办结（答复职工）', en: 'Resolved (reply to the worker)' },
      roles: ['intake_operator', 'township_admin'],
      tags: ['resolved'],
      locked: true,
      sla: { within: '2wd' },
      warnings: yellowAtDeadline(),
      onEntry: [
        notifyWorker({
          zh: '您反映的事项已办结，我们将答复办理结果，并请您对办理情况进行评价。',
          en: 'Your matter is resolved. We will tell you the outcome and ask you to rate how it was handled.',
        }),
      ],
      transitions: [
        {
          event: 'reply_to_worker',
          label: { zh: '答复职工，转回访', en: 'Reply to the worker and start follow-up' },
          target: 'follow_up',
          // After a referral only the agency's reply_summary is set: the union writes what the worker is told.
          requires: ['resolution'],
        },
      ],
    },
    // A dissatisfied worker (1-2) reopens the matter, with their reasons.
    follow_up: followUpState({
      description: { zh: '由职工本人或未经办本案的人员评价', en: 'Rated by the worker or by staff who did not handle the matter' },
      dissatisfied: { target: 'reopened', label: { zh: '不满意，重新办理', en: 'Dissatisfied: reopen' } },
      locked: true,
    }),
    reopened: {
      title: { zh: '重新办理', en: 'Reopened' },
      roles: ADMINS,
      sla: { within: '1wd' },
      warnings: [{ at: '100%', level: 'red', notify: SUPERVISOR }],
      onEntry: [
        {
          type: 'notify',
          to: { roles: ['supervisor', 'township_admin'] },
          message: {
            zh: '职工对办理结果不满意，事项已重新办理，请重新研判。',
            en: 'The worker is dissatisfied with the outcome; the matter is reopened for triage.',
          },
        },
      ],
      transitions: [
        {
          event: 'retriage',
          label: { zh: '重新研判', en: 'Triage again' },
          target: 'triage',
          // The next follow-up must ask afresh, not find the old rating already there.
          clear: ['satisfaction', 'follow_up_comment'],
        },
      ],
    },
    declined: {
      title: { zh: '不予受理', en: 'Not accepted' },
      roles: ADMINS,
      final: true,
      onEntry: [
        notifyWorker({
          zh: '您反映的事项未予受理，工作人员将向您说明原因；如有异议可再次说事。',
          en: 'Your matter was not accepted; staff will explain why. You may raise it again if you disagree.',
        }),
      ],
      transitions: [],
    },
    closed: closedState({ locked: true }),
  },
  public: { disclosure: true, showStaffNames: false },
};
