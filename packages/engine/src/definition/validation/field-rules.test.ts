import { describe, expect, it } from 'vitest';
import { createBaseWorkflow, findIssue } from './base-workflow.fixture.js';
import { validateWorkflow } from './validate-workflow.js';

describe('field rules', () => {
  it('rejects a select without options', () => {
    const wf = createBaseWorkflow();
    wf.fields.channel = { type: 'select', label: { zh: '渠道', en: 'Channel' } };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_FIELD', 'fields.channel.options');
    expect(issue.message).toContain('"channel"');
    expect(issue.message).toContain('"select"');
  });

  it('rejects options on a field that is not a select', () => {
    const wf = createBaseWorkflow();
    wf.fields.note = { type: 'text', label: { zh: '备注', en: 'Note' }, options: [{ value: 'a', label: { zh: '甲', en: 'A' } }] };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_FIELD', 'fields.note.options');
    expect(issue.message).toContain('"text"');
  });

  it('rejects duplicate option values', () => {
    const wf = createBaseWorkflow();
    wf.fields.category!.options!.push({ value: 'wages', label: { zh: '薪资', en: 'Pay' } });
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_FIELD', 'fields.category.options[3].value');
    expect(issue.message).toContain('"wages"');
  });

  it('rejects min greater than max', () => {
    const wf = createBaseWorkflow();
    wf.fields.workers_affected = { type: 'integer', label: { zh: '人数', en: 'Workers' }, min: 10, max: 2 };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_FIELD', 'fields.workers_affected.min');
    expect(issue.message).toContain('10');
    expect(issue.message).toContain('2');
  });
});
