import { WARNING_LEVELS, type WarningLevel } from '../definition/index.js';
import { evaluateCondition } from './evaluate-condition.js';
import type { WarningCause } from './snapshot.js';
import type { StepDraft } from './step-draft.js';

/**
 * Returns the highest colour among warning causes, green when there are none.
 * @example
 * highestLevel([{ source: 'rule', id: 'many_workers', level: 'red' }]); // 'red'
 */
export function highestLevel(causes: readonly WarningCause[]): WarningLevel {
  let index = 0;
  for (const cause of causes) index = Math.max(index, WARNING_LEVELS.indexOf(cause.level));
  return WARNING_LEVELS[index] ?? 'green';
}

/**
 * Adds (or raises) one warning cause in the draft; the colour itself is settled at the end of the step.
 * @example
 * raiseCause(draft, { source: 'ladder', id: 'triage#0', level: 'yellow' });
 */
export function raiseCause(draft: StepDraft, cause: WarningCause): void {
  const causes = draft.snapshot.warningCauses.filter((c) => !(c.source === cause.source && c.id === cause.id));
  causes.push(cause);
  draft.snapshot.warningCauses = causes;
}

/**
 * Drops the ladder and referral causes that belong to a state being left.
 * @example
 * dropStateCauses(draft, 'mediation', ['mediation.4']);
 */
export function dropStateCauses(draft: StepDraft, state: string, referralIds: readonly string[]): void {
  draft.snapshot.warningCauses = draft.snapshot.warningCauses.filter(
    (c) => !(c.source === 'ladder' && c.id.startsWith(`${state}#`)) && !(c.source === 'referral' && referralIds.includes(c.id)),
  );
}

/**
 * Re-evaluates the workflow's data rules, then sets the case's colour to the highest cause and
 * emits `warningChanged` (and a rule's notification when it starts to hold) if anything moved.
 * @example
 * settleWarning(draft); // at the end of every step
 */
export function settleWarning(draft: StepDraft): void {
  const snapshot = draft.snapshot;
  const rules = draft.compiled.workflow.warningRules ?? {};
  const before = new Set(snapshot.warningCauses.filter((c) => c.source === 'rule').map((c) => c.id));
  const kept = snapshot.warningCauses.filter((c) => c.source !== 'rule');
  for (const [id, rule] of Object.entries(rules)) {
    if (!evaluateCondition(rule.when, snapshot.data)) continue;
    kept.push({ source: 'rule', id, level: rule.level });
    if (!before.has(id) && rule.notify) {
      draft.effects.push({
        type: 'notify',
        to: rule.notify,
        message: rule.title ?? { zh: `预警规则 ${id} 触发`, en: `Warning rule ${id} holds` },
        reason: 'rule',
        state: snapshot.state,
      });
    }
  }
  snapshot.warningCauses = kept;
  const level = highestLevel(kept);
  if (level !== snapshot.warning) {
    draft.effects.push({ type: 'warningChanged', from: snapshot.warning, to: level, causes: kept.map((c) => ({ ...c })) });
    snapshot.warning = level;
  }
}
