import type { PublicFormField, PublicWorkflowForm } from './public-types.js';

// The server's rule for a phone number (POST /public/matters).
const PHONE = /^[0-9+\-\s()]{3,24}$/;

/**
 * The inputs the form shows: every non-personal one, and the personal ones (name, phone) only
 * when the worker files by name — an anonymous filing must not carry them at all.
 * @example
 * visibleFields(form, true).map((f) => f.input); // ['title', 'description', 'category', 'enterprise']
 */
export function visibleFields(form: PublicWorkflowForm, anonymous: boolean): PublicFormField[] {
  return form.fields.filter((field) => !(anonymous && (field.personal || field.input === 'name' || field.input === 'phone')));
}

/**
 * Whether an input must be filled: always-required ones, and the "when named" ones (name,
 * phone) in a named filing.
 * @example
 * isRequired({ required: 'when_named' } as PublicFormField, false); // true
 */
export function isRequired(field: Pick<PublicFormField, 'required' | 'input'>, anonymous: boolean): boolean {
  if (field.required === 'always') return true;
  // A named filing needs both a name and a phone (the server refuses one without).
  return !anonymous && (field.required === 'when_named' || field.input === 'name' || field.input === 'phone');
}

/**
 * The problems of a filing before it is sent, per input: a required input left empty, a text
 * too long, a phone number that is not one. Messages are message keys with their values.
 * @example
 * validateMatter(form, true, { title: '' }); // { title: { key: 'shuoshi.public.required' }, description: { key: 'shuoshi.public.required' } }
 */
export function validateMatter(form: PublicWorkflowForm, anonymous: boolean, values: Readonly<Record<string, string>>): Record<string, { key: string; values?: Record<string, number> }> {
  const problems: Record<string, { key: string; values?: Record<string, number> }> = {};
  for (const field of visibleFields(form, anonymous)) {
    const value = (values[field.input] ?? '').trim();
    if (value === '') {
      if (isRequired(field, anonymous)) problems[field.input] = { key: 'shuoshi.public.required' };
      continue;
    }
    if (field.maxLength !== undefined && [...value].length > field.maxLength) problems[field.input] = { key: 'shuoshi.public.too_long', values: { max: field.maxLength } };
    else if (field.type === 'phone' && !PHONE.test(value)) problems[field.input] = { key: 'shuoshi.speak.phone_format' };
  }
  return problems;
}

/**
 * The body of POST /api/public/matters: the union, the workflow, anonymous or not, and the
 * filled inputs (trimmed; empty ones and, when anonymous, personal ones left out).
 * @example
 * matterBody('chalu', form, true, { title: '下夜班打不到车', description: '要走3公里', name: '王' }); // no name in it
 */
export function matterBody(unionId: string, form: PublicWorkflowForm, anonymous: boolean, values: Readonly<Record<string, string>>): Record<string, unknown> {
  const body: Record<string, unknown> = { unionId, workflow: form.key, anonymous };
  for (const field of visibleFields(form, anonymous)) {
    const value = (values[field.input] ?? '').trim();
    if (value !== '') body[field.input] = value;
  }
  return body;
}
