import type { z } from 'zod';
import { fieldSchema, type FieldDefinition } from '../field.js';
import { identifierSchema, workflowKeySchema } from '../identifiers.js';
import { localizedTextSchema, type LocalizedText } from '../localized-text.js';
import { stateSchema, transitionSchema, type StateDefinition, type Transition } from '../state.js';
import { warningRuleSchema, type WarningRule } from '../warning.js';
import { namedEntrySchema, workflowSchema, type Workflow } from '../workflow.js';

/**
 * Parts of a workflow that could not be read, so rules depending on them stay silent.
 * @example
 * if (gaps.lossyStates.has('triage')) return; // its transitions are not all known
 */
export interface ShapeGaps {
  /** Top-level collections that are not objects at all. */
  unreadable: Set<'roles' | 'agencies' | 'actions' | 'fields' | 'states' | 'warningRules'>;
  /** Fields that exist but whose definition (its type) could not be read. */
  opaqueFields: Set<string>;
  /** A transition, its event or target, a transitions list or a `final` flag was lost. */
  graphIncomplete: boolean;
  /** The states that lost one of those. */
  lossyStates: Set<string>;
  /** `initial` could not be read. */
  initialUnknown: boolean;
}

type NamedEntry = z.infer<typeof namedEntrySchema>;
const PLACEHOLDER: LocalizedText = { zh: '?', en: '?' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

// Copies each listed key whose value passes its own schema, so one bad key does not hide the rest.
function copyValid<S extends Record<string, z.ZodType>, K extends keyof S & string>(
  into: { [P in K]?: z.output<S[P]> },
  shape: S,
  raw: Record<string, unknown>,
  keys: readonly K[],
): void {
  for (const key of keys) {
    if (raw[key] === undefined) continue;
    const schema: S[K] = shape[key];
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) into[key] = parsed.data;
  }
}

function markLoss(gaps: ShapeGaps, stateId: string): void {
  gaps.graphIncomplete = true;
  gaps.lossyStates.add(stateId);
}

function salvageTransition(stateId: string, raw: unknown, gaps: ShapeGaps): Transition | undefined {
  const strict = pick(transitionSchema, raw);
  if (strict) return strict;
  const event = isObject(raw) ? pick(identifierSchema, raw.event) : undefined;
  if (!isObject(raw) || event === undefined) {
    markLoss(gaps, stateId);
    return undefined;
  }
  const transition: Transition = { event, label: pick(localizedTextSchema, raw.label) ?? PLACEHOLDER };
  if (raw.target !== undefined && pick(identifierSchema, raw.target) === undefined) markLoss(gaps, stateId);
  copyValid(transition, transitionSchema.shape, raw, ['target', 'roles', 'requires', 'clear', 'condition', 'separation', 'assign', 'clock']);
  return transition;
}

function salvageState(id: string, raw: unknown, gaps: ShapeGaps): StateDefinition {
  const strict = pick(stateSchema, raw);
  if (strict) return strict;
  if (!isObject(raw)) {
    markLoss(gaps, id);
    return { title: PLACEHOLDER, transitions: [] };
  }
  let transitions: Transition[] = [];
  if (Array.isArray(raw.transitions)) {
    transitions = raw.transitions.flatMap((item) => salvageTransition(id, item, gaps) ?? []);
  } else markLoss(gaps, id);
  if (raw.final !== undefined && typeof raw.final !== 'boolean') markLoss(gaps, id);
  const state: StateDefinition = { title: pick(localizedTextSchema, raw.title) ?? PLACEHOLDER, transitions };
  copyValid(state, stateSchema.shape, raw, ['description', 'roles', 'sla', 'warnings', 'onTimeout', 'referral', 'onEntry', 'tags', 'final', 'locked']);
  return state;
}

function salvageField(id: string, raw: unknown, gaps: ShapeGaps): FieldDefinition | undefined {
  const strict = pick(fieldSchema, raw);
  if (strict) return strict;
  const type = isObject(raw) ? pick(fieldSchema.shape.type, raw.type) : undefined;
  if (!isObject(raw) || type === undefined) {
    gaps.opaqueFields.add(id);
    return undefined;
  }
  const field: FieldDefinition = { type, label: pick(localizedTextSchema, raw.label) ?? PLACEHOLDER };
  copyValid(field, fieldSchema.shape, raw, ['description', 'required', 'pii', 'options', 'min', 'max', 'maxLength', 'locked']);
  return field;
}

function salvageWarningRule(raw: unknown): WarningRule | undefined {
  const strict = pick(warningRuleSchema, raw);
  if (strict) return strict;
  const when = isObject(raw) ? pick(warningRuleSchema.shape.when, raw.when) : undefined;
  if (!isObject(raw) || when === undefined) return undefined;
  const rule: WarningRule = { when, level: pick(warningRuleSchema.shape.level, raw.level) ?? 'yellow' };
  copyValid(rule, warningRuleSchema.shape, raw, ['title', 'notify']);
  return rule;
}

function salvageRecord<T>(
  raw: unknown,
  name: 'roles' | 'agencies' | 'actions' | 'fields' | 'states' | 'warningRules',
  gaps: ShapeGaps,
  salvage: (id: string, value: unknown) => T | undefined,
): Record<string, T> | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    gaps.unreadable.add(name);
    return undefined;
  }
  const out: Record<string, T> = {};
  for (const [id, value] of Object.entries(raw)) {
    const entry = salvage(id, value);
    if (entry !== undefined) out[id] = entry;
  }
  return out;
}

/**
 * Reads whatever parts of an ill-shaped workflow document are shaped well enough for the semantic
 * rules (per field, state and transition), noting what was lost; `undefined` when it is not an object.
 * @example
 * const salvaged = salvageWorkflow(json);
 * if (salvaged) runRules(salvaged.workflow, salvaged.gaps);
 */
export function salvageWorkflow(raw: unknown): { workflow: Workflow; gaps: ShapeGaps } | undefined {
  if (!isObject(raw)) return undefined;
  const gaps: ShapeGaps = { unreadable: new Set(), opaqueFields: new Set(), graphIncomplete: false, lossyStates: new Set(), initialUnknown: false };
  const initial = pick(identifierSchema, raw.initial);
  if (initial === undefined) gaps.initialUnknown = true;
  const named = (id: string, value: unknown): NamedEntry => pick(namedEntrySchema, value) ?? { title: PLACEHOLDER };
  const states = salvageRecord(raw.states, 'states', gaps, (id, value) => salvageState(id, value, gaps));
  if (states === undefined) gaps.graphIncomplete = true;
  const workflow: Workflow = {
    key: pick(workflowKeySchema, raw.key) ?? 'unreadable',
    version: pick(workflowSchema.shape.version, raw.version) ?? 1,
    title: pick(localizedTextSchema, raw.title) ?? PLACEHOLDER,
    initial: initial ?? '',
    fields: salvageRecord(raw.fields, 'fields', gaps, (id, value) => salvageField(id, value, gaps)) ?? {},
    states: states ?? {},
  };
  const roles = salvageRecord(raw.roles, 'roles', gaps, named);
  const agencies = salvageRecord(raw.agencies, 'agencies', gaps, named);
  const actions = salvageRecord(raw.actions, 'actions', gaps, named);
  const warningRules = salvageRecord(raw.warningRules, 'warningRules', gaps, (_id, value) => salvageWarningRule(value));
  if (roles) workflow.roles = roles;
  if (agencies) workflow.agencies = agencies;
  if (actions) workflow.actions = actions;
  if (warningRules) workflow.warningRules = warningRules;
  copyValid(workflow, workflowSchema.shape, raw, ['description', 'category', 'extends', 'calendar', 'public']);
  return { workflow, gaps };
}
