import type { Workflow } from '../../definition/index.js';
import { ADMINS } from './admins.js';
import { closedState } from './closed-state.js';
import { followUpState } from './follow-up-state.js';
import { notifyWorker } from './notify-worker.js';
import { ratingFields } from './rating-fields.js';
import { standardLadder } from './standard-ladder.js';
import { SUPERVISOR } from './supervisor.js';
import { yellowAtDeadline } from './yellow-at-deadline.js';

/**
 * The county's built-in union legal aid (法律援助): eligibility review, a conflict-of-interest check
 * by the union's lawyers (or referral to the legal aid centre), representation, conclusion,
 * follow-up, archive.
 * @example
 * createEngine({ workflows: [legalAid] }).start({ key: 'legal-aid', version: 1 }, { data, actor, channel: 'workstation' });
 */
export const legalAid: Workflow = {
  key: 'legal-aid',
  version: 1,
  title: { zh: '法律援助', en: 'Legal aid' },
  description: {
    zh: '工会为职工提供法律咨询、代写文书和调解、仲裁、诉讼代理；指派律师前进行利益冲突审查。',
    en: 'The union gives workers legal advice, drafting and representation in mediation, arbitration and court; a conflict check comes before a lawyer is assigned.',
  },
  category: 'legal_aid',
  calendar: 'cn-mainland',
  initial: 'application',
  agencies: {
    legal_aid_center: { title: { zh: '法律援助中心', en: 'Legal aid centre' } },
  },
  fields: {
    applicant_name: { type: 'text', label: { zh: '申请人', en: 'Applicant' }, required: true, pii: true, maxLength: 50 },
    applicant_phone: { type: 'phone', label: { zh: '申请人电话', en: "Applicant's phone" }, pii: true },
    employer: { type: 'text', label: { zh: '对方当事人（用人单位）', en: 'Opposing party (employer)' }, maxLength: 100 },
    matter_type: {
      type: 'select',
      label: { zh: '援助事项', en: 'Matter' },
      options: [
        { value: 'wage_arrears', label: { zh: '追索劳动报酬', en: 'Unpaid wages' } },
        { value: 'work_injury', label: { zh: '工伤赔偿', en: 'Work-injury compensation' } },
        { value: 'termination', label: { zh: '违法解除劳动合同', en: 'Unlawful dismissal' } },
        { value: 'social_insurance', label: { zh: '社会保险', en: 'Social insurance' } },
        { value: 'contract', label: { zh: '劳动合同', en: 'Employment contract' } },
        { value: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    },
    matter_description: {
      type: 'longtext',
      label: { zh: '案情简述', en: 'Facts of the matter' },
      required: true,
      maxLength: 5000,
    },
    claim_amount: { type: 'money', label: { zh: '涉案金额（元）', en: 'Amount at stake (CNY)' }, min: 0 },
    eligibility_basis: {
      type: 'select',
      label: { zh: '援助条件', en: 'Eligibility' },
      options: [
        { value: 'union_member', label: { zh: '工会会员', en: 'Union member' } },
        { value: 'financial_hardship', label: { zh: '经济困难职工', en: 'Worker in financial hardship' } },
        { value: 'migrant_wage_claim', label: { zh: '农民工讨薪', en: "Migrant worker's wage claim" } },
        { value: 'work_injury', label: { zh: '工伤职工', en: 'Injured worker' } },
      ],
    },
    rejection_reason: { type: 'longtext', label: { zh: '不予援助原因', en: 'Reason for refusal' }, maxLength: 2000 },
    conflict_found: { type: 'boolean', label: { zh: '存在利益冲突', en: 'Conflict of interest found' } },
    conflict_note: { type: 'longtext', label: { zh: '利益冲突情况', en: 'Conflict details' }, maxLength: 2000 },
    reply_summary: { type: 'longtext', label: { zh: '法律援助中心答复', en: "Legal aid centre's reply" }, maxLength: 5000 },
    return_reason: { type: 'longtext', label: { zh: '退回原因', en: 'Reason for return' }, maxLength: 2000 },
    aid_type: {
      type: 'select',
      label: { zh: '援助方式', en: 'Form of aid' },
      options: [
        { value: 'consultation', label: { zh: '法律咨询', en: 'Legal advice' } },
        { value: 'document_drafting', label: { zh: '代写法律文书', en: 'Drafting documents' } },
        { value: 'mediation_representation', label: { zh: '调解代理', en: 'Representation in mediation' } },
        { value: 'arbitration_representation', label: { zh: '仲裁代理', en: 'Representation in arbitration' } },
        { value: 'litigation_representation', label: { zh: '诉讼代理', en: 'Representation in court' } },
      ],
    },
    progress_note: { type: 'longtext', label: { zh: '办案进展', en: 'Progress note' }, maxLength: 5000 },
    aid_outcome: {
      type: 'select',
      label: { zh: '办案结果', en: 'Outcome' },
      options: [
        { value: 'won', label: { zh: '请求获支持', en: 'Claims upheld' } },
        { value: 'partly_won', label: { zh: '请求部分获支持', en: 'Claims partly upheld' } },
        { value: 'settled', label: { zh: '调解或和解结案', en: 'Settled' } },
        { value: 'lost', label: { zh: '请求未获支持', en: 'Claims dismissed' } },
        { value: 'advice_given', label: { zh: '已提供咨询或文书', en: 'Advice or documents given' } },
      ],
    },
    outcome_summary: { type: 'longtext', label: { zh: '结案说明', en: 'Outcome summary' }, maxLength: 5000 },
    termination_reason: { type: 'longtext', label: { zh: '终止援助原因', en: 'Reason for ending the aid' }, maxLength: 2000 },
    ...ratingFields(),
  },
  states: {
    // The Legal Aid Law (art. 43) gives a legal aid body 7 days to decide on an application.
    application: {
      title: { zh: '申请审查', en: 'Application review' },
      roles: ['intake_operator', 'lawyer', 'township_admin'],
      sla: { within: '7d' },
      warnings: standardLadder(),
      transitions: [
        {
          event: 'confirm_eligibility',
          label: { zh: '符合条件，转利益冲突审查', en: 'Eligible: check for conflicts' },
          target: 'conflict_check',
          requires: ['eligibility_basis', 'matter_type'],
        },
        { event: 'reject', label: { zh: '不符合援助条件', en: 'Not eligible' }, target: 'rejected', requires: ['rejection_reason'] },
      ],
    },
    conflict_check: {
      title: { zh: '利益冲突审查', en: 'Conflict check' },
      description: {
        zh: '律师确认本人及所在律所未代理对方当事人',
        en: 'The lawyer confirms neither they nor their firm act for the opposing party',
      },
      roles: ['lawyer'],
      sla: { within: '2wd' },
      warnings: yellowAtDeadline({ roles: ['township_admin'] }),
      transitions: [
        {
          event: 'accept',
          label: { zh: '无利益冲突，受理', en: 'No conflict: accept' },
          target: 'accepted',
          requires: ['conflict_found'],
          condition: { field: 'conflict_found', op: 'eq', value: false },
          // A lawyer who declared a conflict may not take the case later, e.g. after the centre returns it.
          separation: { notActorOf: ['pass_to_colleague', 'decline_conflict'] },
          assign: 'actor',
        },
        {
          event: 'pass_to_colleague',
          label: { zh: '本人有冲突，转其他律师审查', en: 'Conflicted: pass to another lawyer' },
          requires: ['conflict_found', 'conflict_note'],
          condition: { field: 'conflict_found', op: 'eq', value: true },
          assign: 'none',
        },
        {
          event: 'decline_conflict',
          label: { zh: '存在利益冲突，转介法律援助中心', en: 'Conflict: refer to the legal aid centre' },
          target: 'referred',
          requires: ['conflict_found', 'conflict_note'],
          condition: { field: 'conflict_found', op: 'eq', value: true },
        },
      ],
    },
    referred: {
      title: { zh: '转介法律援助中心', en: 'Referred to the legal aid centre' },
      roles: ['township_admin', 'supervisor'],
      referral: {
        agency: 'legal_aid_center',
        replyWithin: '7d',
        replyEvent: 'center_replied',
        returnEvent: 'center_returned',
        notifyOverdue: SUPERVISOR,
      },
      transitions: [
        {
          event: 'center_replied',
          label: { zh: '法律援助中心答复', en: 'Legal aid centre replied' },
          target: 'follow_up',
          requires: ['reply_summary'],
        },
        {
          event: 'center_returned',
          label: { zh: '法律援助中心退回', en: 'Legal aid centre returned it' },
          target: 'conflict_check',
          requires: ['return_reason'],
        },
      ],
    },
    // Art. 44: a lawyer is assigned within 3 days of the decision to grant aid.
    accepted: {
      title: { zh: '已受理', en: 'Accepted' },
      roles: ['lawyer', 'township_admin'],
      sla: { within: '3d' },
      warnings: yellowAtDeadline(),
      onEntry: [
        notifyWorker({
          zh: '您的法律援助申请已受理，承办律师将与您联系。',
          en: 'Your legal aid application is accepted; the lawyer will contact you.',
        }),
      ],
      transitions: [
        {
          event: 'start_representation',
          label: { zh: '签订委托，开始承办', en: 'Sign the mandate and start' },
          target: 'in_progress',
          roles: ['lawyer'],
          requires: ['aid_type'],
          assign: 'actor',
        },
      ],
    },
    // No SLA: arbitration and court take months. A check-in after two months keeps cases from drifting.
    in_progress: {
      title: { zh: '承办中', en: 'In progress' },
      roles: ['lawyer'],
      warnings: [{ at: '40wd', level: 'yellow', notify: { assignee: true, roles: ['township_admin'] } }],
      transitions: [
        { event: 'record_progress', label: { zh: '记录进展', en: 'Record progress' }, requires: ['progress_note'] },
        {
          event: 'conclude',
          label: { zh: '结案', en: 'Conclude' },
          target: 'concluded',
          requires: ['aid_outcome', 'outcome_summary'],
        },
        {
          event: 'terminate_aid',
          label: { zh: '终止援助', en: 'End the aid' },
          target: 'terminated',
          roles: ['lawyer', 'township_admin'],
          requires: ['termination_reason'],
        },
      ],
    },
    concluded: {
      title: { zh: '已办结', en: 'Concluded' },
      roles: ['lawyer', 'township_admin'],
      tags: ['resolved'],
      sla: { within: '3wd' },
      onEntry: [
        notifyWorker({ zh: '您的法律援助事项已办结，我们将进行回访。', en: 'Your legal aid matter is concluded; we will follow up with you.' }),
      ],
      transitions: [{ event: 'start_follow_up', label: { zh: '转回访', en: 'Start follow-up' }, target: 'follow_up' }],
    },
    // A concluded case cannot be reopened: a dissatisfied rating closes it with the worker's reasons
    // for supervisors to review the lawyer's service.
    follow_up: followUpState({
      dissatisfied: { target: 'closed', label: { zh: '不满意，记录意见后归档', en: 'Dissatisfied: record why and archive' } },
    }),
    rejected: {
      title: { zh: '不予援助', en: 'Refused' },
      roles: ADMINS,
      final: true,
      onEntry: [
        notifyWorker({
          zh: '您的法律援助申请不符合条件，工作人员将说明原因并提供咨询。',
          en: 'Your legal aid application does not qualify; staff will explain why and give advice.',
        }),
      ],
      transitions: [],
    },
    terminated: {
      title: { zh: '终止援助', en: 'Aid ended' },
      roles: ADMINS,
      final: true,
      onEntry: [
        notifyWorker({ zh: '您的法律援助已终止，原因将另行告知。', en: 'Your legal aid has ended; you will be told why.' }),
      ],
      transitions: [],
    },
    closed: closedState(),
  },
  public: { disclosure: false, showStaffNames: true },
};
