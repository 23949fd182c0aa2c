import { parseDuration, parseLadderAt, type DurationKind, type StateDefinition } from '../definition/index.js';
import type { TimerKind } from '../runtime/snapshot.js';

/**
 * A deadline a state sets when it is entered, measured on the state's clock (pauses excluded).
 * @example
 * const t: ClockTarget = { suffix: 'warn0', timerKind: 'warning', kind: 'working_day', ms: 345_600_000, level: 'yellow', step: 0 };
 */
export interface ClockTarget {
  suffix: string;
  timerKind: Exclude<TimerKind, 'referral'>;
  kind: DurationKind;
  ms: number;
  level?: 'yellow' | 'red';
  step?: number;
  ref?: string;
}

/**
 * Lists the deadlines a state's SLA, warning ladder and timeout set, in the order they fall
 * when they share a time kind.
 * @example
 * stateTargets({ title, sla: { within: '5wd' }, warnings: [{ at: '80%', level: 'yellow' }], transitions: [] });
 */
export function stateTargets(state: StateDefinition): ClockTarget[] {
  const targets: ClockTarget[] = [];
  const sla = state.sla ? parseDuration(state.sla.within) : undefined;
  (state.warnings ?? []).forEach((step, index) => {
    const at = parseLadderAt(step.at);
    if (!at) return;
    if ('share' in at) {
      if (!sla) return;
      targets.push({ suffix: `warn${index}`, timerKind: 'warning', kind: sla.kind, ms: Math.round(sla.ms * at.share), level: step.level, step: index });
    } else {
      const duration = parseDuration(at.duration);
      if (duration) targets.push({ suffix: `warn${index}`, timerKind: 'warning', kind: duration.kind, ms: duration.ms, level: step.level, step: index });
    }
  });
  if (sla) targets.push({ suffix: 'sla', timerKind: 'sla', kind: sla.kind, ms: sla.ms });
  if (state.onTimeout) {
    const after = state.onTimeout.after ? parseDuration(state.onTimeout.after) : sla;
    if (after) targets.push({ suffix: 'timeout', timerKind: 'timeout', kind: after.kind, ms: after.ms, ref: state.onTimeout.event });
  }
  return targets;
}
