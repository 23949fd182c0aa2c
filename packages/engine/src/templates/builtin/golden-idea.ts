import type { Recipients, Workflow } from '../../definition/index.js';
import { ADMINS } from './admins.js';
import { closedState } from './closed-state.js';
import { notifyWorker } from './notify-worker.js';
import { standardLadder } from './standard-ladder.js';
import { yellowAtDeadline } from './yellow-at-deadline.js';

const NOTIFY_ADMIN: Recipients = { roles: ['township_admin'] };

/**
 * The county's built-in golden idea flow (金点子): a worker's suggestion is evaluated, adopted or
 * not, implemented, and rewarded with the value it created recorded.
 * @example
 * createEngine({ workflows: [goldenIdea] }).start({ key: 'golden-idea', version: 1 }, { data, actor, channel: 'online' });
 */
export const goldenIdea: Workflow = {
  key: 'golden-idea',
  version: 1,
  title: { zh: '金点子', en: 'Golden idea' },
  description: {
    zh: '职工合理化建议：受理、评估、采纳、实施、核定创效并奖励。',
    en: "A worker's suggestion: accepted, evaluated, adopted, implemented, its value assessed and rewarded.",
  },
  category: 'golden_idea',
  calendar: 'cn-mainland',
  initial: 'submitted',
  roles: {
    idea_evaluator: {
      title: { zh: '金点子评审员', en: 'Idea evaluator' },
      description: { zh: '企业技术骨干或评审小组成员', en: 'A senior engineer or member of the review panel' },
    },
  },
  fields: {
    idea_title: { type: 'text', label: { zh: '金点子名称', en: 'Idea' }, required: true, maxLength: 100 },
    idea_detail: {
      type: 'longtext',
      label: { zh: '建议内容', en: 'Details' },
      description: { zh: '现状、问题和改进办法', en: 'The current practice, the problem and the improvement' },
      required: true,
      maxLength: 5000,
    },
    proposer_name: { type: 'text', label: { zh: '提出人', en: 'Proposer' }, pii: true, maxLength: 50 },
    proposer_phone: { type: 'phone', label: { zh: '提出人电话', en: "Proposer's phone" }, pii: true },
    enterprise: { type: 'text', label: { zh: '所在企业', en: 'Enterprise' }, maxLength: 100 },
    department: { type: 'text', label: { zh: '所在部门（车间）', en: 'Department (workshop)' }, maxLength: 100 },
    idea_category: {
      type: 'select',
      label: { zh: '建议类别', en: 'Kind of idea' },
      options: [
        { value: 'process_improvement', label: { zh: '工艺改进', en: 'Process improvement' } },
        { value: 'cost_saving', label: { zh: '降本增效', en: 'Cost saving' } },
        { value: 'quality', label: { zh: '质量提升', en: 'Quality' } },
        { value: 'safety', label: { zh: '安全生产', en: 'Safety' } },
        { value: 'management', label: { zh: '管理创新', en: 'Management' } },
        { value: 'worker_services', label: { zh: '职工服务', en: 'Services for workers' } },
        { value: 'other', label: { zh: '其他', en: 'Other' } },
      ],
    },
    expected_benefit: { type: 'longtext', label: { zh: '预期效益', en: 'Expected benefit' }, maxLength: 2000 },
    evaluation_grade: {
      type: 'select',
      label: { zh: '评定等级', en: 'Grade' },
      options: [
        { value: 'first', label: { zh: '一等', en: 'First grade' } },
        { value: 'second', label: { zh: '二等', en: 'Second grade' } },
        { value: 'third', label: { zh: '三等', en: 'Third grade' } },
        { value: 'encouragement', label: { zh: '鼓励奖', en: 'Encouragement' } },
      ],
    },
    evaluation_comment: { type: 'longtext', label: { zh: '评审意见', en: 'Evaluation' }, maxLength: 2000 },
    rejection_reason: { type: 'longtext', label: { zh: '不予采纳原因', en: 'Reason for not adopting' }, maxLength: 2000 },
    implementation_owner: { type: 'text', label: { zh: '实施责任部门', en: 'Implemented by' }, maxLength: 100 },
    implementation_result: { type: 'longtext', label: { zh: '实施情况', en: 'Implementation result' }, maxLength: 5000 },
    idea_value: {
      type: 'money',
      label: { zh: '创效金额（元）', en: 'Value created (CNY)' },
      description: { zh: '实施后核定的年度增收节支金额', en: 'Yearly gain or saving assessed after implementation' },
      min: 0,
    },
    reward_amount: { type: 'money', label: { zh: '奖励金额（元）', en: 'Reward (CNY)' }, min: 0 },
  },
  states: {
    submitted: {
      title: { zh: '已提交', en: 'Submitted' },
      roles: ['intake_operator', 'township_admin'],
      sla: { within: '3wd' },
      warnings: yellowAtDeadline(NOTIFY_ADMIN),
      transitions: [
        { event: 'accept', label: { zh: '受理，提交评审', en: 'Accept for evaluation' }, target: 'evaluate' },
        {
          event: 'reject',
          label: { zh: '不予受理（重复或不属于合理化建议）', en: 'Do not accept (duplicate or not a suggestion)' },
          target: 'rejected',
          requires: ['rejection_reason'],
        },
      ],
    },
    evaluate: {
      title: { zh: '评估', en: 'Evaluation' },
      roles: ['idea_evaluator', 'township_admin'],
      sla: { within: '10wd' },
      warnings: standardLadder({ roles: ['township_admin', 'supervisor'] }),
      transitions: [
        {
          event: 'adopt',
          label: { zh: '采纳', en: 'Adopt' },
          target: 'adopted',
          requires: ['evaluation_grade', 'evaluation_comment'],
        },
        { event: 'reject', label: { zh: '不予采纳', en: 'Do not adopt' }, target: 'rejected', requires: ['rejection_reason'] },
      ],
    },
    adopted: {
      title: { zh: '已采纳', en: 'Adopted' },
      roles: ['township_admin', 'idea_evaluator'],
      tags: ['adopted'],
      sla: { within: '5wd' },
      onEntry: [
        notifyWorker({ zh: '您的金点子已被采纳，感谢您的建议！', en: 'Your golden idea has been adopted. Thank you!' }),
      ],
      transitions: [
        {
          event: 'start_implementation',
          label: { zh: '落实实施', en: 'Start implementation' },
          target: 'implement',
          requires: ['implementation_owner'],
        },
      ],
    },
    // No SLA: a change to a production line may take a season; a check-in after 60 working days.
    implement: {
      title: { zh: '实施', en: 'Implementation' },
      roles: ['township_admin'],
      warnings: [{ at: '60wd', level: 'yellow', notify: NOTIFY_ADMIN }],
      transitions: [
        {
          event: 'complete_implementation',
          label: { zh: '实施完成，核定创效', en: 'Implemented: assess the value' },
          target: 'reward',
          requires: ['implementation_result'],
        },
        {
          event: 'abandon_implementation',
          label: { zh: '无法实施，归档', en: 'Cannot be implemented: archive' },
          target: 'closed',
          requires: ['implementation_result'],
        },
      ],
    },
    reward: {
      title: { zh: '奖励', en: 'Reward' },
      roles: ['township_admin', 'supervisor'],
      tags: ['resolved'],
      sla: { within: '10wd' },
      warnings: yellowAtDeadline(NOTIFY_ADMIN),
      transitions: [
        {
          event: 'grant_reward',
          label: { zh: '核定创效并发放奖励', en: 'Record the value and grant the reward' },
          target: 'closed',
          requires: ['idea_value', 'reward_amount'],
          // Money leaves the union here: whoever adopted the idea does not also sign off its reward.
          separation: { notActorOf: ['adopt'] },
        },
      ],
    },
    rejected: {
      title: { zh: '未采纳', en: 'Not adopted' },
      roles: ADMINS,
      final: true,
      onEntry: [
        notifyWorker({
          zh: '感谢您的金点子，本次未予采纳，原因已在评审意见中说明。',
          en: 'Thank you for your idea. It was not adopted this time; the reason is given with the evaluation.',
        }),
      ],
      transitions: [],
    },
    closed: closedState(),
  },
  public: { disclosure: true, showStaffNames: false },
};
