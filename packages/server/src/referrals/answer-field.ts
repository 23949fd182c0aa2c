import type { Workflow } from '@shuoshi/engine';

const TEXT_TYPES: ReadonlySet<string> = new Set(['text', 'longtext']);

/**
 * The field an agency's words go into for a reply or return event: the event's first required
 * text field in the referral's state, else `fallback` when the workflow has it (reply_summary,
 * return_reason), else undefined (the workflow offers no place for the text).
 * @example
 * answerField(unionGrievance, 'escalation', 'agency_replied', 'reply_summary'); // 'reply_summary'
 */
export function answerField(workflow: Workflow, state: string, event: string, fallback: string): string | undefined {
  const transition = workflow.states[state]?.transitions.find((t) => t.event === event);
  const required = (transition?.requires ?? []).find((id) => TEXT_TYPES.has(workflow.fields[id]?.type ?? ''));
  if (required !== undefined) return required;
  return workflow.fields[fallback] !== undefined ? fallback : undefined;
}
