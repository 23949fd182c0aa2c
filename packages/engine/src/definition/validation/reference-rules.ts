import type { Recipients } from '../effect-spec.js';
import { BUILTIN_ROLES, PSEUDO_ROLES } from '../identifiers.js';
import type { Workflow } from '../workflow.js';
import { createIssue, didYouMean, listNames, quote } from './messages.js';
import { isFieldKnown, type ValidationContext } from './validation-context.js';
import type { PathSegment, ValidationIssue } from './validation-issue.js';

function roleIssues(roles: readonly string[] | undefined, at: PathSegment[], context: ValidationContext, out: ValidationIssue[]): void {
  if (!roles || context.gaps.unreadable.has('roles')) return;
  roles.forEach((role, i) => {
    if (context.roles.has(role)) return;
    out.push(createIssue('UNKNOWN_ROLE', [...at, i],
      `Role ${quote(role)} is not known.${didYouMean(role, context.roles)} Use a built-in role (${listNames(BUILTIN_ROLES, 8)}), a pseudo role (${listNames(PSEUDO_ROLES)}), or declare ${quote(role)} under "roles".`, role));
  });
}

function recipientIssues(to: Recipients | undefined, at: PathSegment[], context: ValidationContext, out: ValidationIssue[]): void {
  if (to?.roles) roleIssues(to.roles, [...at, 'roles'], context, out);
}

function calendarIssue(name: string | undefined, at: PathSegment[], context: ValidationContext, out: ValidationIssue[]): void {
  if (name === undefined || context.calendars.has(name)) return;
  out.push(createIssue('UNKNOWN_CALENDAR', at,
    `Calendar ${quote(name)} is not known.${didYouMean(name, context.calendars)} Use one of ${listNames(context.calendars)}, or register ${quote(name)} with the host (createEngine({ calendars })).`, name));
}

/**
 * Checks names a workflow refers to: roles (states, transitions, recipients), host actions,
 * calendars, fields a transition requires, and events named by separation of duties.
 * @example
 * checkReferences(workflow, createValidationContext(workflow)); // [] when every name is known
 */
export function checkReferences(workflow: Workflow, context: ValidationContext): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  calendarIssue(workflow.calendar, ['calendar'], context, out);
  for (const [id, state] of Object.entries(workflow.states)) {
    const at: PathSegment[] = ['states', id];
    roleIssues(state.roles, [...at, 'roles'], context, out);
    calendarIssue(state.sla?.calendar, [...at, 'sla', 'calendar'], context, out);
    calendarIssue(state.referral?.calendar, [...at, 'referral', 'calendar'], context, out);
    recipientIssues(state.referral?.notifyOverdue, [...at, 'referral', 'notifyOverdue'], context, out);
    state.warnings?.forEach((step, i) => recipientIssues(step.notify, [...at, 'warnings', i, 'notify'], context, out));
    state.onEntry?.forEach((effect, i) => {
      if (effect.type === 'notify') recipientIssues(effect.to, [...at, 'onEntry', i, 'to'], context, out);
      if (effect.type === 'action' && !context.actions.has(effect.name) && !context.gaps.unreadable.has('actions')) {
        out.push(createIssue('UNKNOWN_ACTION', [...at, 'onEntry', i, 'name'],
          `Action ${quote(effect.name)} in the entry effects of state ${quote(id)} is not known.${didYouMean(effect.name, context.actions)} Declare it under "actions", or register it with the host (createEngine({ actions })).`, effect.name));
      }
    });
    state.transitions.forEach((transition, t) => {
      const tAt: PathSegment[] = [...at, 'transitions', t];
      roleIssues(transition.roles, [...tAt, 'roles'], context, out);
      transition.requires?.forEach((field, r) => {
        if (isFieldKnown(workflow, context, field)) return;
        out.push(createIssue('REQUIRED_FIELD_UNDEFINED', [...tAt, 'requires', r],
          `Transition ${quote(transition.event)} of state ${quote(id)} requires field ${quote(field)}, which is not defined.${didYouMean(field, Object.keys(workflow.fields))} Define ${quote(field)} under "fields", or remove it from "requires".`, field));
      });
      transition.clear?.forEach((field, c) => {
        if (isFieldKnown(workflow, context, field)) return;
        out.push(createIssue('UNKNOWN_FIELD', [...tAt, 'clear', c],
          `Transition ${quote(transition.event)} of state ${quote(id)} clears field ${quote(field)}, which is not defined.${didYouMean(field, Object.keys(workflow.fields))} Name a field defined under "fields", or remove it from "clear".`, field));
      });
      transition.separation?.notActorOf?.forEach((event, e) => {
        if (context.events.has(event) || context.gaps.graphIncomplete) return;
        out.push(createIssue('BAD_SEPARATION', [...tAt, 'separation', 'notActorOf', e],
          `Separation of duties on ${quote(transition.event)} in state ${quote(id)} names event ${quote(event)}, which no state accepts.${didYouMean(event, context.events)} Name an event of this workflow in "notActorOf".`, event));
      });
    });
  }
  for (const [id, rule] of Object.entries(workflow.warningRules ?? {})) {
    recipientIssues(rule.notify, ['warningRules', id, 'notify'], context, out);
  }
  return out;
}
