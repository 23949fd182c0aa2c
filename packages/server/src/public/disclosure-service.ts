import type { Engine, Workflow } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import { workflowOf } from '../cases/index.js';
import type { Database } from '../db/database.js';
import { notFound } from '../http/http-error.js';
import type { ListQuery } from '../http/list-query.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import { listDisclosures, type DisclosureRow } from './disclosure-repository.js';
import { intakeForm } from './intake-form.js';
import { findUnion } from './public-repository.js';
import { redactDigitRuns } from './redact-digit-runs.js';
import type { Disclosure, DisclosureFilter } from './schemas.js';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function chinaDay(value: Date | string): string {
  return new Date(new Date(value).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function category(workflow: Workflow | undefined, data: Record<string, unknown>): Disclosure['category'] {
  if (!workflow) return null;
  const id = intakeForm(workflow)?.fields.category ?? (workflow.fields['category']?.type === 'select' ? 'category' : undefined);
  const value = id === undefined ? undefined : data[id];
  if (id === undefined || typeof value !== 'string') return null;
  const option = workflow.fields[id]?.options?.find((o) => o.value === value);
  return option ? { value, label: option.label } : null;
}

function present(row: DisclosureRow, workflow: Workflow | undefined): Disclosure {
  const satisfaction = row.data['satisfaction'];
  return {
    id: row.reference,
    reference: row.reference,
    title: redactDigitRuns(row.title),
    workflow: { key: row.workflow_key, title: { zh: row.workflow_title_zh, en: row.workflow_title_en } },
    category: category(workflow, row.data),
    union: { id: row.tenant_id, name: { zh: row.name_zh, en: row.name_en } },
    openedOn: chinaDay(row.opened_at),
    closedOn: chinaDay(row.closed_at ?? row.opened_at),
    outcome: { state: row.state, title: workflow?.states[row.state]?.title ?? null },
    rating: typeof satisfaction === 'number' ? satisfaction : null,
  };
}

/**
 * The public result list (结果公示): closed matters of the workflows that opt in, anonymised to
 * reference, title (digit runs redacted), category, union, dates, outcome and rating. Nothing
 * else of the case leaves this function.
 * @example
 * const { rows, total } = await publicDisclosures(db, engine, 'chalu', list);
 */
export async function publicDisclosures(db: Kysely<Database>, engine: Engine, unionId: string | undefined, list: ListQuery<DisclosureFilter>): Promise<{ rows: Disclosure[]; total: number }> {
  let path: string | undefined;
  if (unionId !== undefined) {
    const union = await findUnion(db, unionId);
    if (!union) throw notFound('union', unionId);
    path = union.path;
  }
  const { rows, total } = await listDisclosures(db, path, list);
  const refs = new Map(rows.map((row) => [`${row.workflow_key}@${row.workflow_version}`, { key: row.workflow_key, version: row.workflow_version }]));
  for (const ref of refs.values()) await ensureWorkflowRegistered(db, engine, ref);
  return { rows: rows.map((row) => present(row, workflowOf(engine, { key: row.workflow_key, version: row.workflow_version }))), total };
}
