import { z } from 'zod';
import { conditionSchema } from './condition.js';
import { durationSchema } from './duration.js';
import { entryEffectSchema, recipientsSchema } from './effect-spec.js';
import { fieldOptionSchema, fieldSchema } from './field.js';
import { identifierSchema, workflowKeySchema } from './identifiers.js';
import { localizedTextSchema } from './localized-text.js';
import { overlaySchema, statePatchSchema, transitionPatchSchema } from './overlay.js';
import { referralSchema, separationSchema, stateSchema, timeoutSchema, transitionSchema } from './state.js';
import { ladderStepSchema, slaSchema, warningRuleSchema } from './warning.js';
import { namedEntrySchema, publicOptionsSchema, workflowRefSchema, workflowSchema } from './workflow.js';

/** Where the generated files would be published; `$id` only names the document, nothing fetches it. */
const SCHEMA_BASE_URI = 'https://shuoshi.dev/schemas/';

// A zod refinement has no JSON Schema form, so these patterns restate `parseDuration` and
// `parseLadderAt` for editors; json-schema.test.ts checks that they accept the same texts.
const DURATION_BODY = '(?!0{1,4}(?:\\.0{1,2})?(?:wd|wh|m|h|d)$)\\d{1,4}(?:\\.\\d{1,2})?(?:wd|wh|m|h|d)';
const PERCENT_BODY = '(?:0{0,2}[1-9]|0?[1-9]\\d|1\\d\\d|200)%';

/**
 * The pattern the JSON Schema gives durations (`5wd`, `8wh`, `3d`, `4h`, `30m`).
 * @example
 * new RegExp(DURATION_JSON_PATTERN, 'u').test('5wd'); // true
 */
export const DURATION_JSON_PATTERN = `^${DURATION_BODY}$`;

/**
 * The pattern the JSON Schema gives a ladder step's `at` (`80%` or a duration).
 * @example
 * new RegExp(LADDER_AT_JSON_PATTERN, 'u').test('80%'); // true
 */
export const LADDER_AT_JSON_PATTERN = `^(?:${PERCENT_BODY}|${DURATION_BODY})$`;

type Meta = z.core.JSONSchemaMeta;

/**
 * Metadata for the generator: `.describe()` / `.meta()` from the zod schemas (the global
 * registry) overlaid with the `$defs` names and texts this module gives, so that descriptions
 * added to definition/*.ts later flow into the files without a change here.
 */
class JsonSchemaRegistry extends z.core.$ZodRegistry<Meta> {
  override get<S extends z.core.$ZodType>(schema: S): z.core.$replace<Meta, S> | undefined {
    const global = z.globalRegistry.get(schema);
    const own = this._map.get(schema);
    if (!own) return global;
    return { ...global, ...own };
  }
}

function definitionsRegistry(): JsonSchemaRegistry {
  const registry = new JsonSchemaRegistry();
  const def = (schema: z.core.$ZodType, id: string, description: string, extra: Meta = {}): void => {
    registry.add(schema, { id, description, ...extra });
  };
  def(identifierSchema, 'Identifier', 'Lower snake case, starting with a letter, at most 64 characters, e.g. "legal_aid".');
  def(workflowKeySchema, 'WorkflowKey', 'Lower kebab case, starting with a letter, e.g. "union-grievance".');
  def(localizedTextSchema, 'LocalizedText', 'A bilingual text: Chinese (zh) and English (en), both non-empty.');
  def(
    durationSchema,
    'Duration',
    'A positive number (up to 2 decimals) and a unit: m (minutes), h (hours), d (days), wh (working hours), wd (working days), e.g. "5wd".',
    { pattern: DURATION_JSON_PATTERN },
  );
  def(workflowRefSchema, 'WorkflowRef', 'One published version of a workflow.');
  def(namedEntrySchema, 'NamedEntry', 'A declared role, agency or host action.');
  def(publicOptionsSchema, 'PublicOptions', 'What the workflow shows the public.');
  def(fieldSchema, 'Field', 'A field of the case form.');
  def(fieldOptionSchema, 'FieldOption', 'One option of a select or multiselect field.');
  def(
    conditionSchema,
    'Condition',
    'A condition as data: {field, op, value?}, or {all: [...]}, {any: [...]}, {not: condition}.',
  );
  def(recipientsSchema, 'Recipients', 'Who a notification goes to: roles of the case\'s tenant, the assignee, the worker.');
  def(entryEffectSchema, 'EntryEffect', 'An effect on entering the state: notify, requestFollowUp or a host action.');
  def(slaSchema, 'Sla', 'The time the state may take, on a business calendar.');
  def(ladderStepSchema, 'LadderStep', 'One step of the warning ladder: at this time the case turns this colour.');
  registry.add(ladderStepSchema.shape.at, { pattern: LADDER_AT_JSON_PATTERN });
  def(warningRuleSchema, 'WarningRule', 'While the condition holds on the case data, the case is at least this colour.');
  def(timeoutSchema, 'Timeout', 'The system sends this event when the time runs out.');
  def(referralSchema, 'Referral', 'A referral to an outside agency that owes a reply; give exactly one of agency and agencyField.');
  def(separationSchema, 'Separation', 'Rules that keep one person from both handling a case and checking it.');
  def(transitionSchema, 'Transition', 'An event the state accepts, who may send it and what it needs.');
  def(stateSchema, 'State', 'A state of the case.');
  def(statePatchSchema, 'StatePatch', 'A change to a template state: keys given replace the template\'s; transitions are patched by event name.');
  def(transitionPatchSchema, 'TransitionPatch', 'A change to a template transition: keys given replace the template\'s.');
  def(
    overlaySchema.shape.fields.unwrap().valueType.unwrap(),
    'FieldPatch',
    'A change to a template field: keys given replace the template\'s; a new field must be complete (type and label).',
  );
  def(
    overlaySchema.shape.warningRules.unwrap().valueType.unwrap(),
    'WarningRulePatch',
    'A change to a template warning rule: keys given replace the template\'s; a new rule needs when and level.',
  );
  registry.add(workflowSchema, {
    $id: `${SCHEMA_BASE_URI}workflow.schema.json`,
    title: 'Shuoshi workflow',
    description:
      'A complete Shuoshi (说事) case workflow: case form fields, states, transitions, SLAs, warnings and referrals. Reference: docs/workflow-language.md.',
  });
  registry.add(overlaySchema, {
    $id: `${SCHEMA_BASE_URI}overlay.schema.json`,
    title: 'Shuoshi workflow overlay',
    description:
      'A township overlay on a published template version: entries given are merged onto the template\'s, null removes one. Reference: docs/workflow-language.md.',
  });
  return registry;
}

function generate(schema: z.ZodType): Record<string, unknown> {
  // `io: 'input'` describes what authors write; `cycles: 'ref'` turns the recursive condition
  // into a `$defs` reference instead of throwing.
  const generated: Record<string, unknown> = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    cycles: 'ref',
    metadata: definitionsRegistry(),
  });
  // The document's own keys first, so the file reads top-down.
  const { $schema, $id, title, description, $defs, ...rest } = generated;
  const sortedDefs = Object.fromEntries(Object.entries($defs ?? {}).sort(([a], [b]) => a.localeCompare(b)));
  return { $schema, $id, title, description, ...rest, $defs: sortedDefs };
}

/**
 * The JSON Schema (draft 2020-12) of a workflow document, built from `workflowSchema`.
 * @example
 * const schema = workflowJsonSchema(); // schema.$defs.State.additionalProperties === false
 */
export function workflowJsonSchema(): Record<string, unknown> {
  return generate(workflowSchema);
}

/**
 * The JSON Schema (draft 2020-12) of an overlay document, built from `overlaySchema`.
 * @example
 * const schema = overlayJsonSchema(); // schema.required includes 'extends'
 */
export function overlayJsonSchema(): Record<string, unknown> {
  return generate(overlaySchema);
}

/**
 * The generated files, by name relative to packages/engine, as they are committed: pretty-printed
 * with a trailing newline.
 * @example
 * for (const [name, text] of Object.entries(jsonSchemaFiles())) writeFileSync(name, text);
 */
export function jsonSchemaFiles(): Record<string, string> {
  const render = (schema: Record<string, unknown>): string => `${JSON.stringify(schema, null, 2)}\n`;
  return {
    'workflow.schema.json': render(workflowJsonSchema()),
    'overlay.schema.json': render(overlayJsonSchema()),
  };
}
