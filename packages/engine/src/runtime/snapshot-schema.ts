import { z } from 'zod';
import { WARNING_LEVELS } from '../definition/index.js';
import type { CaseSnapshot } from './snapshot.js';

const isoText = z.iso.datetime();
const level = z.enum(['yellow', 'red']);

/**
 * Zod schema of a case snapshot, for hosts that load snapshots from storage or the network.
 * @example
 * caseSnapshotSchema.parse(JSON.parse(row.snapshot));
 */
export const caseSnapshotSchema: z.ZodType<CaseSnapshot> = z.strictObject({
  workflow: z.strictObject({ key: z.string().min(1), version: z.number().int().positive() }),
  state: z.string().min(1),
  status: z.enum(['open', 'closed']),
  data: z.record(z.string(), z.unknown()),
  warning: z.enum(WARNING_LEVELS),
  warningCauses: z.array(z.strictObject({ source: z.enum(['ladder', 'rule', 'referral']), id: z.string(), level })),
  assignee: z.string().nullable(),
  handlers: z.array(z.string()),
  eventActors: z.record(z.string(), z.array(z.string())),
  channel: z.string().min(1),
  openedAt: isoText,
  updatedAt: isoText,
  clock: z
    .strictObject({
      state: z.string(),
      enteredAt: isoText,
      calendar: z.string(),
      pauses: z.array(z.strictObject({ from: isoText, to: isoText.nullable() })),
      dueAt: isoText.nullable(),
      breachedAt: isoText.optional(),
    })
    .nullable(),
  timers: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['warning', 'sla', 'timeout', 'referral']),
      state: z.string(),
      dueAt: isoText,
      level: level.optional(),
      step: z.number().int().nonnegative().optional(),
      ref: z.string().optional(),
    }),
  ),
  referrals: z.array(
    z.strictObject({
      id: z.string(),
      agency: z.string(),
      state: z.string(),
      sentAt: isoText,
      replyDueAt: isoText,
      status: z.enum(['awaiting', 'replied', 'returned', 'withdrawn']),
      overdue: z.boolean(),
      closedAt: isoText.optional(),
    }),
  ),
  seq: z.number().int().nonnegative(),
});
