import { parseDuration, type DurationKind } from '../duration.js';
import type { StateDefinition } from '../state.js';
import { parseLadderAt, WARNING_LEVELS, type LadderStep } from '../warning.js';
import type { Workflow } from '../workflow.js';
import { createIssue, quote } from './messages.js';
import type { ValidationIssue } from './validation-issue.js';

interface StepTime {
  kind: DurationKind;
  ms: number;
  at: string;
}

function checkLadder(id: string, state: StateDefinition, out: ValidationIssue[]): void {
  const sla = state.sla ? parseDuration(state.sla.within) : undefined;
  let previous: StepTime | undefined;
  let highest: LadderStep['level'] | undefined;
  state.warnings?.forEach((step, i) => {
    const at = ['states', id, 'warnings', i];
    const parsed = parseLadderAt(step.at);
    let time: StepTime | undefined;
    if (parsed && 'share' in parsed) {
      if (!sla) {
        out.push(createIssue('BAD_DURATION', [...at, 'at'],
          `Warning step ${quote(step.at)} of state ${quote(id)} is a share of the SLA, but the state has no "sla": add an sla (e.g. { "within": "5wd" }) or write a duration such as "2wd".`, step.at));
      } else time = { kind: sla.kind, ms: parsed.share * sla.ms, at: step.at };
    } else if (parsed) {
      const duration = parseDuration(parsed.duration);
      if (duration) time = { kind: duration.kind, ms: duration.ms, at: step.at };
    }
    // Natural and working time cannot be compared without a calendar: only order steps of one kind.
    if (time && previous && time.kind === previous.kind && time.ms <= previous.ms) {
      out.push(createIssue('BAD_DURATION', [...at, 'at'],
        `Warning step ${quote(step.at)} of state ${quote(id)} comes no later than the step before it (${quote(previous.at)}): order the ladder by rising time.`, step.at));
    }
    if (time) previous = time;
    if (highest && WARNING_LEVELS.indexOf(step.level) < WARNING_LEVELS.indexOf(highest)) {
      out.push(createIssue('BAD_DURATION', [...at, 'level'],
        `Warning step ${quote(step.at)} of state ${quote(id)} lowers the colour to ${quote(step.level)} after ${quote(highest)}: a ladder only rises, so use ${quote(highest)} or reorder the steps.`, step.level));
    } else highest = step.level;
  });
}

function checkClocks(id: string, state: StateDefinition, out: ValidationIssue[]): void {
  if (state.sla) return;
  state.transitions.forEach((transition, t) => {
    if (!transition.clock) return;
    out.push(createIssue('BAD_DURATION', ['states', id, 'transitions', t, 'clock'],
      `Transition ${quote(transition.event)} has "clock": ${quote(transition.clock)}, but state ${quote(id)} has no "sla" whose clock it could ${transition.clock}: add an sla, or remove "clock".`, transition.clock, 'warning'));
  });
}

/**
 * Checks durations beyond their syntax: warning ladders (a share needs an SLA, times rise, colours
 * never fall) and clock pauses in states without an SLA (a warning).
 * @example
 * checkDurations(workflow); // [] when every ladder rises
 */
export function checkDurations(workflow: Workflow): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const [id, state] of Object.entries(workflow.states)) {
    checkLadder(id, state, out);
    checkClocks(id, state, out);
  }
  return out;
}
