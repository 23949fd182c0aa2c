import { DEMO_PASSWORD } from '../seed/demo-staff.js';
import { seedDemoIfEmpty } from '../seed/seed-demo.js';
import { registerPublishedWorkflows } from '../workflows/index.js';
import { createAppTestContext, type AppTestContext } from './app-test-context.js';

/**
 * The instant the demo is seeded as of, and where the test clock starts: late in a month, so that
 * the current month and the year before it both hold cases of every kind.
 * @example
 * const ctx = await createSeededDemoContext({ now: DEMO_NOW });
 */
export const DEMO_NOW: Date = new Date('2026-11-27T10:00:00+08:00');

/**
 * The Ninghai demo (the seed `shuoshi start` writes: unions, staff, agencies, enterprises, 300
 * cases) with its published workflows registered, plus the app over it; `login` takes a demo
 * username and signs in once per username, answering the same token afterwards.
 * @example
 * const ctx: SeededDemoContext = await createSeededDemoContext();
 * const token = await ctx.login('ninghai.supervisor');
 */
export type SeededDemoContext = AppTestContext;

/**
 * Opens a fresh test database (as createTestContext does) seeded with the Ninghai demo as of
 * `now` (DEMO_NOW by default), the test clock starting there. Share one per test file: seeding
 * the demo costs seconds. `close()` checks the rollups against the log, as createTestContext's does.
 * @example
 * let ctx: SeededDemoContext;
 * beforeAll(async () => { ctx = await createSeededDemoContext({ label: 'risk' }); }, 180_000);
 * afterAll(async () => { await ctx?.close(); });
 */
export async function createSeededDemoContext(options: { label?: string; now?: Date } = {}): Promise<SeededDemoContext> {
  const now = new Date(options.now ?? DEMO_NOW);
  const context = await createAppTestContext({
    label: options.label ?? 'demo',
    start: now,
    password: DEMO_PASSWORD,
    seed: async (db) => {
      await seedDemoIfEmpty(db, { now });
    },
  });
  // The township overlays are published rows the engine does not hold yet. One it refuses would
  // surface later as a puzzling 404 or 500: say so here.
  const { failed } = await registerPublishedWorkflows(context.db, context.engine);
  if (failed.length > 0) {
    await context.close({ verifyRollups: false });
    throw new Error(`Demo workflows not registered: ${failed.map((f) => `${f.id}: ${f.message}`).join('; ')}`);
  }
  const tokens = new Map<string, Promise<string>>();
  return {
    ...context,
    login(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      // A failed login is not kept, so that the next call tries again.
      const token = context.login(username).catch((error: unknown) => {
        tokens.delete(username);
        throw error;
      });
      tokens.set(username, token);
      return token;
    },
  };
}
