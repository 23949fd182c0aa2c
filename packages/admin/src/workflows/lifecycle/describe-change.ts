import type { LocalizedText } from '../../api/types.js';
import { durationWords } from './duration-words.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Localize = (text: LocalizedText | null | undefined) => string;

/**
 * The parts of a workflow the change describer reads titles from (states, their transitions, fields).
 * @example
 * const shape: TitledWorkflow = { states: { triage: { title: { zh: '研判', en: 'Triage' }, transitions: [] } } };
 */
export interface TitledWorkflow {
  title?: LocalizedText;
  states?: Record<string, { title?: LocalizedText; transitions?: Array<{ event: string; label?: LocalizedText; target?: string }> }>;
  fields?: Record<string, { label?: LocalizedText }>;
  roles?: Record<string, { title?: LocalizedText }>;
  agencies?: Record<string, { title?: LocalizedText }>;
}

/**
 * One change in words: what kind of thing (a state, a transition, a field…), which one by its
 * title, which property, and its value before and after, ready for a side-by-side table.
 * @example
 * describeChange(change, { before, after, translate, l }).subject; // '环节「研判分流」'
 */
export interface DescribedChange {
  kind: 'added' | 'changed' | 'removed';
  path: string;
  subject: string;
  property: string;
  before: string;
  after: string;
}

// Properties a non-programmer recognises; anything else is shown by its own name.
const KNOWN_PROPERTIES = new Set([
  'title', 'description', 'roles', 'sla', 'warnings', 'onTimeout', 'referral', 'onEntry', 'final', 'locked', 'label', 'target', 'requires',
  'condition', 'separation', 'assign', 'clock', 'type', 'required', 'pii', 'options', 'min', 'max', 'maxLength', 'initial', 'calendar', 'category', 'public', 'name',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocalized(value: unknown): value is LocalizedText {
  return isRecord(value) && typeof value['zh'] === 'string' && typeof value['en'] === 'string' && Object.keys(value).length === 2;
}

/**
 * What describing a change needs: both versions (for titles), translate, and the localizer.
 * @example
 * const ctx: DescribeContext = { before: template, after: draft, translate, l };
 */
export interface DescribeContext {
  before: TitledWorkflow;
  after: TitledWorkflow;
  translate: Translate;
  l: Localize;
}

function stateTitle(id: string, ctx: DescribeContext): string {
  const title = ctx.after.states?.[id]?.title ?? ctx.before.states?.[id]?.title;
  return title ? ctx.l(title) : id;
}

function transitionOf(state: string, event: string, ctx: DescribeContext) {
  const find = (w: TitledWorkflow) => w.states?.[state]?.transitions?.find((t) => t.event === event);
  return find(ctx.after) ?? find(ctx.before);
}

/**
 * Renders a workflow value in words: durations as "5 个工作日", bilingual texts in the current
 * language, state ids by their titles, a whole state, transition or field by its title, and other
 * objects as short "property: value" lists.
 * @example
 * formatValue({ within: '5wd' }, ctx); // '5 个工作日'
 */
export function formatValue(value: unknown, ctx: DescribeContext, depth = 0): string {
  const { translate, l } = ctx;
  if (value === undefined || value === null) return '—';
  if (typeof value === 'boolean') return translate(value ? 'shuoshi.workflows.yes' : 'shuoshi.workflows.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const duration = durationWords(value, translate);
    if (duration) return duration;
    if (ctx.after.states?.[value] || ctx.before.states?.[value]) return `「${stateTitle(value, ctx)}」`;
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => formatValue(item, ctx, depth + 1)).join('、');
  if (!isRecord(value)) return String(value);
  if (isLocalized(value)) return l(value);
  if (typeof value['within'] === 'string' && Object.keys(value).every((k) => k === 'within' || k === 'calendar')) return formatValue(value['within'], ctx, depth);
  if (typeof value['event'] === 'string' && isLocalized(value['label'])) {
    const target = typeof value['target'] === 'string' ? ` → 「${stateTitle(value['target'], ctx)}」` : '';
    return `${l(value['label'])}${target}`;
  }
  if (isLocalized(value['title']) && Array.isArray(value['transitions'])) {
    const sla = isRecord(value['sla']) ? `；${translate('shuoshi.workflows.prop_sla')} ${formatValue(value['sla'], ctx, depth + 1)}` : '';
    const next = (value['transitions'] as unknown[]).map((t) => formatValue(t, ctx, depth + 1)).join('、');
    return `${l(value['title'])}${sla}${next ? `；${translate('shuoshi.workflows.next_steps', { steps: next })}` : ''}`;
  }
  if (isLocalized(value['label']) && typeof value['type'] === 'string') return `${l(value['label'])}（${translate(`shuoshi.workflows.field_type`, { type: value['type'] })}）`;
  if (isLocalized(value['title'])) return l(value['title']);
  if (depth > 2) return JSON.stringify(value);
  return Object.entries(value)
    .map(([key, item]) => `${propertyName(key, translate)}: ${formatValue(item, ctx, depth + 1)}`)
    .join('；');
}

function propertyName(key: string, translate: Translate): string {
  return KNOWN_PROPERTIES.has(key) ? translate(`shuoshi.workflows.prop_${key}`) : key;
}

function subjectOf(segments: ReadonlyArray<string | number>, ctx: DescribeContext): { subject: string; rest: ReadonlyArray<string | number> } {
  const { translate, l } = ctx;
  const [area, id, third, event, ...more] = segments.map(String);
  if (area === 'states' && id !== undefined) {
    if (third === 'transitions' && event !== undefined) {
      const transition = transitionOf(id, event, ctx);
      const label = transition?.label ? l(transition.label) : event;
      return { subject: translate('shuoshi.workflows.subject_transition', { state: stateTitle(id, ctx), label }), rest: more };
    }
    return { subject: translate('shuoshi.workflows.subject_state', { title: stateTitle(id, ctx) }), rest: segments.slice(2) };
  }
  if (area === 'fields' && id !== undefined) {
    const label = ctx.after.fields?.[id]?.label ?? ctx.before.fields?.[id]?.label;
    return { subject: translate('shuoshi.workflows.subject_field', { title: label ? l(label) : id }), rest: segments.slice(2) };
  }
  if ((area === 'roles' || area === 'agencies' || area === 'actions' || area === 'warningRules') && id !== undefined) {
    const name = area === 'roles' ? (ctx.after.roles?.[id]?.title ?? ctx.before.roles?.[id]?.title) : area === 'agencies' ? (ctx.after.agencies?.[id]?.title ?? ctx.before.agencies?.[id]?.title) : undefined;
    return { subject: translate(`shuoshi.workflows.subject_${area}`, { title: name ? l(name) : id }), rest: segments.slice(2) };
  }
  return { subject: translate('shuoshi.workflows.subject_workflow'), rest: segments };
}

/**
 * Puts one diff entry (or rebase conflict path) into words a union chair can read, using the
 * titles of both workflow versions.
 * @example
 * describeChange({ kind: 'changed', path: 'states.triage.sla', segments: ['states', 'triage', 'sla'], before: { within: '1wd' }, after: { within: '2wd' } }, ctx);
 * // { subject: '环节「研判分流」', property: '办理时限', before: '1 个工作日', after: '2 个工作日', … }
 */
export function describeChange(change: { kind: DescribedChange['kind']; path: string; segments?: ReadonlyArray<string | number>; before?: unknown; after?: unknown }, ctx: DescribeContext): DescribedChange {
  const segments = change.segments ?? change.path.split('.');
  const { subject, rest } = subjectOf(segments, ctx);
  const property = rest.length === 0 ? ctx.translate('shuoshi.workflows.whole') : rest.map((key) => propertyName(String(key), ctx.translate)).join(' › ');
  return { kind: change.kind, path: change.path, subject, property, before: formatValue(change.before, ctx), after: formatValue(change.after, ctx) };
}
