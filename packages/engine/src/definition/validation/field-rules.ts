import type { FieldDefinition, FieldType } from '../field.js';
import type { Workflow } from '../workflow.js';
import { createIssue, quote } from './messages.js';
import type { ValidationIssue } from './validation-issue.js';

const CHOICE_TYPES: ReadonlySet<FieldType> = new Set(['select', 'multiselect']);
const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['number', 'integer', 'money', 'rating']);
const TEXT_TYPES: ReadonlySet<FieldType> = new Set(['text', 'longtext', 'phone']);

function checkField(id: string, field: FieldDefinition, out: ValidationIssue[]): void {
  const at = ['fields', id];
  if (CHOICE_TYPES.has(field.type) && !field.options) {
    out.push(createIssue('BAD_FIELD', [...at, 'options'],
      `Field ${quote(id)} is a ${quote(field.type)} without options: add "options": [{ "value": "…", "label": { "zh": "…", "en": "…" } }, …].`, field.type));
  }
  if (!CHOICE_TYPES.has(field.type) && field.options) {
    out.push(createIssue('BAD_FIELD', [...at, 'options'],
      `Field ${quote(id)} has options but its type is ${quote(field.type)}: options apply to "select" and "multiselect" only, so change the type or remove "options".`, field.type));
  }
  const seen = new Set<string>();
  field.options?.forEach((option, i) => {
    if (!seen.has(option.value)) seen.add(option.value);
    else {
      out.push(createIssue('BAD_FIELD', [...at, 'options', i, 'value'],
        `Field ${quote(id)} lists option ${quote(option.value)} more than once: give each option its own value, or remove the duplicate.`, option.value));
    }
  });
  if ((field.min !== undefined || field.max !== undefined) && !NUMERIC_TYPES.has(field.type)) {
    const key = field.min !== undefined ? 'min' : 'max';
    out.push(createIssue('BAD_FIELD', [...at, key],
      `Field ${quote(id)} of type ${quote(field.type)} has "${key}": ${quote(field[key])}, but min and max apply to number, integer, money and rating fields: remove it (for texts use "maxLength").`, field[key]));
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
    out.push(createIssue('BAD_FIELD', [...at, 'min'],
      `Field ${quote(id)} has min ${quote(field.min)} greater than max ${quote(field.max)}: swap them or correct one.`, { min: field.min, max: field.max }));
  }
  if (field.type === 'rating' && ((field.min ?? 1) < 1 || (field.max ?? 5) > 5)) {
    out.push(createIssue('BAD_FIELD', [...at, (field.min ?? 1) < 1 ? 'min' : 'max'],
      `Field ${quote(id)} is a rating (1 to 5) but sets min ${quote(field.min)} / max ${quote(field.max)}: keep them within 1 and 5, or leave them out.`, { min: field.min, max: field.max }));
  }
  if (field.maxLength !== undefined && !TEXT_TYPES.has(field.type)) {
    out.push(createIssue('BAD_FIELD', [...at, 'maxLength'],
      `Field ${quote(id)} of type ${quote(field.type)} has "maxLength": ${quote(field.maxLength)}, which applies to text, longtext and phone fields only: remove it.`, field.maxLength));
  }
}

/**
 * Checks field definitions beyond their shape: options where (and only where) they belong, no
 * duplicate option values, min/max that fit the type and each other, maxLength on texts only.
 * @example
 * checkFields(workflow); // [] when every field is sound
 */
export function checkFields(workflow: Workflow): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const [id, field] of Object.entries(workflow.fields)) checkField(id, field, out);
  return out;
}
