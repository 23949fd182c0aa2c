import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { RiskAssessment, RiskCase, RiskColour } from './evaluate-risk.js';

/**
 * The watermark row's key: one per database, for every union ('*').
 * @example
 * db.selectFrom('risk_watermarks').where('tenant_id', '=', RISK_WATERMARK.tenantId);
 */
export const RISK_WATERMARK = { tenantId: '*', name: 'enterprise-risk' } as const;

/**
 * The risk worker's watermark: the newest event time read, and the last full sweep.
 * @example
 * const w: RiskWatermark = { lastEventAt: null, lastFullAt: null };
 */
export interface RiskWatermark {
  lastEventAt: Date | null;
  lastFullAt: Date | null;
}

/**
 * Locks the watermark row for the transaction (creating it the first time): `skipLocked` answers
 * undefined at once when another process holds it, so only one process works at a time; without
 * it the caller waits its turn.
 * @example
 * const watermark = await claimRiskWatermark(trx, { skipLocked: true });
 * if (!watermark) return 0;
 */
export async function claimRiskWatermark(trx: Kysely<Database>, options: { skipLocked: boolean }): Promise<RiskWatermark | undefined> {
  const select = () => trx.selectFrom('risk_watermarks').select(['last_event_at', 'last_full_at']).where('tenant_id', '=', RISK_WATERMARK.tenantId).where('name', '=', RISK_WATERMARK.name);
  if (!(await select().executeTakeFirst())) {
    await trx.insertInto('risk_watermarks').values({ tenant_id: RISK_WATERMARK.tenantId, name: RISK_WATERMARK.name, last_event_at: null, last_full_at: null }).onConflict((oc) => oc.doNothing()).execute();
  }
  const locked = select().forUpdate();
  const row = await (options.skipLocked ? locked.skipLocked() : locked).executeTakeFirst();
  return row ? { lastEventAt: row.last_event_at ? new Date(row.last_event_at) : null, lastFullAt: row.last_full_at ? new Date(row.last_full_at) : null } : undefined;
}

/**
 * Moves the watermark (inside the claiming transaction).
 * @example
 * await saveRiskWatermark(trx, { lastEventAt: newest, lastFullAt: now });
 */
export async function saveRiskWatermark(trx: Kysely<Database>, watermark: RiskWatermark): Promise<void> {
  await trx
    .updateTable('risk_watermarks')
    .set({ last_event_at: watermark.lastEventAt, last_full_at: watermark.lastFullAt })
    .where('tenant_id', '=', RISK_WATERMARK.tenantId)
    .where('name', '=', RISK_WATERMARK.name)
    .execute();
}

/**
 * The enterprises named on cases with events logged after `since`, the newest event time seen and
 * how many of those events are newer than `newerThan`.
 * @example
 * const { enterpriseIds, newest } = await enterprisesWithEventsSince(trx, since, watermark);
 */
export async function enterprisesWithEventsSince(trx: Kysely<Database>, since: Date | null, newerThan: Date | null): Promise<{ enterpriseIds: string[]; newest: Date | null; newEvents: number }> {
  const after = since ?? new Date(0);
  const { rows } = await sql<{ enterprise_id: string | null; newest: Date | string; fresh: string }>`
    select c.enterprise_id, max(e.created_at) as newest, count(*) filter (where e.created_at > ${newerThan ?? new Date(0)}) as fresh
    from case_events e join cases c on c.tenant_id = e.tenant_id and c.case_id = e.case_id
    where e.created_at > ${after}
    group by c.enterprise_id`.execute(trx);
  const newest = rows.reduce<Date | null>((max, row) => {
    const at = new Date(row.newest);
    return max === null || at > max ? at : max;
  }, null);
  return {
    enterpriseIds: rows.flatMap((row) => (row.enterprise_id === null ? [] : [row.enterprise_id])),
    newest,
    newEvents: rows.reduce((n, row) => n + Number(row.fresh), 0),
  };
}

/**
 * An enterprise with the path of its union.
 * @example
 * const e: RiskEnterprise = { tenantId: 'nanbu', enterpriseId: 'ent-hengxiang', tenantPath: '/ninghai/nanbu/' };
 */
export interface RiskEnterprise {
  tenantId: string;
  enterpriseId: string;
  tenantPath: string;
}

/**
 * The enterprises with these ids (every one when `ids` is undefined), optionally only those of a subtree.
 * @example
 * const enterprises = await loadRiskEnterprises(trx, ['ent-hengxiang']);
 */
export async function loadRiskEnterprises(trx: Kysely<Database>, ids: readonly string[] | undefined, subtreePath?: string): Promise<RiskEnterprise[]> {
  if (ids !== undefined && ids.length === 0) return [];
  const rows = await trx
    .selectFrom('enterprises')
    .innerJoin('tenants', 'tenants.tenant_id', 'enterprises.tenant_id')
    .select(['enterprises.tenant_id', 'enterprises.enterprise_id', 'tenants.path'])
    .$if(ids !== undefined, (q) => q.where('enterprises.enterprise_id', 'in', ids ?? []))
    .$if(subtreePath !== undefined, (q) => q.where(sql<boolean>`left(tenants.path, ${subtreePath?.length ?? 0}) = ${subtreePath ?? ''}`))
    .orderBy('enterprises.enterprise_id')
    .execute();
  return rows.map((r) => ({ tenantId: r.tenant_id, enterpriseId: r.enterprise_id, tenantPath: r.path }));
}

/**
 * The cases of these enterprises the rules can look at: every open one, and the closed ones opened
 * since `openedSince` (all of them when null), with their workflow's category; an open case in a
 * state its workflow tags `resolved` or `follow_up` counts as closed (handled).
 * @example
 * const byEnterprise = await loadRiskCases(trx, ['ent-hengxiang'], monthStart);
 */
export async function loadRiskCases(trx: Kysely<Database>, enterpriseIds: readonly string[], openedSince: Date | null): Promise<Map<string, RiskCase[]>> {
  const byEnterprise = new Map<string, RiskCase[]>();
  if (enterpriseIds.length === 0) return byEnterprise;
  const rows = await trx
    // Definitions are json (it keeps their key order): each is parsed into jsonb once here, not once per case.
    .with(
      (cte) => cte('wf').materialized(),
      (db) => db.selectFrom('workflows').select(['tenant_id', 'key', 'version', sql<string | null>`definition->>'category'`.as('category'), sql<unknown>`(definition::jsonb)->'states'`.as('states')]),
    )
    .selectFrom('cases')
    .leftJoin('wf', (join) => join.onRef('wf.tenant_id', '=', 'cases.workflow_tenant_id').onRef('wf.key', '=', 'cases.workflow_key').onRef('wf.version', '=', 'cases.workflow_version'))
    .select([
      'cases.enterprise_id',
      'cases.status',
      'cases.warning',
      'cases.opened_at',
      'cases.data',
      'wf.category',
      // A matter standing in a resolved or follow-up state is handled, no longer a risk in hand.
      sql<boolean>`coalesce(wf.states->cases.state->'tags' ?| array['resolved', 'follow_up'], false)`.as('handled'),
    ])
    .where('cases.enterprise_id', 'in', [...enterpriseIds])
    .$if(openedSince !== null, (q) => q.where((eb) => eb.or([eb('cases.status', '=', 'open'), eb('cases.opened_at', '>=', openedSince ?? new Date(0))])))
    .execute();
  for (const row of rows) {
    if (row.enterprise_id === null) continue;
    const list = byEnterprise.get(row.enterprise_id) ?? [];
    list.push({ status: row.status === 'open' && !row.handled ? 'open' : 'closed', warning: row.warning, openedAt: new Date(row.opened_at), data: row.data, workflowCategory: row.category });
    byEnterprise.set(row.enterprise_id, list);
  }
  return byEnterprise;
}

/**
 * Every union's own rule list (unparsed), by union id.
 * @example
 * const sets = await loadRuleSets(trx);
 */
export async function loadRuleSets(trx: Kysely<Database>): Promise<Map<string, unknown>> {
  const rows = await trx.selectFrom('risk_rule_sets').select(['tenant_id', 'rules']).execute();
  return new Map(rows.map((r) => [r.tenant_id, r.rules]));
}

/**
 * The stored colours of these enterprises, by `tenantId/enterpriseId`.
 * @example
 * const current = await loadStoredColours(trx, enterprises);
 */
export async function loadStoredColours(trx: Kysely<Database>, enterprises: readonly RiskEnterprise[]): Promise<Map<string, RiskColour>> {
  if (enterprises.length === 0) return new Map();
  const rows = await trx.selectFrom('enterprise_risk').select(['tenant_id', 'enterprise_id', 'colour']).where('enterprise_id', 'in', enterprises.map((e) => e.enterpriseId)).execute();
  return new Map(rows.map((r) => [`${r.tenant_id}/${r.enterprise_id}`, r.colour]));
}

/**
 * One enterprise's new assessment and, when its colour changed, the colour it had.
 * @example
 * const w: RiskWrite = { enterprise, assessment, previous: 'green', changed: true };
 */
export interface RiskWrite {
  enterprise: RiskEnterprise;
  assessment: RiskAssessment;
  previous: RiskColour;
  changed: boolean;
}

/**
 * Upserts the assessments (keeping `changed_at` when the colour is unchanged) and appends a
 * history row for each change, in batches.
 * @example
 * await writeRiskAssessments(trx, writes, now);
 */
export async function writeRiskAssessments(trx: Kysely<Database>, writes: readonly RiskWrite[], now: Date): Promise<void> {
  for (let i = 0; i < writes.length; i += 500) {
    const chunk = writes.slice(i, i + 500);
    await trx
      .insertInto('enterprise_risk')
      .values(chunk.map((w) => ({ tenant_id: w.enterprise.tenantId, enterprise_id: w.enterprise.enterpriseId, colour: w.assessment.colour, reasons: JSON.stringify(w.assessment.reasons), open_cases: w.assessment.openCases, computed_at: now, changed_at: now })))
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'enterprise_id']).doUpdateSet((eb) => ({
          reasons: eb.ref('excluded.reasons'),
          open_cases: eb.ref('excluded.open_cases'),
          computed_at: eb.ref('excluded.computed_at'),
          changed_at: sql`case when enterprise_risk.colour = excluded.colour then enterprise_risk.changed_at else excluded.changed_at end`,
          colour: eb.ref('excluded.colour'),
        })),
      )
      .execute();
    const changes = chunk.filter((w) => w.changed);
    if (changes.length > 0) {
      await trx
        .insertInto('enterprise_risk_history')
        .values(changes.map((w) => ({ tenant_id: w.enterprise.tenantId, enterprise_id: w.enterprise.enterpriseId, history_id: randomUUID(), from_colour: w.previous, to_colour: w.assessment.colour, reasons: JSON.stringify(w.assessment.reasons), changed_at: now })))
        .execute();
    }
  }
}
