import type { Workflow } from '@shuoshi/engine';
import { sql } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { HttpError, notFound } from '../http/http-error.js';
import { subtreeTenantIds } from '../tenancy/tenant-scope.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import type { MetricsScope } from './metrics-repository.js';
import { IDEA_CATEGORY, stateClasses } from './state-classes.js';

/**
 * The union a metrics request is about, the workflows its cases can run on, and the scope that
 * the SQL reads (without the period).
 * @example
 * const context = await resolveMetricsContext(deps, caller, { tenantId: 'chalu' });
 */
export interface MetricsContext {
  tenant: { id: string; path: string; name: { zh: string; en: string } };
  workflows: Workflow[];
  filters: { workflow: string | null; category: string | null; channel: string | null };
  scope: Omit<MetricsScope, 'period' | 'groupByChild'>;
}

/**
 * Resolves a metrics request's union (the caller's unless `tenantId` names one in the caller's
 * subtree; else 404) and the published or retired workflow versions its subtree can hold (those
 * of the unions above it and in it), classifying their states from the engine's definitions. An
 * unknown workflow key is a 400 UNKNOWN_WORKFLOW listing the known ones.
 * @example
 * const { tenant, scope } = await resolveMetricsContext(deps, caller, { workflow: 'union-grievance' });
 */
export async function resolveMetricsContext(
  deps: Pick<AppDeps, 'db' | 'engine'>,
  caller: Caller,
  query: { tenantId?: string | undefined; workflow?: string | undefined; category?: string | undefined; channel?: string | undefined },
): Promise<MetricsContext> {
  const { db, engine } = deps;
  const tenantId = query.tenantId ?? caller.tenantId;
  // One round trip: the union (in the caller's subtree) with the workflow versions published at
  // or above it and below it, whose cases its figures can hold.
  const { rows } = await sql<{ tenant_id: string; path: string; name_zh: string; name_en: string; key: string | null; version: number | null }>`
    SELECT t.tenant_id, t.path, t.name_zh, t.name_en, w.key, w.version
    FROM tenants t
    LEFT JOIN LATERAL (
      SELECT DISTINCT wf.key, wf.version FROM workflows wf
      WHERE wf.status IN ('published', 'retired')
        AND (wf.tenant_id = ANY(string_to_array(trim(both '/' from t.path), '/'))
             OR wf.tenant_id IN (SELECT s.tenant_id FROM tenants s WHERE starts_with(s.path, t.path)))
    ) w ON true
    WHERE t.tenant_id = ${tenantId} AND t.tenant_id IN (${subtreeTenantIds(db, caller)})
    ORDER BY w.key, w.version`.execute(db);
  const row = rows[0];
  if (!row) throw notFound('union', tenantId);
  const refs = rows.flatMap((r) => (r.key === null || r.version === null ? [] : [{ key: r.key, version: r.version }]));
  const workflows: Workflow[] = [];
  for (const ref of refs) {
    // A version the engine refuses is left out of the figures rather than failing them all.
    if (await ensureWorkflowRegistered(db, engine, ref).catch(() => false)) workflows.push(engine.workflow(ref));
  }

  const keys = [...new Set(workflows.map((w) => w.key))];
  if (query.workflow !== undefined && !keys.includes(query.workflow)) {
    throw new HttpError(400, 'UNKNOWN_WORKFLOW', `No workflow "${query.workflow}" runs in union "${row.tenant_id}" or below it; use one of: ${keys.join(', ') || 'none'}.`, { workflow: query.workflow, available: keys });
  }
  const refsOf = (category: string) => workflows.filter((w) => w.category === category).map((w) => ({ key: w.key, version: w.version }));
  return {
    tenant: { id: row.tenant_id, path: row.path, name: { zh: row.name_zh, en: row.name_en } },
    workflows,
    filters: { workflow: query.workflow ?? null, category: query.category ?? null, channel: query.channel ?? null },
    scope: {
      tenantPath: row.path,
      workflowKey: query.workflow,
      channel: query.channel,
      category: query.category === undefined ? undefined : { value: query.category, workflowRefs: refsOf(query.category) },
      classes: stateClasses(workflows),
      ideaRefs: refsOf(IDEA_CATEGORY),
    },
  };
}
