import { unionGrievance } from '@shuoshi/engine';
import { huchenHelpFarmers } from '@shuoshi/example-township-overlays';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { insertCase, workflowApi } from './test-helpers.js';

let ctx: TestContext;
let api: ReturnType<typeof workflowApi>;
const HUCHEN = 'huchen.township_admin';

// Bodies near the real shapes reach deeper code (engine resolution, validation, the database)
// than random values, which zod turns away at the door; some random values are mixed in.
const junk = fc.oneof(fc.jsonValue(), fc.constantFrom('\u0000', '\ud800', '__proto__', 'constructor', '', null, 2 ** 31));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: junk });
const name = fc.constantFrom('intake', 'triage', 'mediation', 'closed', 'resolved', 'follow_up', 'declined', 'chamber_mediation', 'fuzz_state', 'constructor');
const event = fc.constantFrom('accept', 'decline', 'route_to_chamber', 'claim', 'fuzz_event', 'reply_to_worker');
const fieldName = fc.constantFrom('title', 'category', 'satisfaction', 'buyer_name', 'referral_agency', 'fuzz_field');
const localized = maybe(fc.record({ zh: fc.string({ minLength: 1 }), en: fc.string({ minLength: 1 }) }));
const duration = maybe(fc.constantFrom('5wd', '2wh', '1d', '80%', '0wd', 'soon'));
const condition = maybe(fc.record({ field: fieldName, op: fc.constantFrom('eq', 'in', 'contains', 'exists', 'gt'), value: fc.jsonValue() }, { requiredKeys: ['field', 'op'] }));
const transition = fc.oneof(fc.constant(null), maybe(fc.record({ label: localized, target: maybe(name), requires: maybe(fc.array(fieldName)), condition, roles: maybe(fc.array(fc.constantFrom('mediator', 'chamber_mediator', 'nobody'))), clock: maybe(fc.constantFrom('pause', 'resume')) }, { requiredKeys: [] })));
const state = fc.oneof(fc.constant(null), maybe(fc.record({
  title: localized, sla: maybe(fc.record({ within: duration })), roles: maybe(fc.array(fc.constantFrom('mediator', 'chamber_mediator', 'nobody'))), final: maybe(fc.boolean()), locked: maybe(fc.boolean()),
  warnings: maybe(fc.array(fc.record({ at: duration, level: maybe(fc.constantFrom('yellow', 'red')) }))), referral: maybe(fc.record({ agency: maybe(fc.constantFrom('court', 'chamber_of_commerce', 'nowhere')), replyWithin: duration, replyEvent: maybe(event) }, { requiredKeys: [] })),
  transitions: maybe(fc.dictionary(event, transition, { maxKeys: 3 })),
}, { requiredKeys: [] })));
const field = fc.oneof(fc.constant(null), maybe(fc.record({ type: maybe(fc.constantFrom('text', 'select', 'rating', 'money')), label: localized, required: maybe(fc.boolean()), locked: maybe(fc.boolean()), options: maybe(fc.array(fc.record({ value: maybe(fc.string()), label: localized }))) }, { requiredKeys: [] })));
const overlayOf = (key: fc.Arbitrary<unknown>) => fc.record({ key, extends: maybe(fc.record({ key: fc.constantFrom('union-grievance', 'legal-aid'), version: fc.constantFrom(1, 2) })), title: localized, initial: maybe(name), calendar: maybe(fc.constantFrom('cn-mainland', 'mars')), states: maybe(fc.dictionary(name, state, { maxKeys: 3 })), fields: maybe(fc.dictionary(fieldName, field, { maxKeys: 3 })), roles: maybe(fc.dictionary(fc.constantFrom('chamber_mediator', 'mediator'), fc.oneof(fc.constant(null), fc.record({ title: localized })))) }, { requiredKeys: ['key'] });
const definitionOf = (key: fc.Arbitrary<unknown>) => fc.oneof(
  fc.record({ key, title: localized, initial: maybe(name), fields: maybe(fc.dictionary(fieldName, field, { maxKeys: 3 })), states: maybe(fc.dictionary(name, state, { maxKeys: 4 })) }, { requiredKeys: ['key', 'title'] }),
  fc.record({ states: fc.dictionary(name, state, { maxKeys: 2 }) }).map((patch) => ({ ...unionGrievance, key: 'huchen-fuzz-full', states: { ...unionGrievance.states, ...patch.states } })),
);
const parent = maybe(fc.record({ tenantId: fc.constantFrom('ninghai', 'huchen', 'chalu'), key: fc.constantFrom('union-grievance', 'huchen-help-farmers', 'legal-aid', 'no-such'), version: fc.constantFrom(1, 2, 3) }, { requiredKeys: ['key', 'version'] }));
const newKey = maybe(fc.constantFrom('huchen-fuzz-a', 'huchen-fuzz-b', 'huchen-fuzz-draft', 'union-grievance', 'huchen-help-farmers'));
const bodies: Record<string, fc.Arbitrary<unknown>> = {
  '/workflows': fc.record({ definition: definitionOf(newKey) }),
  '/workflows/overlay': fc.record({ parent, overlay: overlayOf(newKey) }),
  '/workflows/:id': fc.oneof(fc.record({ overlay: overlayOf(maybe(fc.constant('huchen-fuzz-draft'))) }), fc.record({ definition: definitionOf(maybe(fc.constant('huchen-fuzz-a'))) })),
  '/workflows/:id/validate': fc.oneof(fc.constant({}), fc.record({ overlay: overlayOf(newKey) }), fc.record({ definition: definitionOf(newKey) })),
  '/workflows/:id/publish': fc.record({ note: maybe(fc.string()) }, { requiredKeys: [] }),
  '/workflows/:id/retire': fc.record({ note: maybe(fc.string()) }, { requiredKeys: [] }),
  '/workflows/:id/rebase': fc.record({ parent }),
  '/workflows/:id/migrate': fc.record({ toVersion: maybe(fc.constantFrom(1, 2, 3)), stateMap: maybe(fc.dictionary(name, name, { maxKeys: 3 })), dryRun: maybe(fc.boolean()) }, { requiredKeys: [] }),
};
const target = fc.constantFrom('huchen-help-farmers@1', 'huchen-fuzz-draft@1', 'huchen-fuzz-a@1', 'huchen-fuzz-full@1', 'union-grievance@1', 'no-such@1', '%00', '%F0%9F', 'a@b@c');
const request = fc
  .constantFrom(...(['post:/workflows', 'post:/workflows/overlay', 'patch:/workflows/:id', 'post:/workflows/:id/validate', 'post:/workflows/:id/publish', 'post:/workflows/:id/retire', 'post:/workflows/:id/rebase', 'post:/workflows/:id/migrate'] as const))
  .chain((route) => {
    const method = route.startsWith('patch') ? 'patch' : 'post';
    const path = route.slice(method.length + 1);
    const shaped = bodies[path] ?? junk;
    return fc.tuple(fc.constant(method), fc.constant(path), target, fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything() }));
  });

beforeAll(async () => {
  ctx = await createTestContext();
  api = workflowApi(ctx);
  expect((await api.post(HUCHEN, '/workflows/overlay', { parent: { key: 'union-grievance', version: 1 }, overlay: huchenHelpFarmers })).status).toBe(201);
  expect((await api.post(HUCHEN, '/workflows/huchen-help-farmers@1/publish', {})).status).toBe(200);
  expect((await api.post(HUCHEN, '/workflows/overlay', { parent: { key: 'union-grievance', version: 1 }, overlay: { key: 'huchen-fuzz-draft' } })).status).toBe(201);
  await insertCase(ctx, { tenantId: 'huchen', key: 'huchen-help-farmers', version: 1, events: [{ type: 'accept' }] });
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('random input', () => {
  it('never gets a 5xx from a write route', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ([method, path, id, sent]) => {
        const url = path.replace(':id', id);
        const response = method === 'post' ? await api.post(HUCHEN, url, sent) : await api.patch(HUCHEN, url, sent);
        expect(response.status, `${method} ${url} ${JSON.stringify(sent)?.slice(0, 300)} -> ${JSON.stringify(response.body)}`).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('never gets a 5xx from the reads', async () => {
    const param = fc.oneof(fc.string(), fc.json(), fc.constantFrom('["key","ASC"]', '[0,9007199254740991]', '{"templates":true}', '{"status":["draft"]}', '{"q":"%_\\\\"}', '{"id":[]}'));
    await fc.assert(
      fc.asyncProperty(param, param, param, target, async (sort, range, filter, id) => {
        const list = await api.get(HUCHEN, `/workflows?sort=${encodeURIComponent(sort)}&range=${encodeURIComponent(range)}&filter=${encodeURIComponent(filter)}`);
        expect(list.status, `${sort} ${range} ${filter} -> ${JSON.stringify(list.body)}`).toBeLessThan(500);
        for (const path of [`/workflows/${id}`, `/workflows/${id}/diff`]) {
          const response = await api.get(HUCHEN, path);
          expect(response.status, `${path} -> ${JSON.stringify(response.body)}`).toBeLessThan(500);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
