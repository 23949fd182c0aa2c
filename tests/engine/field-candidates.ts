import type { FieldDefinition } from '@shuoshi/engine';

/** What the tests write into text fields: plain Chinese, as a union's staff would. */
export const SAMPLE_TEXT = '下夜班后打车难，希望工会协调解决';

const SAMPLE_PHONE = '13800000000';
const SAMPLE_DATE = '2025-10-15';
const SAMPLE_DATETIME = '2025-10-15T09:30:00+08:00';
const DAY_MS = 86_400_000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const PHONE_PATTERN = /^[0-9+\-\s()]{3,24}$/;

type Scalar = string | number | boolean;

function isNumeric(field: FieldDefinition): boolean {
  return field.type === 'number' || field.type === 'integer' || field.type === 'money' || field.type === 'rating';
}

/**
 * Tells whether a value is one the field accepts, by the rules of the workflow language (type,
 * options, min/max, maxLength), written here independently of the engine's own schema.
 * @example
 * acceptsValue({ type: 'rating', label: { zh: '满意度', en: 'Satisfaction' } }, 6); // false
 */
export function acceptsValue(field: FieldDefinition, value: unknown): boolean {
  const options = (field.options ?? []).map((o) => o.value);
  switch (field.type) {
    case 'text':
    case 'longtext':
      return typeof value === 'string' && (field.maxLength === undefined || value.length <= field.maxLength);
    case 'phone':
      return typeof value === 'string' && PHONE_PATTERN.test(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && DATE_PATTERN.test(value) && Number.isFinite(Date.parse(value));
    case 'datetime':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(Date.parse(value));
    case 'select':
      return typeof value === 'string' && options.includes(value);
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && options.includes(v)) && new Set(value).size === value.length;
    default: {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      const min = field.type === 'rating' ? (field.min ?? 1) : field.min;
      const max = field.type === 'rating' ? (field.max ?? 5) : field.max;
      if ((field.type === 'integer' || field.type === 'rating') && !Number.isInteger(value)) return false;
      return (min === undefined || value >= min) && (max === undefined || value <= max);
    }
  }
}

function shiftDate(text: string, days: number, withTime: boolean): string | undefined {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return undefined;
  const moved = new Date(ms + days * DAY_MS).toISOString();
  return withTime ? moved : moved.slice(0, 10);
}

function nearby(field: FieldDefinition, constant: Scalar): unknown[] {
  if (isNumeric(field) && typeof constant === 'number') return [constant, constant - 1, constant + 1, constant - 0.5, constant + 0.5];
  if ((field.type === 'date' || field.type === 'datetime') && typeof constant === 'string') {
    const withTime = field.type === 'datetime';
    return [constant, shiftDate(constant, -1, withTime), shiftDate(constant, 1, withTime)];
  }
  if (field.type === 'multiselect' && typeof constant === 'string') return [[constant]];
  if (typeof constant === 'string') return [constant, `${SAMPLE_TEXT}${constant}`, `${constant}x`];
  return [constant];
}

function defaults(field: FieldDefinition): unknown[] {
  const options = (field.options ?? []).map((o) => o.value);
  switch (field.type) {
    case 'text':
    case 'longtext':
      return [SAMPLE_TEXT.slice(0, field.maxLength ?? SAMPLE_TEXT.length), '已协调'];
    case 'phone':
      return [SAMPLE_PHONE];
    case 'boolean':
      return [true, false];
    case 'date':
      return [SAMPLE_DATE, '2024-01-02'];
    case 'datetime':
      return [SAMPLE_DATETIME, '2024-01-02T08:00:00+08:00'];
    case 'select':
      return options;
    case 'multiselect':
      return [options.slice(0, 1), ...options.slice(1).map((o) => [o])];
    case 'rating': {
      const values: number[] = [];
      for (let v = field.min ?? 1; v <= (field.max ?? 5); v += 1) values.push(v);
      return values;
    }
    default:
      return [field.min ?? 1, field.max ?? 1, 1, 2, 10];
  }
}

/**
 * Lists valid values for a field, the plain sample first (select: the first option; numbers: the
 * minimum or 1; text: Chinese sample text; phone: 13800000000; dates: ISO), then values near the
 * constants a condition compares the field with, so that some candidate satisfies the condition.
 * @example
 * fieldCandidates({ type: 'rating', label: { zh: '满意度', en: 'Satisfaction' } }, [3]); // [1, 2, 3, 4, 5, …]
 */
export function fieldCandidates(field: FieldDefinition, constants: readonly Scalar[] = []): unknown[] {
  const all = [...defaults(field), ...constants.flatMap((c) => nearby(field, c))];
  const seen = new Set<string>();
  return all.filter((value) => {
    if (value === undefined || !acceptsValue(field, value)) return false;
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The plain sample value of a field (its first candidate).
 * @example
 * sampleValue({ type: 'phone', label: { zh: '电话', en: 'Phone' } }); // '13800000000'
 */
export function sampleValue(field: FieldDefinition): unknown {
  const [first] = fieldCandidates(field);
  if (first === undefined) throw new Error(`No valid sample for a ${field.type} field with ${JSON.stringify(field)}; extend fieldCandidates.`);
  return first;
}
