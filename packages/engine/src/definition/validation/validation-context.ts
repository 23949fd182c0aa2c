import { BUILTIN_ROLES, PSEUDO_ROLES } from '../identifiers.js';
import type { Workflow } from '../workflow.js';
import { BUILTIN_AGENCIES } from './builtin-agencies.js';
import type { ShapeGaps } from './salvage-workflow.js';

/**
 * What the host knows besides the workflow itself.
 * @example
 * validateWorkflow(json, { calendars: ['cn-mainland', 'natural', 'ninghai'], actions: ['send_sms'] });
 */
export interface ValidateOptions {
  /** Known calendar names; `['cn-mainland', 'natural']` when omitted. */
  calendars?: string[];
  /** Host-registered action names, known in addition to `workflow.actions`. */
  actions?: string[];
  /** Host-known agencies, in addition to `workflow.agencies` and `BUILTIN_AGENCIES`. */
  agencies?: string[];
  /** Host-known roles, in addition to the built-in, pseudo and declared roles. */
  roles?: string[];
}

/**
 * Everything the rules look names up in, plus what the shape check could not read.
 * @example
 * const context = createValidationContext(workflow, {});
 * context.roles.has('mediator'); // true
 */
export interface ValidationContext {
  roles: ReadonlySet<string>;
  agencies: ReadonlySet<string>;
  actions: ReadonlySet<string>;
  calendars: ReadonlySet<string>;
  /** Every event any state accepts. */
  events: ReadonlySet<string>;
  gaps: ShapeGaps;
}

/**
 * The calendars a workflow may name when the host does not say.
 * @example
 * DEFAULT_CALENDARS; // ['cn-mainland', 'natural']
 */
export const DEFAULT_CALENDARS: readonly string[] = ['cn-mainland', 'natural'];

/**
 * Builds the lookup sets the rules share, from the workflow, the host's options and the shape gaps.
 * @example
 * const context = createValidationContext(workflow, { actions: ['send_sms'] });
 */
export function createValidationContext(workflow: Workflow, options: ValidateOptions = {}, gaps?: ShapeGaps): ValidationContext {
  const events = new Set<string>();
  for (const state of Object.values(workflow.states)) for (const t of state.transitions) events.add(t.event);
  return {
    roles: new Set([...BUILTIN_ROLES, ...PSEUDO_ROLES, ...Object.keys(workflow.roles ?? {}), ...(options.roles ?? [])]),
    agencies: new Set([...Object.keys(BUILTIN_AGENCIES), ...Object.keys(workflow.agencies ?? {}), ...(options.agencies ?? [])]),
    actions: new Set([...Object.keys(workflow.actions ?? {}), ...(options.actions ?? [])]),
    calendars: new Set(options.calendars ?? DEFAULT_CALENDARS),
    events,
    gaps: gaps ?? { unreadable: new Set(), opaqueFields: new Set(), graphIncomplete: false, lossyStates: new Set(), initialUnknown: false },
  };
}

/**
 * Tells whether a field name may be referenced: it is defined, or its definition could not be read
 * (the shape error already says so).
 * @example
 * isFieldKnown(workflow, context, 'category'); // true
 */
export function isFieldKnown(workflow: Workflow, context: ValidationContext, id: string): boolean {
  return Object.hasOwn(workflow.fields, id) || context.gaps.opaqueFields.has(id) || context.gaps.unreadable.has('fields');
}
