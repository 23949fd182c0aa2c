import { goldenIdea, labourMediation, legalAid, unionGrievance, type Workflow } from '@shuoshi/engine';
import { describe, expect, it } from 'vitest';
import { intakeForm } from './intake-form.js';

describe('intakeForm', () => {
  it('maps the union grievance form', () => {
    expect(intakeForm(unionGrievance)).toEqual({
      fields: { title: 'title', description: 'description', category: 'category', enterprise: 'enterprise', name: 'worker_name', phone: 'worker_phone' },
      anonymousAllowed: true,
      namedAllowed: true,
    });
  });

  it('maps the golden idea form by its field names', () => {
    expect(intakeForm(goldenIdea)?.fields).toEqual({ title: 'idea_title', description: 'idea_detail', category: 'idea_category', enterprise: 'enterprise', name: 'proposer_name', phone: 'proposer_phone' });
  });

  it('refuses workflows the public form cannot fill', () => {
    // Both require a personal name at the start and have no title field.
    expect(intakeForm(legalAid)).toBeUndefined();
    expect(intakeForm(labourMediation)).toBeUndefined();
    const { public: _hidden, ...internal } = unionGrievance;
    expect(intakeForm(internal as Workflow)).toBeUndefined();
  });

  it('allows only named filings when the name is required', () => {
    const named: Workflow = { ...unionGrievance, fields: { ...unionGrievance.fields, worker_name: { ...unionGrievance.fields['worker_name']!, required: true } } };
    expect(intakeForm(named)).toMatchObject({ anonymousAllowed: false, namedAllowed: true });
  });
});
