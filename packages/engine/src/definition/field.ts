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
  value: identifierSchema,
  label: localizedTextSchema,
});

/**
 * Zod schema of a field of the case form.
 * @example
 * fieldSchema.parse({ type: 'integer', label: { zh: '涉及人数', en: 'Workers affected' }, min: 1 });
 */
export const fieldSchema = z.strictObject({
  type: z.enum(FIELD_TYPES, {
    error: (issue) =>
      `Field type ${JSON.stringify(issue.input)} is not known: use one of ${FIELD_TYPES.join(', ')}.`,
  }),
  label: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** Required when the case is opened. */
  required: z.boolean().optional(),
  /** Personal data: masked for roles without the right to see it, reads audited. */
  pii: z.boolean().optional(),
  options: z.array(fieldOptionSchema).min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().positive().optional(),
  /** Locked by a template: an overlay may not change or remove it. */
  locked: z.boolean().optional(),
});

/**
 * A field of the case form.
 * @example
 * const f: FieldDefinition = { type: 'text', label: { zh: '标题', en: 'Title' }, required: true };
 */
export type FieldDefinition = z.infer<typeof fieldSchema>;
