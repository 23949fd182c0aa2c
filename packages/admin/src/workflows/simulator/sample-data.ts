import type { FieldDefinition } from '../../api/types.js';

/**
 * A plausible sample value for a case field, so that a simulated case can be started in one
 * click: the field's label for texts, its lower bound (or 1) for numbers, its first option for
 * choices, the top grade for a rating, today for dates.
 * @example
 * sampleValue({ type: 'select', label, options: [{ value: 'wages', label }] }, today); // 'wages'
 */
export function sampleValue(field: FieldDefinition, today: string): unknown {
  switch (field.type) {
    case 'text':
    case 'longtext':
      return `示例：${field.label.zh}`.slice(0, field.maxLength ?? 200);
    case 'number':
    case 'integer':
    case 'money':
      return field.min ?? 1;
    case 'rating':
      return field.max ?? 5;
    case 'boolean':
      return false;
    case 'date':
      return today;
    case 'datetime':
      return `${today}T09:00:00+08:00`;
    case 'select':
      return field.options?.[0]?.value;
    case 'multiselect':
      return field.options?.[0] ? [field.options[0].value] : undefined;
    case 'phone':
      return '13800000000';
    default:
      return undefined;
  }
}

/**
 * Sample values for the fields a case is opened with: every required field, and every other one
 * that is not personal data (personal fields stay empty, as a real worker might leave them).
 * @example
 * sampleData(workflow.fields, '2025-09-29'); // { title: '示例：诉求标题', category: 'wages', ... }
 */
export function sampleData(fields: Readonly<Record<string, FieldDefinition>>, today: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [id, field] of Object.entries(fields)) {
    if (field.pii && !field.required) continue;
    const value = sampleValue(field, today);
    if (value !== undefined) data[id] = value;
  }
  return data;
}
