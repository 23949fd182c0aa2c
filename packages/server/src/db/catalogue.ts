import { sql, type Kysely } from 'kysely';

/** Kysely's bookkeeping tables, which are not part of the schema proper. */
export const MIGRATION_TABLES: readonly string[] = ['kysely_migration', 'kysely_migration_lock'];

/**
 * Describes a schema's catalogue as sorted lines (tables, columns with types, nullability and
 * defaults, constraints, indexes, triggers, functions), with the schema's name taken out, so
 * that two schemas built by different routes can be compared line by line.
 * @example
 * const lines = await describeCatalogue(db, 'public');
 */
export async function describeCatalogue<T>(db: Kysely<T>, schema: string): Promise<string[]> {
  const unqualify = (text: string | null): string => (text ?? '').replaceAll(`${schema}.`, '').replaceAll(`"${schema}".`, '');
  const skip = MIGRATION_TABLES;
  const lines: string[] = [];

  const tables = await sql<{ name: string; kind: string }>`
    select c.relname as name, c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm', 'S')`.execute(db);
  for (const t of tables.rows) if (!skip.includes(t.name)) lines.push(`relation ${t.name} kind=${t.kind}`);

  const columns = await sql<{ table_name: string; column_name: string; ordinal_position: number; data_type: string; udt_name: string; is_nullable: string; column_default: string | null; character_maximum_length: number | null }>`
    select table_name, column_name, ordinal_position, data_type, udt_name, is_nullable, column_default, character_maximum_length
    from information_schema.columns where table_schema = ${schema}`.execute(db);
  for (const c of columns.rows) {
    if (skip.includes(c.table_name)) continue;
    lines.push(`column ${c.table_name}.${c.column_name} #${c.ordinal_position} ${c.data_type}/${c.udt_name}${c.character_maximum_length ? `(${c.character_maximum_length})` : ''} ${c.is_nullable === 'YES' ? 'NULL' : 'NOT NULL'} default=${unqualify(c.column_default) || '-'}`);
  }

  const constraints = await sql<{ table_name: string; name: string; type: string; definition: string }>`
    select r.relname as table_name, c.conname as name, c.contype as type, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_class r on r.oid = c.conrelid join pg_namespace n on n.oid = r.relnamespace
    where n.nspname = ${schema}`.execute(db);
  for (const c of constraints.rows) if (!skip.includes(c.table_name)) lines.push(`constraint ${c.table_name}.${c.name} ${c.type} ${unqualify(c.definition)}`);

  const indexes = await sql<{ tablename: string; indexname: string; indexdef: string }>`
    select tablename, indexname, indexdef from pg_indexes where schemaname = ${schema}`.execute(db);
  for (const i of indexes.rows) if (!skip.includes(i.tablename)) lines.push(`index ${i.tablename}.${i.indexname} ${unqualify(i.indexdef)}`);

  const triggers = await sql<{ table_name: string; name: string; definition: string; enabled: string }>`
    select r.relname as table_name, t.tgname as name, pg_get_triggerdef(t.oid) as definition, t.tgenabled as enabled
    from pg_trigger t join pg_class r on r.oid = t.tgrelid join pg_namespace n on n.oid = r.relnamespace
    where n.nspname = ${schema} and not t.tgisinternal`.execute(db);
  for (const t of triggers.rows) lines.push(`trigger ${t.table_name}.${t.name} enabled=${t.enabled} ${unqualify(t.definition)}`);

  const functions = await sql<{ name: string; definition: string }>`
    select p.proname as name, pg_get_functiondef(p.oid) as definition
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ${schema}`.execute(db);
  for (const f of functions.rows) lines.push(`function ${f.name} ${unqualify(f.definition).replace(/\s+/g, ' ').trim()}`);

  return lines.sort();
}

/**
 * The lines of two catalogue descriptions that differ, each marked with the side it is on.
 * @example
 * catalogueDifferences(fromFile, fromMigrations, ['schema.sql', 'migrations']); // [] when equal
 */
export function catalogueDifferences(a: readonly string[], b: readonly string[], names: readonly [string, string]): string[] {
  const inB = new Set(b);
  const inA = new Set(a);
  return [...a.filter((line) => !inB.has(line)).map((line) => `only in ${names[0]}: ${line}`), ...b.filter((line) => !inA.has(line)).map((line) => `only in ${names[1]}: ${line}`)];
}
