-- One event of the server's event path, as plain SQL, for pgbench (run by bench/server.ts):
-- lock the case row and read its version, write the next version with the new snapshot, append
-- the event to the case's log, commit. Each pgbench client steps its own case, `pgbench-<client_id>`,
-- which bench/server.ts copies from a case the server opened, so the row, its snapshot and its
-- indexes are the server's. The schema comes from PGOPTIONS (search_path), as the server's pool
-- sets it. Variables given with -D: tenant, actor, snapshot (the case's stored snapshot, as text).
-- Run in extended query mode (-M extended), as node-postgres sends its queries: parameters, no
-- prepared statements.
BEGIN;
SELECT version FROM cases WHERE tenant_id = :tenant AND case_id = 'pgbench-' || :client_id::text FOR UPDATE \gset
\set next :version + 1
UPDATE cases SET version = :next, snapshot = :snapshot, updated_at = now() WHERE tenant_id = :tenant AND case_id = 'pgbench-' || :client_id::text;
INSERT INTO case_events (tenant_id, case_id, seq, type, actor_id, actor_roles, data, effects, state_from, state_to, warning, created_at)
  VALUES (:tenant, 'pgbench-' || :client_id::text, :next, 'claim', :actor, '{township_admin,intake_operator,mediator}', '{}', '[]', 'direct_handling', 'direct_handling', 'green', now());
COMMIT;
