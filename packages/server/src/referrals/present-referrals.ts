import type { AppDeps } from '../app/app-deps.js';
import { agencyNamesOf } from './agency-names-of.js';
import type { ReferralRow } from './repository.js';
import type { ReferralDto } from './schemas.js';

/**
 * Turns referral rows into the staff view, naming every agency in one query.
 * @example
 * const referrals = await presentReferrals(deps, rows);
 */
export async function presentReferrals(deps: Pick<AppDeps, 'db' | 'engine'>, rows: readonly ReferralRow[]): Promise<ReferralDto[]> {
  const names = await agencyNamesOf(
    deps.db,
    deps.engine,
    rows.map((row) => ({ agency: row.referral.agency, tenantPath: row.tenant_path, workflow: { key: row.workflow_key, version: row.workflow_version } })),
  );
  return rows.map((row, index) => {
    const r = row.referral;
    return {
      id: `${row.case_id}/${r.id}`,
      caseId: row.case_id,
      referralId: r.id,
      reference: row.reference,
      caseTitle: row.title,
      caseState: row.state,
      caseStatus: row.status,
      tenantId: row.tenant_id,
      union: { zh: row.tenant_name_zh, en: row.tenant_name_en },
      workflow: { key: row.workflow_key, version: row.workflow_version },
      agency: { code: r.agency, name: names[index] ?? { zh: r.agency, en: r.agency } },
      state: r.state,
      sentAt: r.sentAt,
      replyDueAt: r.replyDueAt,
      status: r.status,
      overdue: row.overdue,
      closedAt: r.closedAt ?? null,
    };
  });
}
