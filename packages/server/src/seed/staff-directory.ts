import type { Actor } from '@shuoshi/engine';
import type { ActorSpec } from './case-plan.js';
import type { DemoStaff } from './demo-staff.js';
import type { DemoTenant } from './demo-tenants.js';
import { createPrng, type Prng } from './prng.js';

/**
 * Finds the staff who act on a case: for each role in order of preference, the nearest union up
 * the tree from the case's union that has someone with it.
 * @example
 * const directory = createStaffDirectory(DEMO_STAFF, DEMO_TENANTS);
 * directory.candidates('gaotan_sp1', ['lawyer']).map((s) => s.username); // ['gaotan.lawyer1', ...]
 */
export interface StaffDirectory {
  candidates(tenant: string, roles: readonly string[]): DemoStaff[];
  /** The actors of one case: the same person is picked for a role every time it acts on the case. */
  castFor(tenant: string, seed: number): (spec: ActorSpec) => Actor;
}

/** The worker who raised the matter, acting through the public pages. */
export const WORKER_ACTOR: Actor = Object.freeze({ id: 'worker', roles: Object.freeze(['worker']) });

function shuffled<T>(items: readonly T[], random: Prng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Builds the directory over the demo's staff and tenant tree.
 * @example
 * const cast = createStaffDirectory(DEMO_STAFF, DEMO_TENANTS).castFor('chalu', 42);
 * cast({ roles: ['intake_operator'] }).id; // 'chalu.intake'
 */
export function createStaffDirectory(staff: readonly DemoStaff[], tenants: readonly DemoTenant[]): StaffDirectory {
  const parents = new Map(tenants.map((t) => [t.id, t.parent]));
  const byTenantRole = new Map<string, DemoStaff[]>();
  for (const member of staff) {
    for (const role of member.roles) {
      const key = `${member.tenant}\u0000${role}`;
      byTenantRole.set(key, [...(byTenantRole.get(key) ?? []), member]);
    }
  }
  const candidates = (tenant: string, roles: readonly string[]): DemoStaff[] => {
    for (const role of roles) {
      for (let at: string | null | undefined = tenant; at; at = parents.get(at)) {
        const found = byTenantRole.get(`${at}\u0000${role}`);
        if (found && found.length > 0) return found;
      }
    }
    throw new Error(`No demo staff with any of the roles [${roles.join(', ')}] at or above union "${tenant}"; add one to DEMO_STAFF.`);
  };
  return {
    candidates,
    castFor(tenant, seed) {
      const random = createPrng(seed);
      const chosen = new Map<string, DemoStaff[]>();
      return (spec) => {
        if ('worker' in spec) return WORKER_ACTOR;
        if ('agency' in spec) return { id: `agency:${spec.agency}`, roles: ['agency'], agency: spec.agency };
        const key = spec.roles.join(',');
        let order = chosen.get(key);
        if (!order) {
          order = shuffled(candidates(tenant, spec.roles), random);
          chosen.set(key, order);
        }
        const member = order[(spec.slot ?? 0) % order.length] as DemoStaff;
        return { id: member.username, roles: member.roles, name: member.displayName };
      };
    },
  };
}
