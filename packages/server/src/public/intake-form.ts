import type { FieldDefinition, Workflow } from '@shuoshi/engine';

/**
 * The inputs of the workers' public form; each is stored in one field of the chosen workflow.
 * @example
 * INTAKE_INPUTS.includes('title'); // true
 */
export const INTAKE_INPUTS = ['title', 'description', 'category', 'enterprise', 'name', 'phone'] as const;

/**
 * One input of the public form.
 * @example
 * const input: IntakeInput = 'phone';
 */
export type IntakeInput = (typeof INTAKE_INPUTS)[number];

/**
 * How a workflow takes matters from the public: the field each form input is stored in, and
 * whether a worker may file anonymously or by name.
 * @example
 * const form: IntakeForm = { fields: { title: 'idea_title', description: 'idea_detail' }, anonymousAllowed: true, namedAllowed: true };
 */
export interface IntakeForm {
  fields: Partial<Record<IntakeInput, string>>;
  /** No personal field is required at the start, so a matter can be filed without one. */
  anonymousAllowed: boolean;
  /** The workflow has a personal name field and a phone field to store a named filing in. */
  namedAllowed: boolean;
}

type Entry = [string, FieldDefinition];

function find(entries: Entry[], preferred: string[], fallback: (entry: Entry) => boolean): string | undefined {
  for (const id of preferred) {
    const hit = entries.find(([fieldId]) => fieldId === id);
    if (hit) return hit[0];
  }
  return entries.find(fallback)?.[0];
}

/**
 * Works out how a workflow's case form is filled from the public form, by field name and type:
 * the title is `title` or a `*_title` text, the description `description` or the first required
 * long text, the category `category` or a `*_category` select, the enterprise `enterprise` or
 * `employer`, the name the first personal text field and the phone the first personal phone
 * field. A workflow takes public matters only when it declares `public` and every field it
 * requires at the start is one of these; otherwise the answer is undefined.
 * @example
 * intakeForm(unionGrievance)?.fields.name; // 'worker_name'
 */
export function intakeForm(workflow: Workflow): IntakeForm | undefined {
  if (!workflow.public) return undefined;
  const entries = Object.entries(workflow.fields);
  const open = entries.filter(([, field]) => field.pii !== true);
  const personal = entries.filter(([, field]) => field.pii === true);
  const fields: Partial<Record<IntakeInput, string>> = {};
  const set = (input: IntakeInput, id: string | undefined) => {
    if (id !== undefined) fields[input] = id;
  };
  const texts = open.filter(([, field]) => field.type === 'text');
  set('title', find(texts, ['title'], ([id]) => id.endsWith('_title')));
  set('description', find(open.filter(([, field]) => field.type === 'longtext' || field.type === 'text'), ['description'], ([, field]) => field.type === 'longtext' && field.required === true));
  set('category', find(open.filter(([, field]) => field.type === 'select'), ['category'], ([id]) => id.endsWith('_category')));
  set('enterprise', find(texts, ['enterprise', 'employer'], () => false));
  set('name', personal.find(([, field]) => field.type === 'text')?.[0]);
  set('phone', personal.find(([, field]) => field.type === 'phone')?.[0]);
  if (fields.title === undefined || fields.description === undefined || fields.title === fields.description) return undefined;
  const mapped = new Set(Object.values(fields));
  if (entries.some(([id, field]) => field.required === true && !mapped.has(id))) return undefined;
  const required = (id: string | undefined) => id !== undefined && workflow.fields[id]?.required === true;
  return {
    fields,
    anonymousAllowed: !required(fields.name) && !required(fields.phone),
    namedAllowed: fields.name !== undefined && fields.phone !== undefined,
  };
}
