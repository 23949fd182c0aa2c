import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/**
 * An enterprise's current risk colour (one row per enterprise that has ever been computed).
 * @example
 * db.selectFrom('enterprise_risk').where('colour', '=', 'red');
 */
export interface EnterpriseRiskTable {
  /** The enterprise's union (enterprises.tenant_id). */
  tenant_id: string;
  enterprise_id: string;
  colour: 'green' | 'yellow' | 'red';
  reasons: Json;
  open_cases: number;
  computed_at: Timestamp;
  /** When the colour last changed (or the row was first written). */
  changed_at: Timestamp;
}

/**
 * One change of an enterprise's colour.
 * @example
 * db.selectFrom('enterprise_risk_history').where('enterprise_id', '=', id).orderBy('changed_at');
 */
export interface EnterpriseRiskHistoryTable {
  tenant_id: string;
  enterprise_id: string;
  history_id: string;
  from_colour: 'green' | 'yellow' | 'red';
  to_colour: 'green' | 'yellow' | 'red';
  reasons: Json;
  changed_at: Timestamp;
}

/**
 * A union's own risk rules, overriding those above it for the enterprises of its subtree.
 * @example
 * db.selectFrom('risk_rule_sets').where('tenant_id', '=', 'chalu');
 */
export interface RiskRuleSetsTable {
  tenant_id: string;
  rules: Json;
  updated_by: string;
  updated_at: Timestamp;
}

/**
 * How far the risk worker has read the event log; the row is locked while a process works.
 * @example
 * db.selectFrom('risk_watermarks').forUpdate().skipLocked();
 */
export interface RiskWatermarksTable {
  tenant_id: string;
  name: string;
  last_event_at: Timestamp | null;
  last_full_at: Timestamp | null;
}
