import { advance, type TimeKind } from '../calendar/index.js';
import { parseDuration } from '../definition/index.js';
import type { CompiledState } from '../compile/index.js';
import { calendarOf, cancelTimers, iso, scheduleTimer, type StepDraft } from './step-draft.js';

/**
 * Opens the referral of a state being entered: records it, emits `refer` with the reply deadline
 * on the calendar, and schedules the overdue timer.
 * @example
 * openReferral(draft, compiledState);
 */
export function openReferral(draft: StepDraft, state: CompiledState): void {
  const referral = state.definition.referral;
  if (!referral) return;
  const agency = referral.agency ?? String(draft.snapshot.data[referral.agencyField ?? ''] ?? '');
  const duration = parseDuration(referral.replyWithin);
  if (!duration || agency === '') return;
  const calendar = calendarOf(draft, referral.calendar ?? state.calendar);
  const replyDueAt = iso(advance(calendar, duration.kind as TimeKind, draft.now, duration.ms));
  const id = `${state.id}.${draft.seq}`;
  draft.snapshot.referrals.push({ id, agency, state: state.id, sentAt: iso(draft.now), replyDueAt, status: 'awaiting', overdue: false });
  draft.effects.push({
    type: 'refer',
    referralId: id,
    agency,
    state: state.id,
    replyDueAt,
    replyEvent: referral.replyEvent,
    ...(referral.returnEvent ? { returnEvent: referral.returnEvent } : {}),
  });
  scheduleTimer(draft, { id: `${id}.referral`, kind: 'referral', state: state.id, dueAt: replyDueAt, ref: id });
}

/**
 * Closes the awaiting referrals of a state (replied, returned or withdrawn) and cancels their timers.
 * @example
 * closeReferrals(draft, 'escalation', 'replied');
 */
export function closeReferrals(draft: StepDraft, state: string, status: 'replied' | 'returned' | 'withdrawn'): string[] {
  const closed: string[] = [];
  for (const referral of draft.snapshot.referrals) {
    if (referral.state !== state || referral.status !== 'awaiting') continue;
    referral.status = status;
    referral.closedAt = iso(draft.now);
    closed.push(referral.id);
    draft.effects.push({ type: 'referralClosed', referralId: referral.id, agency: referral.agency, status });
  }
  if (closed.length > 0) cancelTimers(draft, (t) => t.kind === 'referral' && closed.includes(t.ref ?? ''));
  return closed;
}
