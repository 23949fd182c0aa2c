import { describe, expect, it } from 'vitest';
import { createTemplate } from './template.fixture.js';
import { validateOverlay } from './validate-overlay.js';

describe('validateOverlay', () => {
  it('reports an overlay that changes a locked node, with its path', () => {
    const template = createTemplate();
    const overlay = { key: 'township-flow', version: 1, extends: { key: template.key, version: template.version }, states: { resolved: { title: { zh: '改名', en: 'Renamed' } } } };
    const result = validateOverlay(overlay, template);
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'LOCKED_NODE', path: 'states.resolved', severity: 'error' }));
  });

  it('returns the resolved workflow of a valid overlay', () => {
    const template = createTemplate();
    const overlay = { key: 'township-flow', version: 1, extends: { key: template.key, version: template.version }, title: { zh: '乡镇流程', en: 'Township flow' } };
    const result = validateOverlay(overlay, template);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.workflow.key).toBe('township-flow');
    expect(result.workflow.extends).toEqual({ key: template.key, version: template.version });
  });
});
