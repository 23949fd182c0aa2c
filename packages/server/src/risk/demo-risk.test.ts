import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app/app-deps.js';
import { createSeededDemoContext, type SeededDemoContext } from '../testing/seeded-demo-context.js';
import { createRiskWorker } from './risk-worker.js';
import type { RiskDetail, RiskEntry } from './schemas.js';

let ctx: SeededDemoContext;
let deps: AppDeps;
let app: Express;
let auth: { Authorization: string };

beforeAll(async () => {
  ctx = await createSeededDemoContext({ label: 'risk' });
  ({ deps, app } = ctx);
  auth = { Authorization: `Bearer ${await ctx.login('ninghai.supervisor')}` };
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

describe('the risk register of the Ninghai demo', () => {
  it('is computed at first read, with yellow and red employers whose reasons come from their cases', async () => {
    const response = await request(app).get('/api/risk-register').query({ range: '[0,99]' }).set(auth);
    expect(response.status).toBe(200);
    const register = response.body as RiskEntry[];
    const colours = register.map((e) => e.colour);
    expect(colours.filter((c) => c === 'red').length).toBeGreaterThanOrEqual(1);
    expect(colours.filter((c) => c === 'yellow').length).toBeGreaterThanOrEqual(1);
    // Most serious first.
    expect(colours).toEqual([...colours].sort((a, b) => ['red', 'yellow', 'green'].indexOf(a) - ['red', 'yellow', 'green'].indexOf(b)));
    for (const entry of register) {
      expect(entry.computedAt, entry.id).not.toBeNull();
      expect(entry.reasons.length > 0, entry.id).toBe(entry.colour !== 'green');
    }
    const red = register.find((e) => e.colour === 'red');
    const shown = (await request(app).get(`/api/risk-register/${red?.id ?? ''}`).set(auth)).body as RiskDetail;
    expect(shown.history[0]).toMatchObject({ from: 'green', to: 'red' });
  });

  it('stays as it is when the worker finds nothing new, as every process would', async () => {
    const before = (await request(app).get('/api/risk-register').query({ range: '[0,99]' }).set(auth)).body as RiskEntry[];
    const loop = createRiskWorker(deps);
    expect(await loop.runOnce()).toBe(0);
    const after = (await request(app).get('/api/risk-register').query({ range: '[0,99]' }).set(auth)).body as RiskEntry[];
    expect(after.map((e) => [e.id, e.colour, e.reasons])).toEqual(before.map((e) => [e.id, e.colour, e.reasons]));
  });
});
