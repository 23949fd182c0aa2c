import type { Transition, Workflow } from '../../definition/index.js';
import { ADMINS } from './admins.js';
import { claimTransition } from './claim-transition.js';
import { closedState } from './closed-state.js';
import { followUpState } from './follow-up-state.js';
import { notifyWorker } from './notify-worker.js';
import { ratingFields } from './rating-fields.js';
import { standardLadder } from './standard-ladder.js';
import { SUPERVISOR } from './supervisor.js';

const WITHDRAW: Transition = {
  event: 'withdraw',
  label: { zh: '申请人撤回申请', en: 'Applicant withdraws' },
  target: 'withdrawn',
  roles: ['worker', 'intake_operator', 'mediator'],
  requires: ['withdraw_reason'],
};

/**
 * The county's built-in labour-dispute mediation (劳动争议调解): application, acceptance review,
 * mediation on the statutory 15-day clock, a mediation agreement or a hand-off to the arbitration
 * commission, follow-up, archive.
 * @example
 * createEngine({ workflows: [labourMediation] }).start({ key: 'labour-mediation', version: 1 }, { data, actor, channel: 'workstation' });
 */
export const labourMediation: Workflow = {
  key: 'labour-mediation',
  version: 1,
  title: { zh: '劳动争议调解', en: 'Labour dispute mediation' },
  description: {
    zh: '依《劳动争议调解仲裁法》第十四条，十五日内未达成调解协议的，当事人可依法申请仲裁；期满即移交劳动人事争议仲裁委员会。',
    en: 'Per art. 14 of the Labour Dispute Mediation and Arbitration Law, without an agreement within 15 days the parties may go to arbitration; the case is then handed to the arbitration commission.',
  },
  category: 'mediation',
  calendar: 'cn-mainland',
  initial: 'application',
  agencies: {
    arbitration_commission: { title: { zh: '劳动人事争议仲裁委员会', en: 'Labour and personnel dispute arbitration commission' } },
  },
  fields: {
    claimant: { type: 'text', label: { zh: '申请人', en: 'Claimant' }, required: true, pii: true, maxLength: 50 },
    claimant_phone: { type: 'phone', label: { zh: '申请人电话', en: "Claimant's phone" }, pii: true },
    employer: { type: 'text', label: { zh: '被申请单位', en: 'Employer' }, maxLength: 100 },
    dispute_type: {
      type: 'select',
      label: { zh: '争议类型', en: 'Dispute type' },
      options: [
        { value: 'wage_arrears', label: { zh: '拖欠劳动报酬', en: 'Unpaid wages' } },
        { value: 'overtime_pay', label: { zh: '加班费', en: 'Overtime pay' } },
        { value: 'termination', label: { zh: '解除、终止劳动合同', en: 'Dismissal or end of contract' } },
        { value: 'economic_compensation', label: { zh: '经济补偿、赔偿金', en: 'Severance or damages' } },
        { value: 'work_injury', label: { zh: '工伤待遇', en: 'Work-injury benefits' } },
        { value: 'social_insurance', label: { zh: '社会保险', en: 'Social insurance' } },
        { value: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    },
    claim_description: {
      type: 'longtext',
      label: { zh: '请求事项和事实理由', en: 'Claims, facts and reasons' },
      required: true,
      maxLength: 5000,
    },
    claim_amount: { type: 'money', label: { zh: '请求金额（元）', en: 'Amount claimed (CNY)' }, min: 0 },
    workers_affected: { type: 'integer', label: { zh: '涉及职工人数', en: 'Workers affected' }, min: 1 },
    // Mediation is voluntary: without the employer's consent the union hands the case to arbitration.
    employer_consents: { type: 'boolean', label: { zh: '用人单位同意调解', en: 'Employer agrees to mediation' } },
    rejection_reason: { type: 'longtext', label: { zh: '不予受理原因', en: 'Reason for not accepting' }, maxLength: 2000 },
    withdraw_reason: { type: 'longtext', label: { zh: '撤回原因', en: 'Reason for withdrawal' }, maxLength: 2000 },
    failure_reason: { type: 'longtext', label: { zh: '调解不成原因', en: 'Why mediation failed' }, maxLength: 2000 },
    agreement_terms: { type: 'longtext', label: { zh: '调解协议内容', en: 'Agreement terms' }, maxLength: 5000 },
    agreed_amount: { type: 'money', label: { zh: '协议金额（元）', en: 'Agreed amount (CNY)' }, min: 0 },
    performance_deadline: { type: 'date', label: { zh: '协议履行期限', en: 'Performance deadline' } },
    performance_note: { type: 'longtext', label: { zh: '协议履行情况', en: 'Performance of the agreement' }, maxLength: 2000 },
    arbitration_outcome: { type: 'longtext', label: { zh: '仲裁结果', en: 'Arbitration outcome' }, maxLength: 5000 },
    return_reason: { type: 'longtext', label: { zh: '仲裁委不予受理原因', en: 'Why the commission did not accept' }, maxLength: 2000 },
    ...ratingFields(),
  },
  warningRules: {
    collective_dispute: {
      title: { zh: '集体劳动争议（10人以上）', en: 'Collective dispute (10 or more workers)' },
      when: { field: 'workers_affected', op: 'gte', value: 10 },
      level: 'red',
      notify: SUPERVISOR,
    },
    wage_arrears: {
      title: { zh: '拖欠劳动报酬', en: 'Unpaid wages' },
      when: { field: 'dispute_type', op: 'eq', value: 'wage_arrears' },
      level: 'yellow',
    },
  },
  states: {
    application: {
      title: { zh: '调解申请', en: 'Application' },
      roles: ['worker', 'intake_operator', 'mediator'],
      transitions: [
        {
          event: 'submit',
          label: { zh: '提交申请', en: 'Submit the application' },
          target: 'acceptance',
          requires: ['claimant', 'employer', 'dispute_type', 'claim_description'],
        },
        WITHDRAW,
      ],
    },
    acceptance: {
      title: { zh: '受理审查', en: 'Acceptance review' },
      description: {
        zh: '审查是否属于劳动争议、是否已进入仲裁或诉讼，并征询用人单位是否同意调解',
        en: 'Checks it is a labour dispute not already in arbitration or court, and asks the employer to agree to mediation',
      },
      roles: ['mediator', 'township_admin'],
      sla: { within: '5wd' },
      warnings: standardLadder(),
      transitions: [
        {
          event: 'accept',
          label: { zh: '受理，开始调解', en: 'Accept and start mediation' },
          target: 'mediation',
          requires: ['employer_consents'],
          condition: { field: 'employer_consents', op: 'eq', value: true },
        },
        {
          event: 'employer_refused',
          label: { zh: '用人单位拒绝调解，移交仲裁', en: 'Employer refuses mediation: hand to arbitration' },
          target: 'arbitration_handoff',
          requires: ['employer_consents'],
          condition: { field: 'employer_consents', op: 'eq', value: false },
        },
        {
          event: 'reject_application',
          label: { zh: '不予受理', en: 'Do not accept' },
          target: 'not_accepted',
          requires: ['rejection_reason'],
        },
        WITHDRAW,
      ],
    },
    // Art. 14 of the law: 15 natural days, not working days; the system hands the case on when they run
    // out. The law counts from receipt of the application, this clock from the start of mediation.
    mediation: {
      title: { zh: '调解', en: 'Mediation' },
      roles: ['mediator', 'township_admin'],
      sla: { within: '15d' },
      warnings: [
        { at: '80%', level: 'yellow', notify: { assignee: true } },
        { at: '100%', level: 'red', notify: SUPERVISOR },
      ],
      onTimeout: { event: 'hand_to_arbitration' },
      transitions: [
        claimTransition(),
        {
          event: 'reach_agreement',
          label: { zh: '达成调解协议', en: 'Reach an agreement' },
          target: 'agreement',
          requires: ['agreement_terms', 'performance_deadline'],
        },
        {
          event: 'mediation_failed',
          label: { zh: '调解不成，移交仲裁', en: 'Mediation failed: hand to arbitration' },
          target: 'arbitration_handoff',
          requires: ['failure_reason'],
        },
        {
          event: 'hand_to_arbitration',
          label: { zh: '十五日期满，移交仲裁', en: '15 days passed: hand to arbitration' },
          target: 'arbitration_handoff',
          roles: ['system'],
        },
        WITHDRAW,
      ],
    },
    agreement: {
      title: { zh: '调解协议', en: 'Mediation agreement' },
      description: {
        zh: '跟踪协议履行；用人单位逾期不履行的，可申请仲裁（欠薪等事项也可向法院申请支付令）',
        en: 'The agreement is followed up; if the employer does not perform it, arbitration is open (for unpaid wages also a court payment order)',
      },
      roles: ['mediator', 'township_admin'],
      tags: ['resolved'],
      onEntry: [
        notifyWorker({
          zh: '您的劳动争议已达成调解协议，请留意用人单位按期履行。',
          en: 'Your labour dispute has a mediation agreement; watch that the employer performs it on time.',
        }),
      ],
      transitions: [
        {
          event: 'confirm_performance',
          label: { zh: '确认协议已履行', en: 'Confirm the agreement is performed' },
          target: 'follow_up',
          requires: ['performance_note'],
        },
        {
          event: 'agreement_breached',
          label: { zh: '协议未履行，移交仲裁', en: 'Agreement not performed: hand to arbitration' },
          target: 'arbitration_handoff',
          requires: ['performance_note'],
        },
      ],
    },
    // Art. 43: an award within 45 days, extendable by 15; an overdue reply is yellow, not red.
    arbitration_handoff: {
      title: { zh: '移交仲裁', en: 'Handed to arbitration' },
      roles: ['mediator', 'township_admin'],
      referral: {
        agency: 'arbitration_commission',
        replyWithin: '45d',
        replyEvent: 'arbitration_concluded',
        returnEvent: 'arbitration_not_accepted',
        overdueLevel: 'yellow',
        notifyOverdue: SUPERVISOR,
      },
      transitions: [
        {
          event: 'arbitration_concluded',
          label: { zh: '仲裁结案', en: 'Arbitration concluded' },
          target: 'follow_up',
          requires: ['arbitration_outcome'],
        },
        {
          event: 'arbitration_not_accepted',
          label: { zh: '仲裁委不予受理（告知可向法院起诉）', en: 'Not accepted by the commission (the worker may sue)' },
          target: 'follow_up',
          requires: ['return_reason'],
        },
      ],
    },
    // The mediation cannot be reopened once agreed or arbitrated: a dissatisfied rating closes the
    // case with the worker's reasons, which supervisors review.
    follow_up: followUpState({
      dissatisfied: { target: 'closed', label: { zh: '不满意，记录意见后归档', en: 'Dissatisfied: record why and archive' } },
    }),
    not_accepted: {
      title: { zh: '不予受理', en: 'Not accepted' },
      roles: ADMINS,
      final: true,
      onEntry: [
        notifyWorker({
          zh: '您的调解申请未予受理，调解员将说明原因；您可依法直接申请劳动仲裁。',
          en: 'Your mediation application was not accepted; the mediator will explain why. You may apply for arbitration directly.',
        }),
      ],
      transitions: [],
    },
    withdrawn: { title: { zh: '已撤回', en: 'Withdrawn' }, roles: ADMINS, final: true, transitions: [] },
    closed: closedState(),
  },
  public: { disclosure: false, showStaffNames: true },
};
