import type { Workflow } from '@shuoshi/engine';
import { INTAKE_INPUTS, type IntakeForm } from './intake-form.js';
import type { PublicWorkflow } from './schemas.js';

/**
 * The public form of a workflow version: each input of POST /public/matters with the field it is
 * stored in, its label, type, options and whether it is needed, so the workers' page can build
 * its form from the workflow the union runs.
 * @example
 * presentPublicWorkflow(unionGrievance, intakeForm(unionGrievance)!).fields[0]?.input; // 'title'
 */
export function presentPublicWorkflow(workflow: Workflow, form: IntakeForm): PublicWorkflow {
  const fields = INTAKE_INPUTS.flatMap((input) => {
    const id = form.fields[input];
    const field = id === undefined ? undefined : workflow.fields[id];
    if (id === undefined || !field) return [];
    const personal = input === 'name' || input === 'phone';
    const required = input === 'title' || input === 'description' || field.required === true ? 'always' : personal && form.namedAllowed ? 'when_named' : 'no';
    return [
      {
        input,
        field: id,
        type: field.type,
        label: field.label,
        ...(field.description ? { description: field.description } : {}),
        required,
        personal,
        ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
        ...(field.options ? { options: field.options.map((option) => ({ value: option.value, label: option.label })) } : {}),
      } as const,
    ];
  });
  return {
    key: workflow.key,
    version: workflow.version,
    title: workflow.title,
    ...(workflow.description ? { description: workflow.description } : {}),
    anonymousAllowed: form.anonymousAllowed,
    namedAllowed: form.namedAllowed,
    fields,
  };
}
