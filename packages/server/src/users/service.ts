import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { hashPassword } from '../auth/password.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { ListQuery } from '../http/list-query.js';
import { findUnionRoles, requireAllowedRoles } from '../roles/index.js';
import { findUser, insertUser, listUsers, lockUsername, revokeUserSessions, updateUserRow, usernameTaken, type UserFilter } from './repository.js';
import type { createUserSchema, updateUserSchema, User } from './schemas.js';
import { ADMIN_ROLES, hasRole, requireRole } from './staff-roles.js';

/**
 * Reading and administering staff accounts of the caller's subtree.
 * @example
 * const users = createUsersService(deps);
 * await users.update(caller, id, { active: false });
 */
export interface UsersService {
  list(caller: Caller, list: ListQuery<UserFilter>): Promise<{ rows: User[]; total: number }>;
  show(caller: Caller, id: string): Promise<User>;
  create(caller: Caller, body: z.output<typeof createUserSchema>): Promise<User>;
  update(caller: Caller, id: string, body: z.output<typeof updateUserSchema>): Promise<User>;
}

function refuseCountyAdminGrant(caller: Caller, roles: readonly string[] | undefined): void {
  if (roles?.includes('county_admin') && !hasRole(caller, ['county_admin'])) {
    throw new HttpError(403, 'FORBIDDEN', 'Only a county_admin may grant the county_admin role; choose other roles or ask the county union.', { role: 'county_admin' });
  }
}

/**
 * Creates the users service: only county and township admins write, within their subtree;
 * usernames are unique across all unions; a user's roles are built-in ones or custom roles declared
 * by a workflow of the user's union or a union above it (a role the user already holds may stay).
 * @example
 * const users = createUsersService(deps);
 */
export function createUsersService(deps: AppDeps): UsersService {
  const { db } = deps;

  return {
    list: (caller, list) => listUsers(db, caller, list),
    async show(caller, id) {
      const user = await findUser(db, caller, id);
      if (!user) throw notFound('user', id);
      return user;
    },
    async create(caller, body) {
      requireRole(caller, ADMIN_ROLES, 'create users');
      refuseCountyAdminGrant(caller, body.roles);
      const tenantId = body.tenantId ?? caller.tenantId;
      const passwordHash = await hashPassword(body.password);
      return db.transaction().execute(async (trx) => {
        // The union's roles also tell whether it lies in the caller's subtree (read through scopedSelect).
        const union = await findUnionRoles(trx, caller, tenantId);
        if (!union) throw notFound('union', tenantId);
        requireAllowedRoles(union, body.roles);
        await lockUsername(trx, body.username);
        if (await usernameTaken(trx, body.username)) {
          throw new HttpError(409, 'CONFLICT', `The username ${JSON.stringify(body.username)} is already taken (usernames are unique across all unions); choose another, e.g. "${tenantId}.${body.username}".`, { username: body.username });
        }
        const id = randomUUID();
        await insertUser(trx, { id, tenantId, username: body.username, displayName: body.displayName, roles: body.roles, passwordHash });
        const user = await findUser(trx, caller, id);
        if (!user) throw notFound('user', id);
        return user;
      });
    },
    async update(caller, id, body) {
      const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
      const updated = await db.transaction().execute(async (trx) => {
        const user = await findUser(trx, caller, id);
        if (!user) throw notFound('user', id);
        requireRole(caller, ADMIN_ROLES, 'change users');
        if (user.roles.includes('county_admin') && !hasRole(caller, ['county_admin'])) {
          throw new HttpError(403, 'FORBIDDEN', `The user ${JSON.stringify(user.username)} is a county_admin; only a county_admin may change them.`);
        }
        refuseCountyAdminGrant(caller, body.roles);
        const self = user.id === caller.userId && user.tenantId === caller.tenantId;
        const newRoles: readonly string[] | undefined = body.roles;
        const dropsOwnAdmin = self && newRoles !== undefined && caller.roles.some((r) => ADMIN_ROLES.includes(r) && !newRoles.includes(r));
        if (self && (body.active === false || dropsOwnAdmin)) {
          throw new HttpError(403, 'FORBIDDEN', 'You may not disable your own account or remove your own administrator role; ask another administrator.');
        }
        if (newRoles !== undefined) {
          const union = await findUnionRoles(trx, caller, user.tenantId);
          if (!union) throw notFound('user', id);
          requireAllowedRoles(union, newRoles, user.roles);
        }
        await updateUserRow(trx, user, { displayName: body.displayName, roles: body.roles, passwordHash, active: body.active });
        // A new password or a disabled account ends the user's other sessions.
        if (passwordHash !== undefined || body.active === false) await revokeUserSessions(trx, user, deps.clock.now(), self ? caller.sessionId : undefined);
        const found = await findUser(trx, caller, id);
        if (!found) throw notFound('user', id);
        return found;
      });
      // After the commit, so that no request can cache the old roles again in between: the
      // user's tokens carry the new roles, or stop working, from the next request on.
      deps.callerCache?.forgetUser(updated.tenantId, updated.id);
      return updated;
    },
  };
}
