import type { EntryEffect, LocalizedText } from '../../definition/index.js';

/**
 * An on-entry effect that tells the worker (the case's submitter) `message`.
 * @example
 * const declined: StateDefinition = { title, final: true, onEntry: [notifyWorker({ zh: '未予受理', en: 'Not accepted' })], transitions: [] };
 */
export function notifyWorker(message: LocalizedText): EntryEffect {
  return { type: 'notify', to: { worker: true }, message };
}
