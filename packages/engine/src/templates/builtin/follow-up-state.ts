import type { LocalizedText, StateDefinition } from '../../definition/index.js';
import { ADMINS } from './admins.js';
import { yellowAtDeadline } from './yellow-at-deadline.js';

/**
 * What a template decides about its follow-up state; the rest is the same in every template.
 * @example
 * const options: FollowUpOptions = { dissatisfied: { target: 'reopened', label: { zh: '不满意，重新办理', en: 'Dissatisfied: reopen' } }, locked: true };
 */
export interface FollowUpOptions {
  /** Where a rating of 1-2 sends the case (reopened for handling, or closed with the reasons) and how the choice is labelled. */
  dissatisfied: { target: string; label: LocalizedText };
  description?: LocalizedText;
  /** Keeps an overlay from changing or removing the state. */
  locked?: boolean;
}

/**
 * The independent follow-up (回访评价) state, `follow_up`: within 5 working days the worker, or staff
 * who did not handle the case, rates it; it reads the `satisfaction` and `follow_up_comment` fields
 * of `ratingFields` and archives to `closed`.
 * @example
 * const followUp = followUpState({ dissatisfied: { target: 'closed', label: { zh: '不满意，记录意见后归档', en: 'Dissatisfied: record why and archive' } } });
 */
export function followUpState(options: FollowUpOptions): StateDefinition {
  return {
    title: { zh: '回访评价', en: 'Follow-up and rating' },
    ...(options.description ? { description: options.description } : {}),
    roles: [...ADMINS, 'worker'],
    tags: ['follow_up'],
    ...(options.locked ? { locked: true } : {}),
    sla: { within: '5wd' },
    warnings: yellowAtDeadline(),
    onEntry: [{ type: 'requestFollowUp', within: '5wd' }],
    // Ratings 3-5 (fairly satisfied and up) count as satisfied, as in the county's 满意度 figure.
    // Whoever handled the case may not rate it, nor archive it unrated: the follow-up is independent.
    transitions: [
      {
        event: 'rate',
        label: { zh: '满意，归档', en: 'Satisfied: archive' },
        target: 'closed',
        requires: ['satisfaction'],
        condition: { field: 'satisfaction', op: 'gte', value: 3 },
        separation: { notHandler: true },
      },
      {
        event: 'dissatisfied',
        label: options.dissatisfied.label,
        target: options.dissatisfied.target,
        requires: ['satisfaction', 'follow_up_comment'],
        condition: { field: 'satisfaction', op: 'lte', value: 2 },
        separation: { notHandler: true },
      },
      {
        event: 'close_unrated',
        label: { zh: '回访未果，归档', en: 'Archive without a rating' },
        target: 'closed',
        roles: ADMINS,
        requires: ['follow_up_comment'],
        separation: { notHandler: true },
      },
    ],
  };
}
