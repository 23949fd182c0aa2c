import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { HttpError } from '../http/http-error.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { fireDueTimers } from '../timers/index.js';

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** How many timer batches one move of the clock fires at most before answering. */
const MAX_ROUNDS = 200;

const advanceBodySchema = z
  .strictObject({
    by: z
      .string()
      .regex(/^\d{1,6}[mhd]$/, 'Use a number and a unit: "90m", "6h" or "3d".')
      .optional()
      .describe('How far to move the clock, e.g. "3d" (days), "6h", "90m".'),
    to: z.iso.datetime({ offset: true }).optional().describe('Move the clock to this instant (ISO 8601, not in its past).'),
  })
  .refine((body) => (body.by === undefined) !== (body.to === undefined), { message: 'Send exactly one of "by" (e.g. "3d") and "to" (an ISO instant).' });

const clockSchema = z.object({ now: z.string().describe('The server clock, ISO 8601.'), adjustable: z.boolean() });
const advanceResponseSchema = clockSchema.extend({
  timers: z.object({ fired: z.number().int(), stale: z.number().int(), refused: z.number().int() }).describe('Timers that fell due and were fired in the move.'),
});

function millisOf(by: string): number {
  const unit = by.slice(-1);
  return Number(by.slice(0, -1)) * (UNIT_MS[unit] ?? 0);
}

/**
 * Routes of a server started in test mode (SHUOSHI_TEST_MODE=true) and only then: read the
 * server's clock, and move it forward — after which every timer that fell due is fired before
 * the answer, so SLA ladders can be exercised end to end from API and browser tests.
 * @example
 * if (deps.options.testMode) api.use(createTestClockRoutes(deps, registry));
 */
export function createTestClockRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const tag = 'test mode';
  defineRoute(router, registry, { method: 'get', path: '/test/clock', summary: 'Read the server clock (test mode only)', tag, auth: false, response: clockSchema }, async () => ({
    now: deps.clock.now().toISOString(),
    adjustable: deps.clock.adjustable,
  }));
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/test/clock/advance', summary: 'Move the server clock forward and fire the timers that fall due (test mode only)', tag, auth: false, body: advanceBodySchema, response: advanceResponseSchema, errors: [422] },
    async ({ body }) => {
      const from = deps.clock.now().getTime();
      const ms = body.by !== undefined ? millisOf(body.by) : Date.parse(body.to ?? '') - from;
      if (ms < 0) throw new HttpError(422, 'CLOCK_BACKWARDS', `The clock only moves forward: ${body.to ?? ''} is before the server's now, ${new Date(from).toISOString()}. Send a later instant.`, { now: new Date(from).toISOString() });
      deps.clock.advance(ms);
      const timers = { fired: 0, stale: 0, refused: 0 };
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const fired = await fireDueTimers(deps);
        timers.fired += fired.fired;
        timers.stale += fired.stale;
        timers.refused += fired.refused;
        if (fired.fired + fired.stale + fired.refused === 0) break;
      }
      return { now: deps.clock.now().toISOString(), adjustable: deps.clock.adjustable, timers };
    },
  );
  return router;
}
