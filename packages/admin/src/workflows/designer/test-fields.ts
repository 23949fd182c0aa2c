import type { FieldDefinition } from '@shuoshi/engine';

/**
 * The case fields the designer's component tests build conditions and rules on: a number first
 * (what a new comparison starts with), a yes/no, a choice and a long text, one of each kind of
 * comparison the condition builder offers.
 * @example
 * render(<ConditionBuilder value={undefined} fields={TEST_FIELDS} onChange={onChange} />);
 */
export const TEST_FIELDS: Record<string, FieldDefinition> = {
  workers_affected: { type: 'integer', label: { zh: '涉及人数', en: 'Workers affected' } },
  common_demand: { type: 'boolean', label: { zh: '共性诉求', en: 'Common demand' } },
  category: {
    type: 'select',
    label: { zh: '诉求类别', en: 'Category' },
    options: [
      { value: 'wages', label: { zh: '欠薪', en: 'Wage arrears' } },
      { value: 'commute', label: { zh: '通勤', en: 'Commute' } },
    ],
  },
  summary: { type: 'longtext', label: { zh: '诉求内容', en: 'Summary' } },
};
