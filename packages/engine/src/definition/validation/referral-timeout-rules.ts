import type { StateDefinition } from '../state.js';
import type { Workflow } from '../workflow.js';
import { createIssue, didYouMean, listNames, quote } from './messages.js';
import { isFieldKnown, type ValidationContext } from './validation-context.js';
import type { PathSegment, ValidationIssue } from './validation-issue.js';

function eventIssue(
  code: 'BAD_REFERRAL' | 'BAD_TIMEOUT',
  what: string,
  event: string | undefined,
  id: string,
  state: StateDefinition,
  at: PathSegment[],
  context: ValidationContext,
  out: ValidationIssue[],
): void {
  if (event === undefined || context.gaps.lossyStates.has(id)) return;
  const events = state.transitions.map((t) => t.event);
  if (events.includes(event)) return;
  out.push(createIssue(code, at,
    `${what} ${quote(event)} is not a transition of state ${quote(id)}.${didYouMean(event, events)} Add a transition ${quote(event)} to ${quote(id)}, or name one of ${listNames(events)}.`, event));
}

function checkReferral(workflow: Workflow, id: string, state: StateDefinition, context: ValidationContext, out: ValidationIssue[]): void {
  const referral = state.referral;
  if (!referral) return;
  const at: PathSegment[] = ['states', id, 'referral'];
  if ((referral.agency === undefined) === (referral.agencyField === undefined)) {
    const both = referral.agency !== undefined;
    out.push(createIssue('BAD_REFERRAL', at,
      both
        ? `The referral of state ${quote(id)} names both agency ${quote(referral.agency)} and agencyField ${quote(referral.agencyField)}: keep exactly one (a fixed agency, or a select field that picks it).`
        : `The referral of state ${quote(id)} names no agency: add "agency" (e.g. "court") or "agencyField" (a select field whose options are agencies).`,
      { agency: referral.agency, agencyField: referral.agencyField }));
  }
  if (referral.agency !== undefined && !context.agencies.has(referral.agency) && !context.gaps.unreadable.has('agencies')) {
    out.push(createIssue('UNKNOWN_AGENCY', [...at, 'agency'],
      `Agency ${quote(referral.agency)} is not known.${didYouMean(referral.agency, context.agencies)} Use a built-in agency (${listNames(context.agencies, 6)}), one the host registers, or declare it under "agencies".`, referral.agency));
  }
  const fieldName = referral.agencyField;
  if (fieldName !== undefined) {
    const field = Object.hasOwn(workflow.fields, fieldName) ? workflow.fields[fieldName] : undefined;
    if (!isFieldKnown(workflow, context, fieldName)) {
      out.push(createIssue('UNKNOWN_FIELD', [...at, 'agencyField'],
        `The referral of state ${quote(id)} takes its agency from field ${quote(fieldName)}, which is not defined.${didYouMean(fieldName, Object.keys(workflow.fields))} Define a select field ${quote(fieldName)} whose options are agencies.`, fieldName));
    } else if (field && field.type !== 'select') {
      out.push(createIssue('BAD_REFERRAL', [...at, 'agencyField'],
        `The referral of state ${quote(id)} takes its agency from field ${quote(fieldName)}, which is a ${quote(field.type)}: use a "select" field whose option values are agencies.`, fieldName));
    } else if (field && !context.gaps.unreadable.has('agencies')) {
      const unknown = (field.options ?? []).map((o) => o.value).filter((value) => !context.agencies.has(value));
      if (unknown.length > 0) {
        out.push(createIssue('BAD_REFERRAL', [...at, 'agencyField'],
          `The referral of state ${quote(id)} takes its agency from field ${quote(fieldName)}, whose options ${listNames(unknown)} are not known agencies: use agency identifiers as option values, or declare them under "agencies".`, unknown));
      }
    }
  }
  eventIssue('BAD_REFERRAL', 'The referral reply event', referral.replyEvent, id, state, [...at, 'replyEvent'], context, out);
  eventIssue('BAD_REFERRAL', 'The referral return event', referral.returnEvent, id, state, [...at, 'returnEvent'], context, out);
  if (referral.returnEvent !== undefined && referral.returnEvent === referral.replyEvent) {
    out.push(createIssue('BAD_REFERRAL', [...at, 'returnEvent'],
      `The referral of state ${quote(id)} uses ${quote(referral.returnEvent)} both for the reply and for the return: use two different events, or leave "returnEvent" out.`, referral.returnEvent));
  }
}

function checkTimeout(id: string, state: StateDefinition, context: ValidationContext, out: ValidationIssue[]): void {
  const timeout = state.onTimeout;
  if (!timeout) return;
  const at: PathSegment[] = ['states', id, 'onTimeout'];
  if (timeout.after === undefined && state.sla === undefined) {
    out.push(createIssue('BAD_TIMEOUT', at,
      `State ${quote(id)} sends ${quote(timeout.event)} on timeout but has neither "after" nor an SLA to time it: add "after" (e.g. "15wd") or an "sla".`, timeout));
  }
  eventIssue('BAD_TIMEOUT', 'The timeout event', timeout.event, id, state, [...at, 'event'], context, out);
  const t = state.transitions.findIndex((candidate) => candidate.event === timeout.event);
  const transition = state.transitions[t];
  if (transition && (transition.requires?.length || transition.condition)) {
    out.push(createIssue('BAD_TIMEOUT', ['states', id, 'transitions', t],
      `The timeout event ${quote(timeout.event)} of state ${quote(id)} has ${transition.condition ? 'a condition' : `required fields (${listNames(transition.requires ?? [])})`}: when time runs out the system sends it without data, so it may be refused; make sure the case data already satisfies it.`, timeout.event, 'warning'));
  }
}

/**
 * Checks referrals (exactly one of agency / agencyField, known agencies, reply and return events
 * that are transitions of the state) and timeouts (a timed event of the same state).
 * @example
 * checkReferralsAndTimeouts(workflow, createValidationContext(workflow)); // []
 */
export function checkReferralsAndTimeouts(workflow: Workflow, context: ValidationContext): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const [id, state] of Object.entries(workflow.states)) {
    checkReferral(workflow, id, state, context, out);
    checkTimeout(id, state, context, out);
  }
  return out;
}
