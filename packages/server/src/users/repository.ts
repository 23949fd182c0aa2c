import { sql, type Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { containsPattern, type ListQuery } from '../http/list-query.js';
import { scopedSelect } from '../tenancy/tenant-scope.js';
import type { User } from './schemas.js';

/**
 * The users list's filter after parsing.
 * @example
 * const filter: UserFilter = { tenantId: 'chalu', active: true };
 */
export interface UserFilter {
  id?: string | string[] | undefined;
  q?: string | undefined;
  tenantId?: string | undefined;
  role?: string | undefined;
  active?: boolean | undefined;
}

/**
 * Sortable JSON fields of a user and their columns.
 * @example
 * parseListQuery(query, { sortable: USER_SORTABLE, defaultSort: ['username', 'ASC'], filters: userFilterSchema });
 */
export const USER_SORTABLE: Readonly<Record<string, string>> = {
  id: 'users.user_id',
  username: 'users.username',
  displayName: 'users.display_name',
  tenantId: 'users.tenant_id',
  active: 'users.active',
  createdAt: 'users.created_at',
};

// Never password_hash: it must not leave the repository.
const COLUMNS = ['users.user_id', 'users.tenant_id', 'users.username', 'users.display_name', 'users.roles', 'users.active', 'users.created_at'] as const;

interface UserRow {
  user_id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  roles: string[];
  active: boolean;
  created_at: Date;
}

function toUser(row: UserRow): User {
  return { id: row.user_id, tenantId: row.tenant_id, username: row.username, displayName: row.display_name, roles: row.roles, active: row.active, createdAt: new Date(row.created_at).toISOString() };
}

function filtered(db: Kysely<Database>, caller: Caller, filter: UserFilter) {
  const ids = filter.id === undefined ? undefined : [filter.id].flat();
  return scopedSelect(db, caller, 'users')
    .$if(ids !== undefined, (q) => (ids && ids.length > 0 ? q.where('users.user_id', 'in', ids) : q.where(sql<boolean>`false`)))
    .$if(filter.tenantId !== undefined, (q) => q.where('users.tenant_id', '=', filter.tenantId ?? ''))
    .$if(filter.role !== undefined, (q) => q.where(sql<boolean>`${filter.role ?? ''} = ANY(users.roles)`))
    .$if(filter.active !== undefined, (q) => q.where('users.active', '=', filter.active ?? true))
    .$if(Boolean(filter.q), (q) =>
      q.where((eb) => {
        const pattern = containsPattern(filter.q ?? '');
        return eb.or([eb('users.username', 'ilike', pattern), eb('users.display_name', 'ilike', pattern)]);
      }),
    );
}

/**
 * One page of the users the caller sees, and how many match in all.
 * @example
 * const { rows, total } = await listUsers(db, caller, list);
 */
export async function listUsers(db: Kysely<Database>, caller: Caller, list: ListQuery<UserFilter>): Promise<{ rows: User[]; total: number }> {
  const count = await filtered(db, caller, list.filter).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await filtered(db, caller, list.filter)
    .select(COLUMNS)
    .orderBy(sql.ref(list.sort.column), list.sort.direction === 'ASC' ? 'asc' : 'desc')
    .orderBy('users.user_id', 'asc')
    .offset(list.range.offset)
    .limit(list.range.limit)
    .execute();
  return { rows: rows.map(toUser), total: Number(count.total) };
}

/**
 * A user the caller sees, or undefined (missing and foreign look the same).
 * @example
 * const user = await findUser(db, caller, id);
 */
export async function findUser(db: Kysely<Database>, caller: Caller, id: string): Promise<User | undefined> {
  const row = await scopedSelect(db, caller, 'users').select(COLUMNS).where('users.user_id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/**
 * Serialises writers of one username until the transaction ends, so the check for a taken
 * username and the insert cannot interleave across unions (the unique key is per union).
 * @example
 * await lockUsername(trx, 'chalu.wang');
 */
export async function lockUsername(trx: Kysely<Database>, username: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`users.username:${username}`}))`.execute(trx);
}

/**
 * Tells whether any union has a user with this username (usernames are global: login names one).
 * @example
 * if (await usernameTaken(trx, 'chalu.wang')) throw conflict();
 */
export async function usernameTaken(db: Kysely<Database>, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('users.user_id').where('users.username', '=', username).executeTakeFirst();
  return row !== undefined;
}

/**
 * Inserts a user with an already hashed password.
 * @example
 * await insertUser(trx, { id, tenantId, username, displayName, roles, passwordHash });
 */
export async function insertUser(db: Kysely<Database>, user: { id: string; tenantId: string; username: string; displayName: string; roles: string[]; passwordHash: string }): Promise<void> {
  await db
    .insertInto('users')
    .values({ tenant_id: user.tenantId, user_id: user.id, username: user.username, display_name: user.displayName, roles: user.roles, password_hash: user.passwordHash })
    .execute();
}

/**
 * Changes a user's name, roles, password hash or active flag.
 * @example
 * await updateUserRow(trx, user, { active: false });
 */
export async function updateUserRow(db: Kysely<Database>, user: Pick<User, 'tenantId' | 'id'>, changes: { displayName?: string | undefined; roles?: string[] | undefined; passwordHash?: string | undefined; active?: boolean | undefined }): Promise<void> {
  const set = {
    ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
    ...(changes.roles !== undefined ? { roles: changes.roles } : {}),
    ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
    ...(changes.active !== undefined ? { active: changes.active } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('users').set(set).where('users.tenant_id', '=', user.tenantId).where('users.user_id', '=', user.id).execute();
}

/**
 * Revokes a user's live sessions, except one (the caller's own, when they change their own password).
 * @example
 * await revokeUserSessions(trx, user, clock.now(), caller.sessionId);
 */
export async function revokeUserSessions(db: Kysely<Database>, user: Pick<User, 'tenantId' | 'id'>, at: Date, exceptSessionId?: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('sessions.tenant_id', '=', user.tenantId)
    .where('sessions.user_id', '=', user.id)
    .where('sessions.revoked_at', 'is', null)
    .$if(exceptSessionId !== undefined, (q) => q.where('sessions.session_id', '<>', exceptSessionId ?? ''))
    .execute();
}
