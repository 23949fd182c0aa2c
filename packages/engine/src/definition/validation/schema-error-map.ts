import { z } from 'zod';
import { didYouMean, listNames, quote } from './messages.js';

const NOUNS: Record<string, { noun: string; example: string }> = {
  string: { noun: 'a text', example: '"mediation"' },
  number: { noun: 'a number', example: '10' },
  int: { noun: 'a whole number', example: '1' },
  boolean: { noun: 'true or false', example: 'true' },
  array: { noun: 'a list', example: '["mediator"]' },
  object: { noun: 'an object', example: '{ "zh": "调解", "en": "Mediation" }' },
  record: { noun: 'an object keyed by identifier', example: '{ "triage": { … } }' },
};

/**
 * Describes what a zod `expected` type asks for, with an example, for messages.
 * @example
 * describeExpected('array'); // { noun: 'a list', example: '["mediator"]' }
 */
export function describeExpected(expected: string): { noun: string; example: string } {
  return NOUNS[expected] ?? { noun: expected, example: '' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const CONDITION_FORMS =
  'write a comparison { "field": "…", "op": "eq", "value": … }, or combine conditions with { "all": [...] }, { "any": [...] } or { "not": {...} }';

// Names the union by its branches: the condition union has an `all` branch, a condition value an array branch.
function unionMessage(issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidUnion>): string {
  const input = issue.input;
  if (issue.discriminator !== undefined) {
    const value = isRecord(input) ? input[issue.discriminator] : input;
    const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : [];
    return `${quote(issue.discriminator)} ${quote(value)} is not known: use one of ${listNames(options)}.`;
  }
  const inst = issue.inst;
  const options = inst instanceof z.core.$ZodUnion ? inst._zod.def.options : [];
  if (options.some((o) => o instanceof z.core.$ZodObject && 'all' in o._zod.def.shape)) {
    return `Condition ${quote(input)} is not valid: ${CONDITION_FORMS}.`;
  }
  if (options.some((o) => o instanceof z.core.$ZodArray)) {
    return `Condition value ${quote(input)} is not valid: use a text, a number or true/false, or a list of them for "in" / "not_in", e.g. ["wages", "injury"].`;
  }
  return `${quote(input)} does not match any form allowed here: compare it with the workflow language reference.`;
}

function allowedKeys(issue: z.core.$ZodRawIssue): string[] {
  const inst = issue.inst;
  return inst instanceof z.core.$ZodObject ? Object.keys(inst._zod.def.shape) : [];
}

/**
 * Zod error map for workflow documents: rewrites zod's generic messages so each quotes the value
 * and says how to fix it. Schema-level messages (identifiers, durations, operators) take precedence.
 * @example
 * workflowSchema.safeParse(json, { error: schemaErrorMap, reportInput: true });
 */
export function schemaErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const { noun, example } = describeExpected(issue.expected);
      if (issue.input === undefined) return `A value is missing: add ${noun}${example ? `, e.g. ${example}` : ''}.`;
      return `${quote(issue.input)} is ${typeOf(issue.input)}, not ${noun}: write ${noun} here${example ? `, e.g. ${example}` : ''}.`;
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(issue);
      const first = issue.keys[0] ?? '';
      const plural = issue.keys.length > 1;
      return `Key${plural ? 's' : ''} ${listNames(issue.keys)} ${plural ? 'are' : 'is'} not allowed here: remove ${plural ? 'them' : 'it'} or fix the spelling.${didYouMean(first, allowed)}${allowed.length ? ` Allowed keys: ${listNames(allowed, 20)}.` : ''}`;
    }
    case 'invalid_value':
      return `${quote(issue.input)} is not allowed here: use one of ${issue.values.map((v) => quote(v)).join(', ')}.`;
    case 'too_small':
      if (issue.origin === 'array') return `The list ${quote(issue.input)} is too short: give at least ${issue.minimum} item(s), or leave the key out.`;
      if (issue.origin === 'string') return `The text ${quote(issue.input)} is too short: write at least ${issue.minimum} character(s).`;
      return `${quote(issue.input)} is too small: use ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'array') return `The list has too many items: give at most ${issue.maximum}.`;
      if (issue.origin === 'string') return `The text ${quote(issue.input)} is too long: shorten it to at most ${issue.maximum} character(s).`;
      return `${quote(issue.input)} is too large: use ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}.`;
    case 'invalid_format':
      return `${quote(issue.input)} is not in the expected ${issue.format} format: correct it.`;
    case 'not_multiple_of':
      return `${quote(issue.input)} is not a multiple of ${issue.divisor}: round it.`;
    case 'invalid_key':
      return `Key ${quote(issue.input)} is not valid: ${issue.issues[0]?.message ?? 'rename it.'}`;
    case 'invalid_union':
      return unionMessage(issue);
    default:
      return `${quote(issue.input)} is not valid here: correct it.`;
  }
}
