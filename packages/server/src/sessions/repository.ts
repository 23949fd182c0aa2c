import type { Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { scopedSelect } from '../tenancy/tenant-scope.js';
import type { SessionUser } from './schemas.js';

/**
 * A user found by username at login, with what is needed to check the password.
 * @example
 * if (account && account.active && (await verifyPassword(password, account.passwordHash))) signIn(account);
 */
export interface LoginAccount {
  user: SessionUser;
  passwordHash: string;
  active: boolean;
}

const USER_COLUMNS = ['users.user_id', 'users.username', 'users.display_name', 'users.roles', 'users.active', 'users.password_hash', 'tenants.tenant_id', 'tenants.name_zh', 'tenants.name_en', 'tenants.level', 'tenants.path'] as const;

interface UserRow {
  user_id: string;
  username: string;
  display_name: string;
  roles: string[];
  tenant_id: string;
  name_zh: string;
  name_en: string;
  level: SessionUser['tenant']['level'];
  path: string;
}

function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    tenant: { id: row.tenant_id, name: { zh: row.name_zh, en: row.name_en }, level: row.level, path: row.path },
  };
}

/**
 * Finds the account with a username in any union (usernames are unique across unions): login
 * happens before anyone is signed in, so this is the one unscoped read of users.
 * @example
 * const account = await findLoginAccount(db, 'chalu.mediator');
 */
export async function findLoginAccount(db: Kysely<Database>, username: string): Promise<LoginAccount | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.tenant_id', 'users.tenant_id')
    .select(USER_COLUMNS)
    .where('users.username', '=', username)
    .executeTakeFirst();
  return row ? { user: toSessionUser(row), passwordHash: row.password_hash, active: row.active } : undefined;
}

/**
 * Reads the caller's own account and union.
 * @example
 * const me = await findCallerUser(db, caller);
 */
export async function findCallerUser(db: Kysely<Database>, caller: Caller): Promise<SessionUser | undefined> {
  const row = await scopedSelect(db, caller, 'users')
    .innerJoin('tenants', 'tenants.tenant_id', 'users.tenant_id')
    .select(USER_COLUMNS)
    .where('users.tenant_id', '=', caller.tenantId)
    .where('users.user_id', '=', caller.userId)
    .executeTakeFirst();
  return row ? toSessionUser(row) : undefined;
}

/**
 * Stores a new session.
 * @example
 * await insertSession(trx, { tenantId, sessionId, userId, expiresAt });
 */
export async function insertSession(db: Kysely<Database>, session: { tenantId: string; sessionId: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('sessions').values({ tenant_id: session.tenantId, session_id: session.sessionId, user_id: session.userId, expires_at: session.expiresAt }).execute();
}

/**
 * Marks a session revoked, so its token stops working.
 * @example
 * await revokeSession(db, caller, clock.now());
 */
export async function revokeSession(db: Kysely<Database>, caller: Pick<Caller, 'tenantId' | 'sessionId'>, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('sessions.tenant_id', '=', caller.tenantId)
    .where('sessions.session_id', '=', caller.sessionId)
    .where('sessions.revoked_at', 'is', null)
    .execute();
}
