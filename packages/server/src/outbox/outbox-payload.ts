import { z } from 'zod';
import type { OutboxPayload } from './delivery-channel.js';

const payloadSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  workflow: z.object({ key: z.string(), version: z.number() }),
  effect: z.looseObject({ type: z.string() }),
});

/**
 * Reads an outbox row's payload (jsonb comes back parsed on PostgreSQL and PGlite; text is parsed
 * too); undefined when it is not what the event path writes.
 * @example
 * const payload = readOutboxPayload(row.payload);
 */
export function readOutboxPayload(value: unknown): OutboxPayload | undefined {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  const result = payloadSchema.safeParse(parsed);
  // The effect was written by the engine; its shape is the engine's Effect type.
  return result.success ? (result.data as unknown as OutboxPayload) : undefined;
}
