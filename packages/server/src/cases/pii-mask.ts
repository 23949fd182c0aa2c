import type { FieldType, Workflow } from '@shuoshi/engine';
import { PII_ROLES, type Caller } from '../auth/caller.js';

/**
 * What a masked value looks like (phones keep their first 3 and last 4 digits).
 * @example
 * maskValue('李阿姨', 'text') === MASK; // true
 */
export const MASK = '***';

// A registered workflow never changes, so its personal fields are read once.
const piiFieldsOf = new WeakMap<Workflow, ReadonlyMap<string, FieldType>>();

/**
 * The personal fields of a workflow (`pii: true`) with their types.
 * @example
 * piiFields(unionGrievance); // Map { 'worker_name' => 'text', 'worker_phone' => 'phone' }
 */
export function piiFields(workflow: Workflow): ReadonlyMap<string, FieldType> {
  const known = piiFieldsOf.get(workflow);
  if (known) return known;
  const fields = new Map<string, FieldType>();
  for (const [id, field] of Object.entries(workflow.fields)) if (field.pii === true) fields.set(id, field.type);
  piiFieldsOf.set(workflow, fields);
  return fields;
}

/**
 * Tells whether a caller may read personal fields unmasked (by asking to reveal them).
 * @example
 * mayReadPii({ roles: ['mediator'] }); // true
 */
export function mayReadPii(caller: Pick<Caller, 'roles'>): boolean {
  return caller.roles.some((role) => PII_ROLES.includes(role));
}

/**
 * Masks one personal value: a phone number keeps its first 3 and last 4 digits
 * (`138****0000`), anything else becomes `***`; empty values stay empty.
 * @example
 * maskValue('13800000000', 'phone'); // '138****0000'
 */
export function maskValue(value: unknown, type: FieldType): unknown {
  if (value === null || value === undefined) return value;
  if (type === 'phone' && typeof value === 'string') {
    const digits = value.replace(/\D/g, '');
    if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  }
  return MASK;
}

/**
 * Returns a copy of case data with every personal field masked.
 * @example
 * maskData({ worker_phone: '13800000000', title: '袖套' }, piiFields(workflow));
 */
export function maskData(data: Record<string, unknown>, fields: ReadonlyMap<string, FieldType>): Record<string, unknown> {
  if (fields.size === 0) return data;
  // Object.assign, not spread: case data can have dozens of fields (see presentCase).
  const masked: Record<string, unknown> = Object.assign({}, data);
  for (const [id, type] of fields) if (Object.hasOwn(masked, id)) masked[id] = maskValue(masked[id], type);
  return masked;
}

/**
 * The personal fields that have a value in case data: what an unmasked read shows, for the audit.
 * @example
 * presentPiiFields({ worker_name: '张' }, piiFields(workflow)); // ['worker_name']
 */
export function presentPiiFields(data: Record<string, unknown>, fields: ReadonlyMap<string, FieldType>): string[] {
  return [...fields.keys()].filter((id) => data[id] !== undefined && data[id] !== null && data[id] !== '');
}
