import type { FieldDefinition } from '../../definition/index.js';
import { ratingFields } from './rating-fields.js';
import { unionGrievanceAgencies } from './union-grievance-agencies.js';

/**
 * The case form of the `union-grievance` template (职工诉求处理): what the worker says, how the
 * union classifies it, and what each handling step records.
 * @example
 * unionGrievanceFields.category?.options?.map((option) => option.value); // ['wages', ...]
 */
export const unionGrievanceFields: Record<string, FieldDefinition> = {
  title: {
    type: 'text',
    label: { zh: '诉求标题', en: 'Title' },
    description: { zh: '一句话概括所说的事', en: 'The matter in one sentence' },
    required: true,
    maxLength: 100,
  },
  description: {
    type: 'longtext',
    label: { zh: '诉求内容', en: 'Description' },
    description: { zh: '职工反映的具体情况和诉求', en: 'What the worker reports and asks for' },
    required: true,
    maxLength: 5000,
  },
  // Set at triage rather than at intake: a worker phoning in rarely knows the category.
  category: {
    type: 'select',
    label: { zh: '诉求类别', en: 'Category' },
    options: [
      { value: 'wages', label: { zh: '欠薪', en: 'Wage arrears' } },
      { value: 'working_conditions', label: { zh: '劳动条件', en: 'Working conditions' } },
      { value: 'safety', label: { zh: '安全生产', en: 'Safety' } },
      { value: 'social_insurance', label: { zh: '社会保险', en: 'Social insurance' } },
      { value: 'contract', label: { zh: '劳动合同', en: 'Employment contract' } },
      { value: 'welfare', label: { zh: '福利待遇', en: 'Welfare' } },
      { value: 'commute', label: { zh: '通勤出行', en: 'Commute' } },
      { value: 'other', label: { zh: '其他', en: 'Other' } },
    ],
  },
  // Not required: a worker may speak up anonymously and follow the matter with a tracking code.
  worker_name: { type: 'text', label: { zh: '职工姓名', en: "Worker's name" }, pii: true, maxLength: 50 },
  worker_phone: { type: 'phone', label: { zh: '联系电话', en: "Worker's phone" }, pii: true },
  enterprise: { type: 'text', label: { zh: '所在企业', en: 'Enterprise' }, maxLength: 100 },
  workers_affected: {
    type: 'integer',
    label: { zh: '涉及职工人数', en: 'Workers affected' },
    min: 1,
  },
  common_demand: {
    type: 'boolean',
    label: { zh: '共性诉求', en: 'Common demand' },
    description: {
      zh: '多名职工反映的同类诉求，可推动形成代表建议或政协提案',
      en: 'Raised by many workers; may become a deputy proposal or a CPPCC motion',
    },
  },
  decline_reason: {
    type: 'longtext',
    label: { zh: '不予受理原因', en: 'Reason for not accepting' },
    maxLength: 2000,
  },
  referral_agency: {
    type: 'select',
    label: { zh: '联动单位', en: 'Referral agency' },
    // Option values are the workflow's agency ids: the referral goes to the chosen one.
    options: Object.entries(unionGrievanceAgencies).map(([value, { title }]) => ({ value, label: { ...title } })),
  },
  referral_note: {
    type: 'longtext',
    label: { zh: '交办说明', en: 'Referral note' },
    description: { zh: '请联动单位办理的事项和期望', en: 'What the agency is asked to do' },
    maxLength: 2000,
  },
  reply_summary: {
    type: 'longtext',
    label: { zh: '答复摘要', en: 'Reply summary' },
    description: { zh: '联动单位的答复内容', en: "The agency's reply" },
    maxLength: 5000,
  },
  return_reason: {
    type: 'longtext',
    label: { zh: '退回原因', en: 'Reason for return' },
    description: { zh: '退回研判、联动单位退单或撤回交办的原因', en: 'Why the matter goes back to triage' },
    maxLength: 2000,
  },
  handling_note: {
    type: 'longtext',
    label: { zh: '办理情况', en: 'Handling note' },
    maxLength: 5000,
  },
  // Locked with the reply-to-worker and follow-up nodes: a township may not drop what the worker is told.
  resolution: {
    type: 'longtext',
    label: { zh: '办理结果', en: 'Resolution' },
    description: { zh: '答复职工的办理结果', en: 'The outcome the worker is told' },
    maxLength: 5000,
    locked: true,
  },
  ...ratingFields({ spellOutScale: true, locked: true }),
};
