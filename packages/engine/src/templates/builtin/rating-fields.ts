import type { FieldDefinition, LocalizedText } from '../../definition/index.js';

const SCALE_IN_FULL: LocalizedText = {
  zh: '5 非常满意，4 满意，3 基本满意，2 不满意，1 非常不满意',
  en: '5 very satisfied, 4 satisfied, 3 fairly satisfied, 2 dissatisfied, 1 very dissatisfied',
};
const SCALE_ENDS: LocalizedText = { zh: '5 非常满意 … 1 非常不满意', en: '5 very satisfied … 1 very dissatisfied' };

/**
 * The two fields the follow-up (回访评价) fills in: `satisfaction`, a 1-5 rating, and
 * `follow_up_comment`, the worker's reasons or why nobody could be reached. `spellOutScale` names
 * every grade in the rating's description, not only the ends; `locked` keeps an overlay off both.
 * @example
 * const fields = { ...caseFields, ...ratingFields({ spellOutScale: true, locked: true }) };
 */
export function ratingFields(options: { spellOutScale?: boolean; locked?: boolean } = {}): {
  satisfaction: FieldDefinition;
  follow_up_comment: FieldDefinition;
} {
  const lock = options.locked ? { locked: true } : {};
  return {
    satisfaction: {
      type: 'rating',
      label: { zh: '满意度评价', en: 'Satisfaction' },
      description: options.spellOutScale ? SCALE_IN_FULL : SCALE_ENDS,
      min: 1,
      max: 5,
      ...lock,
    },
    follow_up_comment: {
      type: 'longtext',
      label: { zh: '回访意见', en: 'Follow-up comment' },
      maxLength: 2000,
      ...lock,
    },
  };
}
