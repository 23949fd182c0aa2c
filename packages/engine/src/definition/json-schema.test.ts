import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';
import {
  DURATION_JSON_PATTERN,
  LADDER_AT_JSON_PATTERN,
  jsonSchemaFiles,
  overlayJsonSchema,
  workflowJsonSchema,
} from './json-schema.js';
import { overlaySchema } from './overlay.js';
import { parseLadderAt } from './warning.js';
import { workflowSchema } from './workflow.js';

type Json = Record<string, unknown>;

const packageDir = new URL('../../', import.meta.url);

const smallWorkflow = {
  $schema: './workflow.schema.json',
  key: 'small-flow',
  version: 1,
  title: { zh: '小流程', en: 'Small flow' },
  initial: 'intake',
  fields: {
    summary: { type: 'text', label: { zh: '诉求', en: 'Request' }, required: true },
    workers_affected: { type: 'integer', label: { zh: '涉及人数', en: 'Workers affected' }, min: 1 },
  },
  states: {
    intake: {
      title: { zh: '受理', en: 'Intake' },
      roles: ['intake_operator'],
      sla: { within: '2wd' },
      warnings: [{ at: '80%', level: 'yellow' }],
      transitions: [
        {
          event: 'close',
          label: { zh: '办结', en: 'Close' },
          target: 'closed',
          condition: { not: { field: 'workers_affected', op: 'gte', value: 10 } },
        },
      ],
    },
    closed: { title: { zh: '已办结', en: 'Closed' }, final: true, transitions: [] },
  },
  warningRules: {
    many_workers: { when: { field: 'workers_affected', op: 'gte', value: 10 }, level: 'red' },
  },
};

const withUnknownKey = {
  ...smallWorkflow,
  states: { ...smallWorkflow.states, closed: { ...smallWorkflow.states.closed, colour: 'red' } },
};

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolve(root: Json, schema: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/$defs/', '');
  const target = (root.$defs as Record<string, Json>)[name];
  if (!target) throw new Error(`Reference ${JSON.stringify(ref)} does not resolve.`);
  return resolve(root, target);
}

// No JSON Schema validator is installed, so this walks only the object keywords: it lists the
// keys a closed object does not declare, which is what an editor flags while typing.
function unknownKeys(root: Json, schema: Json, value: unknown, path: string): string[] {
  const node = resolve(root, schema);
  const branches = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  if (branches) {
    const results = branches
      .filter((branch) => !isObject(value) || resolve(root, branch).type !== 'null')
      .map((branch) => unknownKeys(root, branch, value, path));
    return results.find((found) => found.length === 0) ?? results.flat();
  }
  if (Array.isArray(value) && isObject(node.items)) {
    return value.flatMap((item, index) => unknownKeys(root, node.items as Json, item, `${path}/${index}`));
  }
  if (!isObject(value)) return [];
  const properties = (node.properties ?? {}) as Record<string, Json>;
  return Object.entries(value).flatMap(([key, child]) => {
    const declared = properties[key];
    if (declared) return unknownKeys(root, declared, child, `${path}/${key}`);
    if (node.additionalProperties === false) return [`${path}/${key}`];
    if (isObject(node.additionalProperties)) return unknownKeys(root, node.additionalProperties, child, `${path}/${key}`);
    return [];
  });
}

// Lists the declared properties an editor would show without their own help text (a property
// that only references a definition would show the definition's general text instead).
function undescribedProperties(node: unknown, path: string): string[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => undescribedProperties(item, `${path}/${index}`));
  if (!isObject(node)) return [];
  const own = isObject(node.properties)
    ? Object.entries(node.properties)
        .filter(([, child]) => !isObject(child) || typeof child.description !== 'string')
        .map(([key]) => `${path}/properties/${key}`)
    : [];
  return [...own, ...Object.entries(node).flatMap(([key, child]) => undescribedProperties(child, `${path}/${key}`))];
}

describe('workflowJsonSchema', () => {
  const schema = workflowJsonSchema();
  const defs = schema.$defs as Record<string, Json>;

  it('names the document with $id, title and description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/\/workflow\.schema\.json$/);
    expect(schema.title).toBe('Shuoshi workflow');
    expect(schema.description).toEqual(expect.any(String));
  });

  it('requires the keys the zod schema requires', () => {
    expect(schema.required).toEqual(['key', 'version', 'title', 'initial', 'fields', 'states']);
    expect(defs.State?.required).toEqual(['title', 'transitions']);
    expect(defs.Transition?.required).toEqual(['event', 'label']);
  });

  it('closes workflows, states and transitions to unknown keys', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(defs.State?.additionalProperties).toBe(false);
    expect(defs.Transition?.additionalProperties).toBe(false);
  });

  it('makes the recursive condition a $defs reference', () => {
    const transitionCondition = (defs.Transition?.properties as Record<string, Json>).condition;
    expect(transitionCondition).toEqual({ $ref: '#/$defs/Condition', description: expect.any(String) });
    expect(JSON.stringify(defs.Condition)).toContain('"$ref":"#/$defs/Condition"');
    expect(JSON.stringify(schema)).not.toContain('__schema');
  });

  it('describes every property for editor auto-completion', () => {
    expect(undescribedProperties(schema, '')).toEqual([]);
    expect(defs.Transition?.properties).toHaveProperty(
      'clear.description',
      'Fields emptied when the transition is taken, e.g. the old rating when a case is reopened.',
    );
  });

  it('accepts every key of a small valid workflow', () => {
    expect(workflowSchema.safeParse(smallWorkflow).success).toBe(true);
    expect(unknownKeys(schema, schema, smallWorkflow, '')).toEqual([]);
  });

  it('rejects an unknown key on a state, as zod does', () => {
    expect(workflowSchema.safeParse(withUnknownKey).success).toBe(false);
    expect(unknownKeys(schema, schema, withUnknownKey, '')).toEqual(['/states/closed/colour']);
  });
});

describe('overlayJsonSchema', () => {
  const schema = overlayJsonSchema();
  const defs = schema.$defs as Record<string, Json>;

  it('requires extends and lets null remove a state or a transition', () => {
    expect(schema.required).toEqual(['key', 'version', 'extends']);
    const states = (schema.properties as Record<string, Json>).states;
    expect(states?.additionalProperties).toEqual({ anyOf: [{ $ref: '#/$defs/StatePatch' }, { type: 'null' }] });
    const transitions = (defs.StatePatch?.properties as Record<string, Json>).transitions;
    expect(transitions?.additionalProperties).toEqual({
      anyOf: [{ $ref: '#/$defs/TransitionPatch' }, { type: 'null' }],
    });
  });

  it('describes every property for editor auto-completion', () => {
    expect(undescribedProperties(schema, '')).toEqual([]);
  });

  it('accepts the keys of an overlay and rejects an unknown one', () => {
    const overlay = {
      key: 'huchen-small',
      version: 1,
      extends: { key: 'small-flow', version: 1 },
      states: { intake: { sla: { within: '3wd' }, transitions: { close: { roles: ['mediator'] }, reopen: null } } },
      fields: { workers_affected: null },
    };
    expect(overlaySchema.safeParse(overlay).success).toBe(true);
    expect(unknownKeys(schema, schema, overlay, '')).toEqual([]);
    const bad = { ...overlay, states: { intake: { transitions: { close: { event: 'close' } } } } };
    expect(overlaySchema.safeParse(bad).success).toBe(false);
    expect(unknownKeys(schema, schema, bad, '')).toEqual(['/states/intake/transitions/close/event']);
  });
});

describe('JSON Schema patterns', () => {
  const candidates = fc.oneof(
    fc.stringMatching(/^\d{0,5}(\.\d{0,3})?(wd|wh|m|h|d|w|%|)$/),
    fc.constantFrom('0wd', '0.00h', '00.5d', '9999.99wd', '10000d', '1%', '0%', '080%', '200%', '201%', '1000%'),
    fc.string(),
  );

  it('accepts the same durations as parseDuration', () => {
    const pattern = new RegExp(DURATION_JSON_PATTERN, 'u');
    fc.assert(fc.property(candidates, (text) => pattern.test(text) === (parseDuration(text) !== undefined)));
  });

  it('accepts the same ladder steps as parseLadderAt', () => {
    const pattern = new RegExp(LADDER_AT_JSON_PATTERN, 'u');
    fc.assert(fc.property(candidates, (text) => pattern.test(text) === (parseLadderAt(text) !== undefined)));
  });
});

describe('jsonSchemaFiles', () => {
  it.each(Object.entries(jsonSchemaFiles()))('matches the committed %s', (name, fresh) => {
    let committed = '';
    try {
      committed = readFileSync(new URL(name, packageDir), 'utf8');
    } catch {
      // A missing file fails the comparison below with the same advice.
    }
    expect(
      committed === fresh,
      `packages/engine/${name} is out of date with the zod schemas: run \`pnpm schema:generate\` and commit the result.`,
    ).toBe(true);
  });
});
