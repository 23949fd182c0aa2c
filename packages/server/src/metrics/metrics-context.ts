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
 * const context = await createMetricsContextResolver(deps, { ttlMs: 5000 })(caller, { tenantId: 'chalu' });
 */
export interface MetricsContext {
  tenant: { id: string; path: string; name: { zh: string; en: string } };
  workflows: Workflow[];
  filters: { workflow: string | null; category: string | null; channel: string | null };
  scope: Omit<MetricsScope, 'period' | 'groupByChild'>;
}

/** What a union's figures need whatever the filters: the union and the workflow versions its subtree can hold. */
interface UnionContext {
  tenant: MetricsContext['tenant'];
  workflows: Workflow[];
  classes: MetricsContext['scope']['classes'];
  ideaRefs: MetricsContext['scope']['ideaRefs'];
}

async function loadUnionContext(deps: Pick<AppDeps, 'db' | 'engine'>, caller: Caller, tenantId: string): Promise<UnionContext> {
  const { db, engine } = deps;
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
  const workflows: Workflow[] = [];
  for (const r of rows) {
    if (r.key === null || r.version === null) continue;
    const ref = { key: r.key, version: r.version };
    // A version the engine refuses is left out of the figures rather than failing them all.
    if (await ensureWorkflowRegistered(db, engine, ref).catch(() => false)) workflows.push(engine.workflow(ref));
  }
  return {
    tenant: { id: row.tenant_id, path: row.path, name: { zh: row.name_zh, en: row.name_en } },
    workflows,
    classes: stateClasses(workflows),
    ideaRefs: refsOfCategory(workflows, IDEA_CATEGORY),
  };
}

function refsOfCategory(workflows: readonly Workflow[], category: string): Array<{ key: string; version: number }> {
  return workflows.filter((w) => w.category === category).map((w) => ({ key: w.key, version: w.version }));
}

/**
 * Resolves a metrics request's context; see createMetricsContextResolver.
 * @example
 * const context = await resolve(caller, { tenantId: 'chalu', workflow: 'union-grievance' });
 */
export type MetricsContextResolver = (caller: Caller, query: { tenantId?: string | undefined; workflow?: string | undefined; category?: string | undefined; channel?: string | undefined }) => Promise<MetricsContext>;

const MAX_CACHED_UNIONS = 1000;

/**
 * Makes the resolver of a metrics request's union (the caller's unless `tenantId` names one in the
 * caller's subtree; else 404) and the published or retired workflow versions its subtree can hold
 * (those of the unions above it and in it), their states classified from the engine's
 * definitions. A union's context is kept for `ttlMs` per process (a dashboard asks for three
 * figures at once, and every few seconds): a version published through this process counts at
 * once, one published through another within `ttlMs`; a workflow filter naming a key the kept context lacks looks again before it
 * answers 400 UNKNOWN_WORKFLOW with the known keys. `ttlMs: 0` looks every time.
 * @example
 * const resolve = createMetricsContextResolver(deps, { ttlMs: 5000 });
 * const { tenant, scope } = await resolve(caller, { workflow: 'union-grievance' });
 */
export function createMetricsContextResolver(deps: Pick<AppDeps, 'db' | 'engine'>, options: { ttlMs: number; monotonicNow?: () => number }): MetricsContextResolver {
  const now = options.monotonicNow ?? (() => performance.now());
  const kept = new Map<string, { until: number; context: UnionContext }>();
  const unionContext = async (caller: Caller, tenantId: string, fresh: boolean): Promise<UnionContext> => {
    // The caller's subtree is part of the key: whether the union is visible depends on it. So is
    // the number of versions this process's engine knows: a version published here counts at once.
    const key = `${caller.tenantPath}\u0000${tenantId}\u0000${deps.engine.workflows().length}`;
    const hit = kept.get(key);
    if (!fresh && hit && hit.until > now()) return hit.context;
    const context = await loadUnionContext(deps, caller, tenantId);
    if (options.ttlMs > 0) {
      if (kept.size >= MAX_CACHED_UNIONS) kept.clear();
      kept.set(key, { until: now() + options.ttlMs, context });
    }
    return context;
  };
  return async (caller, query) => {
    const tenantId = query.tenantId ?? caller.tenantId;
    let union = await unionContext(caller, tenantId, false);
    const known = (u: UnionContext) => query.workflow === undefined || u.workflows.some((w) => w.key === query.workflow);
    if (!known(union)) union = await unionContext(caller, tenantId, true);
    if (!known(union)) {
      const keys = [...new Set(union.workflows.map((w) => w.key))];
      throw new HttpError(400, 'UNKNOWN_WORKFLOW', `No workflow "${query.workflow}" runs in union "${union.tenant.id}" or below it; use one of: ${keys.join(', ') || 'none'}.`, { workflow: query.workflow, available: keys });
    }
    return {
      tenant: union.tenant,
      workflows: union.workflows,
      filters: { workflow: query.workflow ?? null, category: query.category ?? null, channel: query.channel ?? null },
      scope: {
        tenantPath: union.tenant.path,
        workflowKey: query.workflow,
        channel: query.channel,
        category: query.category === undefined ? undefined : { value: query.category, workflowRefs: refsOfCategory(union.workflows, query.category) },
        classes: union.classes,
        ideaRefs: union.ideaRefs,
      },
    };
  };
}
