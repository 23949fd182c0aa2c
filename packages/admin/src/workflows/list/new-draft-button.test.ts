import { unionGrievance } from '@shuoshi/engine';
import { describe, expect, it, vi } from 'vitest';
import type { WorkflowApi, WorkflowDetail } from '../lifecycle/workflow-api.js';
import { newDraftFrom } from './new-draft-button.js';
import { isTemplateFor } from './use-workflow-access.js';

function detail(overrides: Partial<WorkflowDetail>): WorkflowDetail {
  return {
    id: 'x@1', tenantId: 'huchen', key: 'x', version: 1, status: 'published', title: { zh: 'x', en: 'x' }, parent: null, isOverlay: false, runningCases: 0, note: null, createdBy: null,
    createdAt: '2025-09-01T00:00:00Z', publishedAt: null, definition: {}, overlay: null, ...overrides,
  };
}

function api(source: WorkflowDetail) {
  const refuse = async (): Promise<never> => {
    throw new Error('not used');
  };
  const created = detail({ id: 'next', status: 'draft' });
  const fake = {
    show: vi.fn(async () => source),
    createDraft: vi.fn(async () => created),
    createOverlay: vi.fn(async () => created),
    list: refuse, diff: refuse, validate: refuse, publish: refuse, retire: refuse, rebase: refuse, migrate: refuse,
  } satisfies WorkflowApi;
  return fake;
}

describe('a new draft from a published version', () => {
  it('copies a full definition without its version, so the server numbers the next one', async () => {
    const fake = api(detail({ id: 'union-grievance@1', key: 'union-grievance', definition: unionGrievance }));
    await newDraftFrom(fake, 'union-grievance@1');
    const { version: _version, ...expected } = unionGrievance;
    expect(fake.createDraft).toHaveBeenCalledWith(expected);
    expect(fake.createOverlay).not.toHaveBeenCalled();
  });

  it('opens an overlay on the same template with the same changes', async () => {
    const overlay = { key: 'huchen-help-farmers', version: 1, extends: { key: 'union-grievance', version: 1 }, states: { triage: { sla: { within: '3wd' } } } };
    const fake = api(detail({ id: 'huchen-help-farmers@1', key: 'huchen-help-farmers', isOverlay: true, parent: { tenantId: 'ninghai', key: 'union-grievance', version: 1 }, overlay }));
    await newDraftFrom(fake, 'huchen-help-farmers@1');
    expect(fake.createOverlay).toHaveBeenCalledWith({ key: 'union-grievance', version: 1 }, { key: 'huchen-help-farmers', states: { triage: { sla: { within: '3wd' } } } });
  });
});

describe('templates from above', () => {
  it('tells the unions above the caller from its own', () => {
    expect(isTemplateFor({ tenantId: 'ninghai' }, '/ninghai/huchen/')).toBe(true);
    expect(isTemplateFor({ tenantId: 'huchen' }, '/ninghai/huchen/')).toBe(false);
    expect(isTemplateFor({ tenantId: 'ninghai' }, '/ninghai/')).toBe(false);
    expect(isTemplateFor({ tenantId: 'ninghai' }, undefined)).toBe(false);
  });
});
