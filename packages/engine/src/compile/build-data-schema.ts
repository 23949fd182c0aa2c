import { z } from 'zod';
import type { FieldDefinition, Workflow } from '../definition/index.js';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const PHONE_PATTERN = /^[0-9+\-\s()]{3,24}$/;

function numeric(field: FieldDefinition, base: z.ZodNumber): z.ZodNumber {
  let schema = base;
  if (field.min !== undefined) schema = schema.min(field.min);
  if (field.max !== undefined) schema = schema.max(field.max);
  return schema;
}

function textual(field: FieldDefinition): z.ZodString {
  const schema = z.string();
  return field.maxLength !== undefined ? schema.max(field.maxLength) : schema;
}

/**
 * Builds the zod schema of one field's value from its definition.
 * @example
 * buildFieldSchema({ type: 'rating', label: { zh: '满意度', en: 'Satisfaction' } }).parse(5);
 */
export function buildFieldSchema(field: FieldDefinition): z.ZodType {
  const values = (field.options ?? []).map((option) => option.value);
  switch (field.type) {
    case 'text':
    case 'longtext':
      return textual(field);
    case 'phone':
      return z.string().regex(PHONE_PATTERN, { error: 'a phone number of digits, spaces, +, - or ()' });
    case 'number':
    case 'money':
      return numeric(field, z.number());
    case 'integer':
      return numeric(field, z.number().int());
    case 'rating':
      return numeric({ ...field, min: field.min ?? 1, max: field.max ?? 5 }, z.number().int());
    case 'boolean':
      return z.boolean();
    case 'date':
      return z
        .string()
        .regex(DATE_PATTERN, { error: 'a date as YYYY-MM-DD' })
        .refine((v) => Number.isFinite(Date.parse(v)), { error: 'a real calendar date' });
    case 'datetime':
      return z.iso.datetime({ offset: true, error: 'an ISO 8601 date and time, e.g. 2025-10-11T09:30:00+08:00' });
    case 'select':
      return z.enum(values as [string, ...string[]]);
    case 'multiselect':
      return z
        .array(z.enum(values as [string, ...string[]]))
        .refine((list) => new Set(list).size === list.length, { error: 'each option at most once' });
  }
}

/**
 * Builds the zod schema of a data patch for a workflow: known fields only, each nullable to clear it.
 * @example
 * buildDataSchema(workflow).safeParse({ workers_affected: 12 }).success; // true
 */
export function buildDataSchema(workflow: Workflow): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [id, field] of Object.entries(workflow.fields)) shape[id] = buildFieldSchema(field).nullable().optional();
  return z.strictObject(shape);
}
