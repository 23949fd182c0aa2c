import type { z } from 'zod';
import { formatPath } from './issue-path.js';
import { createIssue, quote } from './messages.js';
import { describeExpected, schemaErrorMap } from './schema-error-map.js';
import type { PathSegment, ValidationIssue } from './validation-issue.js';

const BILINGUAL = 'a bilingual text { "zh": "…", "en": "…" }';
const KEY_HINTS: Record<string, string> = {
  title: BILINGUAL,
  label: BILINGUAL,
  message: BILINGUAL,
  transitions: 'a list of transitions (use [] for a final state)',
  initial: 'the name of the state a case starts in',
  fields: 'the case fields, an object keyed by field name ({} when there are none)',
  states: 'the states, an object keyed by state name',
  event: 'an event name in lower snake case, e.g. "accept"',
  within: 'a duration, e.g. "5wd"',
  replyWithin: 'a duration, e.g. "10wd"',
  replyEvent: 'the event that records the reply, a transition of this state',
  key: 'a key in lower kebab case, e.g. "union-grievance"',
  version: 'a positive whole number, e.g. 1',
  when: 'a condition, e.g. { "field": "workers_affected", "op": "gte", "value": 10 }',
  not: 'a condition to negate',
  field: 'the name of a case field',
  at: 'a share of the SLA such as "80%" or a duration such as "2wd"',
  to: 'the recipients, e.g. { "roles": ["supervisor"] }',
  name: 'the name of an action',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A branch issue is "structural" when it shows the input is not that branch's kind of thing at all
// (a missing required key, a key the branch does not know, or a wrong type of the whole value).
function structuralScore(issues: readonly z.core.$ZodIssue[]): number {
  let score = 0;
  for (const issue of issues) {
    if (issue.path.length === 0 && issue.code !== 'too_small') score++;
    else if (issue.path.length === 1 && issue.input === undefined) score++;
  }
  return score;
}

function bestBranch(errors: readonly z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined {
  let best: z.core.$ZodIssue[] | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const branch of errors) {
    const score = structuralScore(branch);
    if (score < bestScore) {
      best = branch;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? undefined : best;
}

function missingHint(issue: z.core.$ZodIssue, key: PathSegment): string {
  const hint = KEY_HINTS[String(key)];
  if (hint) return hint;
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => quote(v)).join(', ')}`;
  if (issue.code === 'invalid_type') return describeExpected(issue.expected).noun;
  return 'a value';
}

function convert(issues: readonly z.core.$ZodIssue[], prefix: PathSegment[], out: ValidationIssue[]): void {
  for (const issue of issues) {
    const segments: PathSegment[] = [...prefix, ...issue.path.map((k) => (typeof k === 'number' ? k : String(k)))];
    if (issue.code === 'invalid_union') {
      const branch = issue.errors.length > 0 ? bestBranch(issue.errors) : undefined;
      if (branch) {
        convert(branch, segments, out);
        continue;
      }
    }
    const key = segments[segments.length - 1];
    if (issue.input === undefined && key !== undefined && issue.code !== 'unrecognized_keys') {
      const where = formatPath(segments.slice(0, -1));
      out.push(createIssue('SCHEMA', segments, `${quote(String(key))} is missing${where ? ` in ${where}` : ''}: add ${missingHint(issue, key)}.`));
      continue;
    }
    let value = issue.input;
    if (issue.code === 'unrecognized_keys') value = issue.keys;
    else if (issue.code === 'invalid_union' && issue.discriminator !== undefined && isObject(value)) value = value[issue.discriminator];
    out.push(createIssue('SCHEMA', segments, issue.message, value));
  }
}

/**
 * Checks a value against a zod schema and turns every zod issue into a `SCHEMA` validation issue
 * with a message that quotes the value and says how to fix it; union failures report the branch
 * the value was evidently meant to be.
 * @example
 * const shape = checkShape(workflowSchema, json);
 * if (!shape.ok) console.log(shape.issues.map((i) => `${i.path}: ${i.message}`));
 */
export function checkShape<T>(
  schema: z.ZodType<T>,
  input: unknown,
  prefix: PathSegment[] = [],
): { ok: true; data: T } | { ok: false; issues: ValidationIssue[] } {
  const parsed = schema.safeParse(input, { error: schemaErrorMap, reportInput: true });
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues: ValidationIssue[] = [];
  convert(parsed.error.issues, prefix, issues);
  return { ok: false, issues };
}
