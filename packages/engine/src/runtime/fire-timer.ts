import { EngineError } from '../errors/index.js';
import { SYSTEM_ACTOR } from './actor.js';
import { checkEvent } from './check-event.js';
import { runTransition } from './run-transition.js';
import { raiseCause, settleWarning } from './settle-warning.js';
import type { ActiveTimer } from './snapshot.js';
import { BUILTIN_AGENCIES } from '../definition/validation/index.js';
import { localTime } from './local-time.js';
import { calendarOf, stateOf, type StepDraft } from './step-draft.js';

function fireWarning(draft: StepDraft, timer: ActiveTimer): void {
  const step = timer.step ?? 0;
  raiseCause(draft, { source: 'ladder', id: `${timer.state}#${step}`, level: timer.level ?? 'yellow' });
  const ladder = stateOf(draft.compiled, timer.state).definition.warnings?.[step];
  if (ladder?.notify) {
    const title = stateOf(draft.compiled, timer.state).definition.title;
    draft.effects.push({
      type: 'notify',
      to: ladder.notify,
      message: {
        zh: `「${title.zh}」已到预警时限 ${ladder.at}，预警等级：${timer.level === 'red' ? '红' : '黄'}`,
        en: `"${title.en}" reached its warning time ${ladder.at}; warning level: ${timer.level ?? 'yellow'}`,
      },
      reason: 'warning',
      state: timer.state,
    });
  }
  settleWarning(draft);
}

function fireReferral(draft: StepDraft, timer: ActiveTimer): void {
  const referral = draft.snapshot.referrals.find((r) => r.id === timer.ref);
  if (!referral || referral.status !== 'awaiting') return;
  referral.overdue = true;
  const spec = stateOf(draft.compiled, referral.state).definition.referral;
  raiseCause(draft, { source: 'referral', id: referral.id, level: spec?.overdueLevel ?? 'red' });
  const agency = draft.compiled.workflow.agencies?.[referral.agency]?.title ?? BUILTIN_AGENCIES[referral.agency]?.title ?? { zh: referral.agency, en: referral.agency };
  const state = stateOf(draft.compiled, referral.state);
  const due = localTime(calendarOf(draft, spec?.calendar ?? state.calendar), Date.parse(referral.replyDueAt));
  draft.effects.push({
    type: 'notify',
    to: spec?.notifyOverdue ?? { roles: ['supervisor'], assignee: true },
    message: {
      zh: `转办单位「${agency.zh}」未在答复期限 ${due} 前答复`,
      en: `${agency.en} has not replied by the deadline, ${due}`,
    },
    reason: 'referralOverdue',
    state: referral.state,
  });
  settleWarning(draft);
}

function fireTimeout(draft: StepDraft, timer: ActiveTimer): void {
  const event = { type: timer.ref ?? '' };
  try {
    // The system needs no role, but the timeout still honours the transition's condition and fields.
    checkEvent(draft.compiled, draft.snapshot, event, { ...SYSTEM_ACTOR, roles: ['system', ...draft.compiled.staffRoles] });
  } catch (error) {
    if (error instanceof EngineError && (error.code === 'CONDITION_FAILED' || error.code === 'MISSING_FIELDS')) {
      draft.effects.push({ type: 'slaBreached', state: timer.state, dueAt: timer.dueAt });
      return;
    }
    throw error;
  }
  runTransition(draft, event, SYSTEM_ACTOR);
}

/**
 * Carries out one due timer on a draft: a ladder step raises the colour, the SLA marks the
 * breach, a timeout sends its event, an overdue referral raises the colour and notifies.
 * @example
 * fireDueTimer(draft, timer);
 */
export function fireDueTimer(draft: StepDraft, timer: ActiveTimer): void {
  draft.snapshot.timers = draft.snapshot.timers.filter((t) => t.id !== timer.id);
  if (timer.kind === 'warning') fireWarning(draft, timer);
  else if (timer.kind === 'referral') fireReferral(draft, timer);
  else if (timer.kind === 'timeout') fireTimeout(draft, timer);
  else {
    if (draft.snapshot.clock && draft.snapshot.clock.state === timer.state) draft.snapshot.clock.breachedAt = timer.dueAt;
    draft.effects.push({ type: 'slaBreached', state: timer.state, dueAt: timer.dueAt });
  }
}
