import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../testing/migrated-database.js';
import { MIGRATION_TABLES } from './catalogue.js';
import type { DatabaseHandle } from './create-database.js';
import { schemaTables } from './schema-sql.js';

// The schema must stay distributable by tenant (Citus): every table carries tenant_id, and every
// primary key, unique constraint and unique index includes it.
describe('the migrated schema, table by table', () => {
  const database = useMigratedDatabase('tenant_keys');
  let handle: DatabaseHandle;
  let current: string;

  beforeAll(async () => {
    handle = database();
    current = (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db)).rows[0]?.schema ?? 'public';
  });

  it('gives every table a NOT NULL tenant_id column', async () => {
    const { rows } = await sql<{ table_name: string; tenant_id: string | null }>`
      select t.table_name, c.is_nullable as tenant_id
      from information_schema.tables t
      left join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'tenant_id'
      where t.table_schema = ${current} and t.table_type = 'BASE TABLE'`.execute(handle.db);
    const tables = rows.filter((r) => !MIGRATION_TABLES.includes(r.table_name));
    expect(tables.map((r) => r.table_name).sort()).toEqual(schemaTables().sort());
    const offenders = tables.filter((r) => r.tenant_id !== 'NO').map((r) => `${r.table_name} (${r.tenant_id === null ? 'no tenant_id column' : 'tenant_id is nullable'})`);
    expect(offenders, `tables without a NOT NULL tenant_id: ${offenders.join(', ')}`).toEqual([]);
  });

  it('puts tenant_id in every primary key, unique constraint and unique index', async () => {
    const { rows } = await sql<{ table_name: string; index_name: string; constraint_type: string | null; has_tenant: boolean }>`
      select r.relname as table_name, i.relname as index_name, con.contype as constraint_type,
             exists (select 1 from pg_attribute a where a.attrelid = r.oid and a.attname = 'tenant_id' and a.attnum = any (x.indkey)) as has_tenant
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class r on r.oid = x.indrelid
      join pg_namespace n on n.oid = r.relnamespace
      left join pg_constraint con on con.conindid = x.indexrelid and con.contype in ('p', 'u')
      where n.nspname = ${current} and (x.indisunique or x.indisprimary)`.execute(handle.db);
    const keys = rows.filter((r) => !MIGRATION_TABLES.includes(r.table_name));
    expect(keys.filter((r) => r.constraint_type === 'p').length).toBe(schemaTables().length);
    const offenders = keys.filter((r) => !r.has_tenant).map((r) => `${r.table_name}.${r.index_name} (${r.constraint_type === 'p' ? 'primary key' : r.constraint_type === 'u' ? 'unique constraint' : 'unique index'})`);
    expect(offenders, `keys without tenant_id: ${offenders.join(', ')}`).toEqual([]);
  });
});
