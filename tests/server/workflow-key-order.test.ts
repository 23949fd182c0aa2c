// Workflow definitions and overlays come back in the order their author wrote them: the columns are
// json (migration 0005), not jsonb, which sorts object keys (shorter first). The admin panel shows
// fields, states and transitions in that order, so a reordering there is a visible bug.
import { unionGrievance, type Workflow } from '@shuoshi/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDto } from '../../packages/server/src/cases/schemas.js';
import { createTestContext, type TestContext } from '../../packages/server/src/testing/test-context.js';
import type { WorkflowDetail } from '../../packages/server/src/workflows/schemas.js';
import { apiClient, serve, type ApiClient } from './api-client.js';

let ctx: TestContext;
let served: Awaited<ReturnType<typeof serve>> | undefined;
let api: ApiClient;
const tokens = new Map<string, string>();

beforeAll(async () => {
  ctx = await createTestContext();
  served = await serve(ctx.app);
  api = apiClient(served.url);
  for (const username of ['ninghai.county_admin', 'huchen.township_admin', 'huchen.intake_operator']) tokens.set(username, await ctx.login(username));
}, 60_000);

afterAll(async () => {
  await served?.close();
  await ctx?.close();
});

function as(username: string): string {
  return tokens.get(username) ?? '';
}

// A workflow's definition and overlay as plain records, to read their keys in order.
type Detail = Omit<WorkflowDetail, 'definition' | 'overlay'> & { definition: Workflow; overlay: { fields: Record<string, unknown> } | null };

function reversed<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).reverse());
}

// The order jsonb would give: keys by length, then bytewise.
function jsonbOrder(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

describe('workflow definitions keep the order of their keys', () => {
  it('answers a published workflow with its fields and states in the order they were written', async () => {
    // union-grievance with its fields and states written back to front: far from jsonb's order.
    const written = { ...structuredClone(unionGrievance), key: 'ninghai-ordered', fields: reversed(unionGrievance.fields), states: reversed(unionGrievance.states) } as Workflow;
    const fieldOrder = Object.keys(written.fields);
    const stateOrder = Object.keys(written.states);
    expect(jsonbOrder(fieldOrder)).not.toEqual(fieldOrder);
    expect(jsonbOrder(stateOrder)).not.toEqual(stateOrder);

    const created = await api.post<Detail>('/api/workflows', { definition: written }, as('ninghai.county_admin'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(Object.keys(created.body.definition.fields)).toEqual(fieldOrder);
    const published = await api.post<Detail>('/api/workflows/ninghai-ordered@1/publish', {}, as('ninghai.county_admin'));
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    const shown = await api.get<Detail>('/api/workflows/ninghai-ordered@1', as('huchen.township_admin'));
    expect(shown.status).toBe(200);
    expect(shown.body.status).toBe('published');
    expect(Object.keys(shown.body.definition.fields)).toEqual(fieldOrder);
    expect(Object.keys(shown.body.definition.states)).toEqual(stateOrder);
    // Nested objects keep theirs too: a field's keys and a state's keys as written.
    expect(Object.keys(shown.body.definition.fields['title'] ?? {})).toEqual(Object.keys(unionGrievance.fields['title'] ?? {}));
    expect(Object.keys(shown.body.definition.states['escalation'] ?? {})).toEqual(Object.keys(unionGrievance.states['escalation'] ?? {}));

    // A case runs on it: the stored definition is the one the engine registered.
    const opened = await api.post<CaseDto>('/api/cases', { workflow: { key: 'ninghai-ordered' }, channel: 'walk_in', data: { title: '果款被拖欠', description: '收购商拖欠果款三个月。' } }, as('huchen.intake_operator'));
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ workflow: { key: 'ninghai-ordered', version: 1 }, state: 'intake' });
  });

  it('answers the county templates written by the seed in the template order', async () => {
    const shown = await api.get<Detail>('/api/workflows/union-grievance@1', as('huchen.township_admin'));
    expect(shown.status).toBe(200);
    expect(Object.keys(shown.body.definition.fields)).toEqual(Object.keys(unionGrievance.fields));
    expect(Object.keys(shown.body.definition.states)).toEqual(Object.keys(unionGrievance.states));
  });

  it('keeps an overlay and its resolved definition in the order written', async () => {
    // New fields in an order jsonb would change (longer key first), added after the template's.
    const overlay = {
      key: 'huchen-ordered',
      fields: {
        orchard_location: { type: 'text', label: { zh: '果园位置', en: 'Orchard location' }, maxLength: 100 },
        buyer: { type: 'text', label: { zh: '收购商', en: 'Buyer' }, maxLength: 100 },
        crop: { type: 'text', label: { zh: '作物', en: 'Crop' }, maxLength: 50 },
      },
    };
    const created = await api.post<Detail>('/api/workflows/overlay', { parent: { key: 'union-grievance', version: 1 }, overlay }, as('huchen.township_admin'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await api.post<Detail>('/api/workflows/huchen-ordered@1/publish', {}, as('huchen.township_admin'));
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    const shown = await api.get<Detail>('/api/workflows/huchen-ordered@1', as('huchen.township_admin'));
    expect(shown.status).toBe(200);
    expect(Object.keys(shown.body.overlay?.fields ?? {})).toEqual(['orchard_location', 'buyer', 'crop']);
    expect(Object.keys(shown.body.definition.fields)).toEqual([...Object.keys(unionGrievance.fields), 'orchard_location', 'buyer', 'crop']);
    expect(Object.keys(shown.body.definition.states)).toEqual(Object.keys(unionGrievance.states));
  });
});
