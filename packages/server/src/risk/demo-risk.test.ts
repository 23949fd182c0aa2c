import { randomUUID } from 'node:crypto';
import { BUILTIN_TEMPLATES, createEngine } from '@shuoshi/engine';
import type { Express } from 'express';
import { sql } from 'kysely';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app/app-deps.js';
import { createApp } from '../app/create-app.js';
import { createTokenSigner } from '../auth/tokens.js';
import { createClock } from '../clock/clock.js';
import { createDatabase, type DatabaseHandle } from '../db/create-database.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_PASSWORD } from '../seed/demo-staff.js';
import { seedDemoIfEmpty } from '../seed/seed-demo.js';
import { registerPublishedWorkflows } from '../workflows/index.js';
import { createRiskWorker } from './risk-worker.js';
import type { RiskDetail, RiskEntry } from './schemas.js';

const NOW = new Date('2026-11-27T10:00:00+08:00');
const schema = `risk_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

let handle: DatabaseHandle;
let deps: AppDeps;
let app: Express;
let auth: { Authorization: string };

beforeAll(async () => {
  handle = await createDatabase({ databaseUrl: process.env['DATABASE_URL'], schema, dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  await seedDemoIfEmpty(handle.db, { now: NOW });
  const clock = createClock({ testMode: true, start: NOW });
  const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES], now: () => clock.now() });
  await registerPublishedWorkflows(handle.db, engine);
  deps = { db: handle.db, engine, clock, tokens: createTokenSigner('risk-test-secret-of-at-least-32-chars', 3600), logger: pino({ level: 'silent' }), options: { testMode: true } };
  app = createApp(deps).app;
  const login = await request(app).post('/api/auth/login').send({ username: 'ninghai.supervisor', password: DEMO_PASSWORD });
  auth = { Authorization: `Bearer ${(login.body as { token: string }).token}` };
}, 180_000);

afterAll(async () => {
  if (handle?.dialect === 'postgres') await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(handle.db);
  await handle?.close();
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
