import type { Workflow } from '@shuoshi/engine';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): boolean {
  return isObject(value) && typeof value['zh'] === 'string' && typeof value['en'] === 'string';
}

/**
 * Tells whether a JSON value has the skeleton the designer's diagram and forms need (states
 * with titles and transition lists, a fields object); finer problems are left to validation.
 * @example
 * isEditableWorkflow(JSON.parse(text)); // false for { key: 'x' }
 */
export function isEditableWorkflow(value: unknown): value is Workflow {
  if (!isObject(value) || typeof value['key'] !== 'string' || !isText(value['title']) || !isObject(value['fields']) || !isObject(value['states'])) return false;
  for (const field of Object.values(value['fields'])) if (!isObject(field) || typeof field['type'] !== 'string' || !isText(field['label'])) return false;
  for (const state of Object.values(value['states'])) {
    if (!isObject(state) || !isText(state['title']) || !Array.isArray(state['transitions'])) return false;
    for (const t of state['transitions']) if (!isObject(t) || typeof t['event'] !== 'string' || !isText(t['label'])) return false;
  }
  return true;
}
