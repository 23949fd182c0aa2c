import type { PathSegment, Transition, Workflow } from '@shuoshi/engine';
import { issuePath, issuePlace, ISSUE_PARTS, partRef, transitionAt, workflowNames, type WorkflowNames } from './issue-place.js';
import { valueParam, type MessageParam, type MessageRef } from './message-ref.js';

/**
 * What a sentence is made from: the engine's code, path segments and quoted value.
 * @example
 * const issue: SentenceIssue = { code: 'DEAD_END', segments: ['states', 'stuck', 'transitions'], value: 'stuck' };
 */
export interface SentenceIssue {
  code: string;
  segments: readonly PathSegment[];
  value?: unknown;
}

/**
 * A validation issue as a whole sentence to render in the current language; `general` when the
 * sentence only says what kind of problem it is and where, so the engine's own message should
 * stay visible as the detail.
 * @example
 * const sentence: IssueSentence = { key: 'shuoshi.validation.dead_end', params: { state: '商会调解' }, general: false };
 */
export interface IssueSentence extends MessageRef {
  general: boolean;
}

interface Context {
  issue: SentenceIssue;
  path: PathSegment[];
  workflow: Workflow;
  names: WorkflowNames;
  locale: string;
  place: MessageRef;
  value: MessageParam;
  stateId: string | undefined;
  state: string;
  transition: Transition | undefined;
  event: string;
}

type Builder = (c: Context) => IssueSentence | undefined;

const CHOICE_TYPES: ReadonlySet<string> = new Set(['select', 'multiselect']);

function said(key: string, params: Record<string, MessageParam> = {}, general = false): IssueSentence {
  return { key, params, general };
}

function typeRef(type: unknown): MessageRef {
  return { key: `shuoshi.designer.field_type.${String(type)}`, fallback: String(type) };
}

function opRef(op: unknown): MessageRef {
  return { key: `shuoshi.designer.op.${String(op)}`, fallback: String(op) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Walks plain JSON by the path's keys and indexes (the draft has the validated workflow's shape).
function nodeAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isRecord(node) && typeof segment === 'string' && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

// The name of the key a SCHEMA issue says is missing, as its owner's part where the panel names it.
function missingItem(parent: PathSegment[], key: string): MessageParam {
  const kind = parent.length === 0 ? 'workflow'
    : parent.length === 2 && parent[0] === 'states' ? 'state'
      : parent.length === 4 && parent[2] === 'transitions' ? 'transition'
        : parent.length === 2 && parent[0] === 'fields' ? 'field'
          : parent.length === 2 && parent[0] === 'warningRules' ? 'rule' : undefined;
  return kind && (ISSUE_PARTS[kind] as readonly string[]).includes(key) ? partRef(kind, key) : key;
}

function conditionSentence(c: Context): IssueSentence {
  const at = c.path.findIndex((segment, i) => (segment === 'condition' && c.path[i - 2] === 'transitions') || (segment === 'when' && c.path[0] === 'warningRules'));
  const place = at < 0 ? c.place : issuePlace(c.path.slice(0, at + 1), c.workflow, c.locale);
  const last = c.path[c.path.length - 1];
  const end = last === 'op' || last === 'value' ? c.path.length - 1 : typeof last === 'number' && c.path[c.path.length - 2] === 'value' ? c.path.length - 2 : -1;
  const comparison = end < 0 ? undefined : nodeAt(c.workflow, c.path.slice(0, end));
  if (!isRecord(comparison) || typeof comparison['field'] !== 'string') return said('shuoshi.validation.condition_general', { place }, true);
  const fieldId = comparison['field'];
  const definition = Object.hasOwn(c.workflow.fields, fieldId) ? c.workflow.fields[fieldId] : undefined;
  const field = c.names.field(fieldId);
  const type = typeRef(definition?.type);
  if (last === 'op') return said('shuoshi.validation.condition_operator', { place, field, type, value: opRef(comparison['op']) });
  const op = opRef(comparison['op']);
  if (comparison['op'] === 'exists' || comparison['op'] === 'not_exists') return said('shuoshi.validation.condition_extra_value', { place, field, op, value: c.value });
  if (comparison['value'] === undefined) return said('shuoshi.validation.condition_no_value', { place, field, op });
  return said('shuoshi.validation.condition_value', { place, field, op, type, value: c.value }, true);
}

function fieldSentence(c: Context): IssueSentence {
  const [, id, sub, , leaf] = c.path;
  const fieldId = typeof id === 'string' ? id : '';
  const definition = Object.hasOwn(c.workflow.fields, fieldId) ? c.workflow.fields[fieldId] : undefined;
  const field = c.names.field(fieldId);
  const type = typeRef(definition?.type ?? c.issue.value);
  const bounds = isRecord(c.issue.value) ? c.issue.value : undefined;
  if (sub === 'options' && c.path.length === 3) {
    return CHOICE_TYPES.has(String(definition?.type ?? c.issue.value)) ? said('shuoshi.validation.field_no_options', { field, type }) : said('shuoshi.validation.field_extra_options', { field, type });
  }
  if (sub === 'options' && leaf === 'value') return said('shuoshi.validation.field_duplicate_option', { field, value: c.value });
  if (sub === 'maxLength') return said('shuoshi.validation.field_max_length', { field, type, value: c.value });
  if ((sub === 'min' || sub === 'max') && bounds) {
    const min = Number(bounds['min'] ?? 1);
    const max = Number(bounds['max'] ?? 5);
    if (definition?.type === 'rating' && (min < 1 || max > 5)) return said('shuoshi.validation.field_rating_range', { field });
    return said('shuoshi.validation.field_min_above_max', { field, min: String(bounds['min']), max: String(bounds['max']) });
  }
  if (sub === 'min' || sub === 'max') return said('shuoshi.validation.field_min_max_type', { field, type, value: c.value });
  return said('shuoshi.validation.field_general', { field }, true);
}

function referralSentence(c: Context): IssueSentence | undefined {
  if (!c.stateId) return undefined;
  const { state } = c;
  const referral = Object.hasOwn(c.workflow.states, c.stateId) ? c.workflow.states[c.stateId]?.referral : undefined;
  const last = c.path[c.path.length - 1];
  if (c.path.length === 3) {
    const both = isRecord(c.issue.value) && c.issue.value['agency'] !== undefined && c.issue.value['agencyField'] !== undefined;
    return said(both ? 'shuoshi.validation.referral_agency_both' : 'shuoshi.validation.referral_agency_none', { state });
  }
  if (last === 'agencyField') {
    if (Array.isArray(c.issue.value)) return said('shuoshi.validation.referral_field_options', { state, field: c.names.field(referral?.agencyField ?? ''), value: c.value });
    const fieldId = String(c.issue.value ?? referral?.agencyField ?? '');
    const definition = Object.hasOwn(c.workflow.fields, fieldId) ? c.workflow.fields[fieldId] : undefined;
    return said('shuoshi.validation.referral_field_type', { state, field: c.names.field(fieldId), type: typeRef(definition?.type) });
  }
  if (last === 'replyEvent') return said('shuoshi.validation.referral_reply_event', { state, value: c.value });
  if (last === 'returnEvent') {
    if (referral && c.issue.value === referral.replyEvent) return said('shuoshi.validation.referral_same_events', { state, value: c.value });
    return said('shuoshi.validation.referral_return_event', { state, value: c.value });
  }
  return said('shuoshi.validation.referral_general', { state }, true);
}

function timeoutSentence(c: Context): IssueSentence | undefined {
  if (!c.stateId) return undefined;
  const { state } = c;
  const last = c.path[c.path.length - 1];
  if (last === 'onTimeout') {
    const event = isRecord(c.issue.value) ? c.issue.value['event'] : undefined;
    return said('shuoshi.validation.timeout_untimed', { state, value: valueParam(event) });
  }
  if (last === 'event' && c.path[2] === 'onTimeout') return said('shuoshi.validation.timeout_event', { state, value: c.value });
  if (c.path[2] === 'transitions') return said('shuoshi.validation.timeout_needs_data', { state, event: c.event });
  return said('shuoshi.validation.timeout_general', { state }, true);
}

function durationSentence(c: Context): IssueSentence {
  const [, , sub, index] = c.path;
  const last = c.path[c.path.length - 1];
  const { state } = c;
  if (c.stateId && sub === 'warnings' && typeof index === 'number') {
    const n = index + 1;
    if (last === 'level') return said('shuoshi.validation.duration_level_falls', { state, n, value: { key: `shuoshi.warning.${String(c.issue.value)}`, fallback: String(c.issue.value) } });
    const sla = Object.hasOwn(c.workflow.states, c.stateId) ? c.workflow.states[c.stateId]?.sla : undefined;
    if (typeof c.issue.value === 'string' && c.issue.value.trim().endsWith('%') && !sla) return said('shuoshi.validation.duration_share_no_sla', { state, n, value: c.value });
    return said('shuoshi.validation.duration_not_rising', { state, n, value: c.value });
  }
  if (c.stateId && last === 'clock') {
    return said('shuoshi.validation.duration_clock_no_sla', { state, event: c.event, value: { key: `shuoshi.designer.transition.clock_${String(c.issue.value)}`, fallback: String(c.issue.value) } });
  }
  return said('shuoshi.validation.duration_general', { place: c.place }, true);
}

function schemaSentence(c: Context): IssueSentence {
  const last = c.path[c.path.length - 1];
  if (c.issue.value === undefined && typeof last === 'string') {
    const parent = c.path.slice(0, -1);
    return said('shuoshi.validation.schema_missing', { place: issuePlace(parent, c.workflow, c.locale), item: missingItem(parent, last) }, true);
  }
  // Keys the shape does not allow come as the list of them, at the object that has them.
  const node = nodeAt(c.workflow, c.path);
  const value = c.issue.value;
  if (Array.isArray(value) && value.length > 0 && isRecord(node) && value.every((key) => typeof key === 'string' && Object.hasOwn(node, key))) {
    return said('shuoshi.validation.schema_unknown_keys', { place: c.place, value: c.value }, true);
  }
  if (value !== undefined) return said('shuoshi.validation.schema_value', { place: c.place, value: c.value }, true);
  return said('shuoshi.validation.schema_general', { place: c.place }, true);
}

// A state's sentence only when the path names a state; otherwise the general sentence is truer.
const inState = (build: (c: Context) => IssueSentence): Builder => (c) => (c.stateId ? build(c) : undefined);

const BUILDERS: Record<string, Builder> = {
  UNKNOWN_TARGET: inState((c) => said('shuoshi.validation.unknown_target', { state: c.state, event: c.event, value: c.value })),
  UNKNOWN_INITIAL: (c) => said('shuoshi.validation.unknown_initial', { value: c.value }),
  UNREACHABLE_STATE: inState((c) => said('shuoshi.validation.unreachable_state', { state: c.state, initial: c.names.state(c.workflow.initial) })),
  NO_PATH_TO_FINAL: inState((c) => {
    const final = Object.entries(c.workflow.states).find(([, s]) => s.final)?.[0];
    return final === undefined ? said('shuoshi.validation.no_path_to_final_plain', { state: c.state }) : said('shuoshi.validation.no_path_to_final', { state: c.state, final: c.names.state(final) });
  }),
  DEAD_END: inState((c) => said('shuoshi.validation.dead_end', { state: c.state })),
  FINAL_WITH_TRANSITIONS: inState((c) => {
    const transitions = (c.stateId && Object.hasOwn(c.workflow.states, c.stateId) ? c.workflow.states[c.stateId]?.transitions : undefined) ?? [];
    const events: MessageParam = transitions.length > 0 ? { list: transitions.map((t) => c.names.event(t, t.event)) } : c.value;
    return said('shuoshi.validation.final_with_transitions', { state: c.state, events });
  }),
  NO_FINAL_STATE: (c) => {
    const last = Object.keys(c.workflow.states).at(-1);
    return last === undefined ? undefined : said('shuoshi.validation.no_final_state', { state: c.names.state(last) });
  },
  UNKNOWN_ROLE: (c) => said('shuoshi.validation.unknown_role', { place: c.place, value: c.value }),
  UNKNOWN_FIELD: (c) => said('shuoshi.validation.unknown_field', { place: c.place, value: c.value }),
  UNKNOWN_AGENCY: inState((c) => said('shuoshi.validation.unknown_agency', { state: c.state, value: c.value })),
  UNKNOWN_ACTION: inState((c) => said('shuoshi.validation.unknown_action', { state: c.state, value: c.value })),
  DUPLICATE_EVENT: inState((c) => said('shuoshi.validation.duplicate_event', { state: c.state, value: c.value })),
  BAD_DURATION: durationSentence,
  // The workflow's own calendar: "the workflow settings use…" reads better than naming the setting twice.
  UNKNOWN_CALENDAR: (c) => said('shuoshi.validation.unknown_calendar', { place: c.path.length === 1 ? { key: 'shuoshi.validation.place.workflow' } : c.place, value: c.value }),
  BAD_CONDITION: conditionSentence,
  REQUIRED_FIELD_UNDEFINED: inState((c) => said('shuoshi.validation.required_field_undefined', { state: c.state, event: c.event, value: c.value })),
  BAD_FIELD: (c) => (c.path[0] === 'fields' && typeof c.path[1] === 'string' ? fieldSentence(c) : undefined),
  BAD_REFERRAL: referralSentence,
  BAD_TIMEOUT: timeoutSentence,
  BAD_SEPARATION: inState((c) => said('shuoshi.validation.bad_separation', { state: c.state, event: c.event, value: c.value })),
  LOCKED_NODE: (c) => said('shuoshi.validation.locked_node', { place: c.place }),
  SCHEMA: schemaSentence,
  INCOMPLETE_NODE: (c) => said('shuoshi.validation.incomplete_node', { place: c.place }, true),
  MISSING_NODE: (c) => said('shuoshi.validation.missing_node', { place: c.place }),
  EXTENDS_MISMATCH: () => said('shuoshi.validation.extends_mismatch'),
};

// The transition an issue is about; for a wrong target, the one that actually has that target
// (the resolved workflow of an overlay may order transitions unlike the draft).
function transitionOf(issue: SentenceIssue, path: PathSegment[], workflow: Workflow, stateId: string | undefined): Transition | undefined {
  if (!stateId || path[2] !== 'transitions') return undefined;
  const found = transitionAt(workflow, stateId, path[3]);
  if (issue.code !== 'UNKNOWN_TARGET' || found?.target === issue.value) return found;
  return workflow.states[stateId]?.transitions.find((t) => t.target === issue.value) ?? found;
}

/**
 * Builds the sentence for a validation issue (or overlay conflict): an i18n key per code and
 * variant, with the state, event, field or rule named by its title in `locale` (the id when it has
 * none), the value quoted, and what to do; codes the panel has no sentence for get a general one.
 * @example
 * issueSentence({ code: 'UNKNOWN_TARGET', segments: ['states', 'triage', 'transitions', 2, 'target'], value: 'legal_aidd' }, workflow, 'zh-CN');
 * // { key: 'shuoshi.validation.unknown_target', params: { state: '研判分流', event: '升级', value: 'legal_aidd' }, general: false }
 */
export function issueSentence(issue: SentenceIssue, workflow: Workflow, locale: string): IssueSentence {
  const path = issuePath(issue.segments);
  const names = workflowNames(workflow, locale);
  const stateId = path[0] === 'states' && typeof path[1] === 'string' ? path[1] : undefined;
  const transition = transitionOf(issue, path, workflow, stateId);
  const place = issuePlace(path, workflow, locale);
  const context: Context = {
    issue, path, workflow, names, locale, place,
    value: valueParam(issue.value),
    stateId,
    state: stateId ? names.state(stateId) : '',
    transition,
    event: names.event(transition, path[2] === 'transitions' && path[3] !== undefined ? String(path[3]) : ''),
  };
  const built = BUILDERS[issue.code]?.(context);
  if (built) return built;
  return said('shuoshi.validation.general', { place, kind: { key: `shuoshi.designer.code.${issue.code}`, fallback: issue.code } }, true);
}
