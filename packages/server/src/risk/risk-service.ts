import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { pathIds } from '../cases/lookups.js';
import { notFound } from '../http/http-error.js';
import type { ListQuery } from '../http/list-query.js';
import { subtreeTenantIds } from '../tenancy/tenant-scope.js';
import { ADMIN_ROLES, requireRole } from '../users/staff-roles.js';
import { findRiskDetail, listRiskEntries } from './register-repository.js';
import { RISK_WATERMARK } from './risk-repository.js';
import { DEFAULT_RISK_RULES, type RiskRule } from './risk-rules.js';
import { sweepRiskRegister } from './risk-sweep.js';
import type { RiskDetail, RiskEntry, RiskFilter, RuleSet } from './schemas.js';

/**
 * The risk register service: the list and detail of the enterprises' colours, and each union's
 * rules (read, replace, drop back to the inherited ones).
 * @example
 * const service = createRiskService(deps);
 * const { rows } = await service.list(caller, list);
 */
export function createRiskService(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const { db } = deps;
  let computed = false;

  // A register nobody has swept yet (a server without its workers, a fresh seed) is computed at first read.
  async function ensureComputed(): Promise<void> {
    if (computed) return;
    const row = await db.selectFrom('risk_watermarks').select('last_full_at').where('tenant_id', '=', RISK_WATERMARK.tenantId).where('name', '=', RISK_WATERMARK.name).executeTakeFirst();
    if (!row?.last_full_at) await sweepRiskRegister(deps, { wait: true, full: true });
    computed = true;
  }

  async function unionInScope(caller: Caller, tenantId: string | undefined): Promise<{ tenant_id: string; path: string }> {
    const id = tenantId ?? caller.tenantId;
    const row = await db.selectFrom('tenants').select(['tenant_id', 'path']).where('tenant_id', '=', id).where('tenant_id', 'in', subtreeTenantIds(db, caller)).executeTakeFirst();
    if (!row) throw notFound('union', id);
    return row;
  }

  async function ruleSetOf(tenant: { tenant_id: string; path: string }): Promise<RuleSet> {
    const ids = pathIds(tenant.path);
    const rows = ids.length === 0 ? [] : await db.selectFrom('risk_rule_sets').select(['tenant_id', 'rules']).where('tenant_id', 'in', ids).execute();
    for (const id of [...ids].reverse()) {
      const own = rows.find((r) => r.tenant_id === id);
      if (own) return { tenantId: tenant.tenant_id, source: id, rules: own.rules as RuleSet['rules'] };
    }
    return { tenantId: tenant.tenant_id, source: 'default', rules: DEFAULT_RISK_RULES as unknown as RuleSet['rules'] };
  }

  return {
    /** GET /risk-register */
    async list(caller: Caller, list: ListQuery<RiskFilter>): Promise<{ rows: RiskEntry[]; total: number }> {
      await ensureComputed();
      const scope = list.filter.tenantId === undefined ? undefined : (await unionInScope(caller, list.filter.tenantId)).path;
      return listRiskEntries(db, caller, list, scope);
    },

    /** GET /risk-register/:enterpriseId */
    async show(caller: Caller, enterpriseId: string): Promise<RiskDetail> {
      await ensureComputed();
      const detail = await findRiskDetail(db, caller, enterpriseId);
      if (!detail) throw notFound('enterprise', enterpriseId);
      return detail;
    },

    /** GET /risk-register/rules: the rules that apply to a union's enterprises, and whose they are. */
    async rules(caller: Caller, tenantId: string | undefined): Promise<RuleSet> {
      return ruleSetOf(await unionInScope(caller, tenantId));
    },

    /** PUT /risk-register/rules: a union's own rules; its subtree's enterprises are recomputed at once. */
    async putRules(caller: Caller, tenantId: string | undefined, rules: readonly RiskRule[]): Promise<RuleSet> {
      const tenant = await unionInScope(caller, tenantId);
      requireRole(caller, ADMIN_ROLES, 'set the risk rules of a union');
      await db
        .insertInto('risk_rule_sets')
        .values({ tenant_id: tenant.tenant_id, rules: JSON.stringify(rules), updated_by: caller.userId, updated_at: deps.clock.now() })
        .onConflict((oc) => oc.column('tenant_id').doUpdateSet((eb) => ({ rules: eb.ref('excluded.rules'), updated_by: eb.ref('excluded.updated_by'), updated_at: eb.ref('excluded.updated_at') })))
        .execute();
      await sweepRiskRegister(deps, { wait: true, full: true, subtreePath: tenant.path });
      return ruleSetOf(tenant);
    },

    /** DELETE /risk-register/rules: drops a union's own rules; it inherits those above it again. */
    async dropRules(caller: Caller, tenantId: string | undefined): Promise<RuleSet> {
      const tenant = await unionInScope(caller, tenantId);
      requireRole(caller, ADMIN_ROLES, 'set the risk rules of a union');
      await db.deleteFrom('risk_rule_sets').where('tenant_id', '=', tenant.tenant_id).execute();
      await sweepRiskRegister(deps, { wait: true, full: true, subtreePath: tenant.path });
      return ruleSetOf(tenant);
    },
  };
}

/**
 * The risk register service.
 * @example
 * const service: RiskService = createRiskService(deps);
 */
export type RiskService = ReturnType<typeof createRiskService>;
