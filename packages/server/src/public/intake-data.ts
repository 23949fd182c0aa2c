import type { Workflow } from '@shuoshi/engine';
import { z } from 'zod';
import type { IntakeForm, IntakeInput } from './intake-form.js';
import type { FileMatterBody } from './schemas.js';

type Issue = { code: 'custom'; path: string[]; message: string; input: unknown };

/**
 * Turns a filing into the case data of the chosen workflow, checking each value against the
 * field it goes into (length, options); a value that does not fit, or an input the workflow has
 * no field for, is a ZodError (answered 400 with the issues). An anonymous filing's data has no
 * name and no phone: the body schema has already refused them.
 * @example
 * intakeData(body, form, workflow); // { title: '…', description: '…', category: 'wages' }
 */
export function intakeData(body: FileMatterBody, form: IntakeForm, workflow: Workflow): Record<string, unknown> {
  const values: Array<[IntakeInput, string | undefined]> = [
    ['title', body.title],
    ['description', body.description],
    ['category', body.category],
    ['enterprise', body.enterprise],
    ['name', body.anonymous ? undefined : body.name],
    ['phone', body.anonymous ? undefined : body.phone],
  ];
  const data: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const [input, value] of values) {
    if (value === undefined) continue;
    const id = form.fields[input];
    const field = id === undefined ? undefined : workflow.fields[id];
    if (id === undefined || !field) {
      issues.push({ code: 'custom', path: [input], message: `the workflow "${workflow.key}" has no field for "${input}"; leave it out (GET /api/public/unions shows each workflow's form)`, input: value });
      continue;
    }
    if (field.maxLength !== undefined && value.length > field.maxLength) {
      issues.push({ code: 'custom', path: [input], message: `must be at most ${field.maxLength} characters for "${workflow.key}", got ${value.length}; shorten it`, input: value });
      continue;
    }
    if (field.type === 'select' && !(field.options ?? []).some((option) => option.value === value)) {
      const allowed = (field.options ?? []).map((option) => option.value).join(', ');
      issues.push({ code: 'custom', path: [input], message: `${JSON.stringify(value)} is not an option of "${id}"; use one of ${allowed}`, input: value });
      continue;
    }
    data[id] = value;
  }
  if (issues.length > 0) throw new z.ZodError(issues);
  return data;
}
