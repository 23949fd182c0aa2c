import { advance } from '../calendar/index.js';
import { parseDuration } from '../definition/index.js';
import { closeReferrals, openReferral } from './referrals.js';
import { dropStateCauses } from './settle-warning.js';
import { startClock, stopClock } from './state-clock.js';
import { calendarOf, cancelTimers, iso, stateOf, type StepDraft } from './step-draft.js';

function emitEntryEffects(draft: StepDraft, stateId: string): void {
  const state = stateOf(draft.compiled, stateId);
  for (const spec of state.definition.onEntry ?? []) {
    if (spec.type === 'notify') {
      draft.effects.push({ type: 'notify', to: spec.to, message: spec.message, reason: 'entry', state: stateId });
    } else if (spec.type === 'action') {
      draft.effects.push({ type: 'action', name: spec.name, params: spec.params ?? {}, state: stateId });
    } else {
      const within = spec.within ? parseDuration(spec.within) : undefined;
      const dueAt = within ? iso(advance(calendarOf(draft, state.calendar), within.kind, draft.now, within.ms)) : undefined;
      draft.effects.push({ type: 'requestFollowUp', state: stateId, ...(dueAt ? { dueAt } : {}) });
    }
  }
}

/**
 * Carries out leaving a state: withdraws its open referrals, drops its ladder and referral
 * colours, stops its clock.
 * @example
 * exitState(draft, 'mediation');
 */
export function exitState(draft: StepDraft, stateId: string): void {
  closeReferrals(draft, stateId, 'withdrawn');
  const referralIds = draft.snapshot.referrals.filter((r) => r.state === stateId).map((r) => r.id);
  dropStateCauses(draft, stateId, referralIds);
  stopClock(draft, stateId);
}

/**
 * Carries out entering a state: starts its clock and deadlines, opens its referral, emits its
 * entry effects, and closes the case when the state is final.
 * @example
 * enterState(draft, 'triage', 'accept');
 */
export function enterState(draft: StepDraft, stateId: string, event: string | null): void {
  const state = stateOf(draft.compiled, stateId);
  // A case being opened has no state yet.
  const from = draft.snapshot.state === '' ? null : draft.snapshot.state;
  draft.snapshot.state = stateId;
  draft.effects.push({ type: 'stateChanged', from, to: stateId, event });
  startClock(draft, state);
  openReferral(draft, state);
  emitEntryEffects(draft, stateId);
  if (state.definition.final) {
    draft.snapshot.status = 'closed';
    for (const referral of draft.snapshot.referrals) if (referral.status === 'awaiting') closeReferrals(draft, referral.state, 'withdrawn');
    cancelTimers(draft, () => true);
    draft.snapshot.clock = null;
    draft.effects.push({ type: 'caseClosed', state: stateId });
  }
}
