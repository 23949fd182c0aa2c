import { z } from 'zod';
import { identifierSchema } from './identifiers.js';
import { localizedTextSchema } from './localized-text.js';

/**
 * The types a case field can have.
 * @example
 * FIELD_TYPES.includes('rating'); // true
 */
export const FIELD_TYPES = [
  'text',
  'longtext',
  'number',
  'integer',
  'money',
  'boolean',
  'date',
  'datetime',
  'select',
  'multiselect',
  'phone',
  'rating',
] as const;

/**
 * A field type.
 * @example
 * const t: FieldType = 'select';
 */
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * Zod schema of one option of a `select` or `multiselect` field.
 * @example
 * fieldOptionSchema.parse({ value: 'wages', label: { zh: '工资', en: 'Wages' } });
 */
export const fieldOptionSchema = z.strictObject({
  value: identifierSchema.describe('Stored value, lower snake case.'),
  label: localizedTextSchema.describe('Text shown for the option (zh, en).'),
});

/**
 * Zod schema of a field of the case form.
 * @example
 * fieldSchema.parse({ type: 'integer', label: { zh: '涉及人数', en: 'Workers affected' }, min: 1 });
 */
export const fieldSchema = z.strictObject({
  type: z
    .enum(FIELD_TYPES, {
      error: (issue) =>
        issue.input === undefined
          ? `Field type is missing: add "type" with one of ${FIELD_TYPES.join(', ')}.`
          : `Field type ${JSON.stringify(issue.input)} is not known: use one of ${FIELD_TYPES.join(', ')}.`,
    })
    .describe(
      'Field type: text, longtext, number, integer, money, boolean, date, datetime, select, multiselect, phone or rating (1-5).',
    ),
  label: localizedTextSchema.describe('Label on the form (zh, en).'),
  description: localizedTextSchema.optional().describe('Help text under the field (zh, en).'),
  required: z.boolean().optional().describe('Must have a value when the case is opened.'),
  pii: z
    .boolean()
    .optional()
    .describe('Personal data: masked for roles without the right to see it; reads are audited.'),
  options: z.array(fieldOptionSchema).min(1).optional().describe('Choices of a select or multiselect field.'),
  min: z.number().optional().describe('Smallest allowed value (numeric fields).'),
  max: z.number().optional().describe('Largest allowed value (numeric fields).'),
  maxLength: z.number().int().positive().optional().describe('Longest allowed text, in characters.'),
  locked: z
    .boolean()
    .optional()
    .describe('Locked by the template: an overlay may not change or remove this field.'),
});

/**
 * A field of the case form.
 * @example
 * const f: FieldDefinition = { type: 'text', label: { zh: '标题', en: 'Title' }, required: true };
 */
export type FieldDefinition = z.infer<typeof fieldSchema>;
