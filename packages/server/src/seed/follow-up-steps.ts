import { hours, step, type ActorSpec, type PlannedStep } from './case-plan.js';
import type { Prng } from './prng.js';

const SATISFIED_COMMENTS: Record<number, readonly string[]> = {
  5: ['非常满意，问题解决得又快又好。', '工会真正帮我们办了实事，谢谢！', '办理结果很满意，感谢工作人员。'],
  4: ['满意，处理比较及时。', '问题已解决，希望以后继续关注。', '总体满意，沟通还可以更及时一些。'],
  3: ['基本满意，办理时间有点长。', '问题解决了一部分，基本满意。'],
};
const DISSATISFIED_COMMENTS = ['问题没有真正解决，企业还是老样子。', '只是口头答应，实际没有落实。', '办理结果和诉求不一致，不满意。'];
const UNREACHED_COMMENTS = ['三次电话回访均未接通，职工已离职。', '职工留的电话已停机，无法回访。'];

/** What becomes of a case at its follow-up (回访评价). */
export type FollowUpOutcome = 'satisfied' | 'dissatisfied' | 'unrated';

/**
 * Draws the follow-up outcome: most workers are satisfied, a few are not and a few cannot be reached.
 * @example
 * followUpOutcome(createPrng(1)); // 'satisfied' most of the time
 */
export function followUpOutcome(random: Prng): FollowUpOutcome {
  return random.weighted([
    ['satisfied', 86],
    ['dissatisfied', 8],
    ['unrated', 6],
  ] as const);
}

/**
 * A satisfied rating (mostly 4-5, a few 3) with a comment to match.
 * @example
 * satisfiedRating(createPrng(1)); // { satisfaction: 5, follow_up_comment: '非常满意…' }
 */
export function satisfiedRating(random: Prng): Record<string, unknown> {
  const satisfaction = random.weighted([
    [5, 56],
    [4, 34],
    [3, 10],
  ] as const);
  return { satisfaction, follow_up_comment: random.pick(SATISFIED_COMMENTS[satisfaction] ?? ['满意。']) };
}

/**
 * The rating steps of a follow-up state whose satisfied and dissatisfied events are `rate` and
 * `dissatisfied`: the worker or an independent supervisor rates; a dissatisfied worker gives reasons.
 * @example
 * ratingStep(random, 'satisfied', { worker: true });
 */
export function ratingStep(random: Prng, outcome: FollowUpOutcome, rater: ActorSpec): PlannedStep {
  const after = hours(random.between(2, 30));
  if (outcome === 'dissatisfied') {
    return step('dissatisfied', { worker: true }, after, { satisfaction: random.pick([1, 2]), follow_up_comment: random.pick(DISSATISFIED_COMMENTS) });
  }
  if (outcome === 'unrated') return step('close_unrated', { roles: ['supervisor'] }, after, { follow_up_comment: random.pick(UNREACHED_COMMENTS) });
  return step('rate', rater, after, satisfiedRating(random));
}
