import type { Workflow } from '../../definition/workflow.js';
import { createBaseWorkflow } from '../../definition/validation/base-workflow.fixture.js';

/**
 * A published test template (version 1) that locks the follow-up state `resolved` and the field
 * `satisfied`; fresh on each call.
 * @example
 * const template = createTemplate(); template.states.resolved?.locked; // true
 */
export function createTemplate(): Workflow {
  const template = createBaseWorkflow();
  template.states.resolved!.locked = true;
  template.fields.satisfied!.locked = true;
  return template;
}

/**
 * The smallest overlay on `createTemplate()`, to which a test adds its patches.
 * @example
 * extendWorkflow(createTemplate(), { ...overlayHead(), title: { zh: '茶路', en: 'Chalu' } });
 */
export function overlayHead() {
  return { key: 'chalu-grievance', version: 1, extends: { key: 'test-grievance', version: 1 } };
}

/**
 * Bilingual text for tests.
 * @example
 * label('商会调解', 'Chamber mediation');
 */
export function label(zh: string, en: string) {
  return { zh, en };
}
