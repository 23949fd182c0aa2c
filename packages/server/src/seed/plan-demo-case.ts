import { advance, cnMainland } from '@shuoshi/engine';
import type { CaseKind } from './case-allocation.js';
import type { PlannedCase } from './case-plan.js';
import { DEMO_ENTERPRISES, type DemoEnterprise } from './demo-organisations.js';
import { DEMO_TENANTS } from './demo-tenants.js';
import { LEGAL_AID_MATTERS, MEDIATION_MATTERS } from './dispute-matters.js';
import { planLegalAid, planMediation, type LegalAidRoute, type MediationRoute } from './dispute-plans.js';
import { GRIEVANCE_MATTERS, type GrievanceMatter, type GrievanceRoute } from './grievance-matters.js';
import { planGrievance } from './grievance-plans.js';
import { IDEA_MATTERS } from './idea-matters.js';
import { planIdea, type IdeaRoute } from './idea-plans.js';
import type { Prng } from './prng.js';
import { FARMER_MATTERS, TRUCKER_MATTERS } from './township-matters.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const parents = new Map(DEMO_TENANTS.map((t) => [t.id, t.parent]));
// The Gaotan sub-points by trade, matched to the park's factories.
const SUB_POINT_ENTERPRISE: Record<string, string> = {
  gaotan_sp1: 'ent-gaotan-mould',
  gaotan_sp2: 'ent-gaotan-stationery',
  gaotan_sp3: 'ent-gaotan-electric',
  gaotan_sp4: 'ent-gaotan-garment',
  gaotan_sp5: 'ent-gaotan-logistics',
};
const ENTERPRISE_UNIONS: Record<string, string> = { hengxiang: 'ent-hengxiang', fangzheng: 'ent-fangzheng' };
const HENGXIANG_DEPARTMENTS = ['环卫作业部', '行政部', '仓储部', '设备部'];

/**
 * A case plan before its timing: what happens, in order.
 * @example
 * const draft: DraftPlan = draftPlan(random, 'chalu', 'trucker');
 */
export type DraftPlan = Omit<PlannedCase, 'stopAfter' | 'openedAt' | 'actorSeed'>;

/**
 * The published workflow a union's cases of a kind run on: the township overlays in 岔路镇 and
 * 胡陈乡, the county's templates elsewhere.
 * @example
 * workflowFor('huchen', 'farmer').key; // 'huchen-help-farmers'
 */
export function workflowFor(tenant: string, kind: CaseKind): PlannedCase['workflow'] {
  if (kind === 'mediation') return { tenant: 'ninghai', key: 'labour-mediation', version: 1 };
  if (kind === 'legal_aid') return { tenant: 'ninghai', key: 'legal-aid', version: 1 };
  if (kind === 'idea') return { tenant: 'ninghai', key: 'golden-idea', version: 1 };
  if (tenant === 'chalu') return { tenant: 'chalu', key: 'chalu-truckers-corner', version: 1 };
  if (tenant === 'huchen') return { tenant: 'huchen', key: 'huchen-help-farmers', version: 1 };
  return { tenant: 'ninghai', key: 'union-grievance', version: 1 };
}

function enterpriseFor(random: Prng, tenant: string, preferred: readonly string[] | undefined): DemoEnterprise | null {
  const own = ENTERPRISE_UNIONS[tenant] ?? (random.chance(0.7) ? SUB_POINT_ENTERPRISE[tenant] : undefined);
  if (own) return DEMO_ENTERPRISES.find((e) => e.id === own) ?? null;
  let local: DemoEnterprise[] = [];
  for (let at: string | null | undefined = tenant; at && local.length === 0; at = parents.get(at)) local = DEMO_ENTERPRISES.filter((e) => e.tenant === at);
  if (tenant === 'ninghai') local = [...DEMO_ENTERPRISES];
  if (local.length === 0) return null;
  const fitting = local.filter((e) => preferred?.includes(e.id));
  return random.pick(fitting.length > 0 ? fitting : local);
}

function channelFor(random: Prng, tenant: string, kind: CaseKind): string {
  if (kind === 'mediation') return random.weighted([['walk_in', 80], ['phone', 20]] as const);
  if (kind === 'legal_aid') return random.weighted([['walk_in', 70], ['phone', 30]] as const);
  if (kind === 'idea') return random.weighted([['online', 40], ['mini_program', 35], ['walk_in', 25]] as const);
  if (kind === 'trucker') return random.weighted([['walk_in', 50], ['phone', 35], ['mini_program', 15]] as const);
  if (kind === 'farmer') return random.weighted([['walk_in', 45], ['phone', 45], ['online', 10]] as const);
  if (tenant === 'nanbu_ws') return random.weighted([['phone', 70], ['online', 15], ['mini_program', 15]] as const);
  // The young workers of 方正汽车模具 prefer to leave messages online (the source page).
  if (tenant === 'fangzheng') return random.weighted([['online', 45], ['mini_program', 25], ['walk_in', 20], ['phone', 10]] as const);
  return random.weighted([['walk_in', 30], ['phone', 35], ['online', 20], ['mini_program', 15]] as const);
}

function ancestorsOrSelf(tenant: string): string[] {
  const chain: string[] = [];
  for (let at: string | null | undefined = tenant; at; at = parents.get(at)) chain.push(at);
  return chain;
}

function grievanceMatter(random: Prng, tenant: string, kind: CaseKind, title: string | undefined): GrievanceMatter {
  const chain = ancestorsOrSelf(tenant);
  const pool: readonly GrievanceMatter[] = kind === 'trucker' ? TRUCKER_MATTERS : kind === 'farmer' ? FARMER_MATTERS : GRIEVANCE_MATTERS.filter((m) => !m.tenants || m.tenants.some((t) => chain.includes(t)));
  if (title) {
    const found = pool.find((m) => m.title.includes(title));
    if (!found) throw new Error(`No ${kind} matter for union "${tenant}" has "${title}" in its title.`);
    return found;
  }
  // The night-call line hears the night-bus demand again and again: a common demand.
  return random.weighted(pool.map((m) => [m, tenant === 'nanbu_ws' && m.common ? 4 : 1] as const));
}

function grievanceRoutes(matter: GrievanceMatter, workflowKey: string): GrievanceRoute[] {
  return matter.routes.filter((r) => (r === 'traffic' ? workflowKey === 'chalu-truckers-corner' : r.startsWith('chamber') ? workflowKey === 'huchen-help-farmers' : true));
}

/**
 * Draws the plan of one demo case of a kind in a union; `route` and `matter` pin the path and the
 * story for showcase cases.
 * @example
 * const draft = draftPlan(random, 'gaotan_sp1', 'mediation', { route: 'timeout' });
 */
export function draftPlan(random: Prng, tenant: string, kind: CaseKind, pin: { route?: string; matter?: string } = {}): DraftPlan {
  const workflow = workflowFor(tenant, kind);
  const channel = channelFor(random, tenant, kind);
  if (kind === 'mediation') {
    const route = (pin.route ?? random.weighted([['agreement', 45], ['breached', 6], ['failed', 12], ['refused', 10], ['timeout', 7], ['rejected', 8], ['withdrawn', 8]] as const)) as MediationRoute;
    return planMediation(random, { tenant, workflow, matter: random.pick(MEDIATION_MATTERS), route, channel, enterprise: enterpriseFor(random, tenant, undefined) });
  }
  if (kind === 'legal_aid') {
    const route = (pin.route ?? random.weighted([['represented', 55], ['colleague', 12], ['referred', 12], ['rejected', 11], ['terminated', 10]] as const)) as LegalAidRoute;
    return planLegalAid(random, { tenant, workflow, matter: random.pick(LEGAL_AID_MATTERS), route, channel, enterprise: enterpriseFor(random, 'gaotan', undefined) });
  }
  if (kind === 'idea') {
    const route = (pin.route ?? random.weighted([['rewarded', 55], ['not_accepted', 12], ['not_adopted', 20], ['abandoned', 13]] as const)) as IdeaRoute;
    const ideas = IDEA_MATTERS.filter((m) => HENGXIANG_DEPARTMENTS.includes(m.department) === (tenant === 'hengxiang') || m.department === '行政部');
    return planIdea(random, { tenant, workflow, matter: random.pick(ideas), route, channel, enterprise: enterpriseFor(random, tenant, undefined) });
  }
  const matter = grievanceMatter(random, tenant, kind, pin.matter);
  const routes = grievanceRoutes(matter, workflow.key);
  const route = (pin.route ?? random.pick(routes)) as GrievanceRoute;
  const enterprise = kind === 'trucker' ? null : enterpriseFor(random, tenant, matter.enterprises);
  return planGrievance(random, { tenant, workflow, matter, route, channel, enterprise });
}

/**
 * When a case that runs its course was opened: within the past year, more often recently; night
 * calls at night, online messages at any hour, desk and phone matters in office hours.
 * @example
 * openingTime(random, Date.now(), 'phone', 'nanbu_ws'); // some evening in the past year
 */
export function openingTime(random: Prng, now: number, channel: string, tenant: string): number {
  const age = 365 * DAY * random.next() ** 1.3;
  const day = now - age;
  const dayStart = Math.floor((day + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  let at: number;
  if (tenant === 'nanbu_ws' && channel === 'phone') at = dayStart + random.between(21, 23.9) * HOUR;
  else if (channel === 'online' || channel === 'mini_program') at = dayStart + random.between(7, 23) * HOUR;
  else at = advance(cnMainland, 'working_hour', dayStart + random.between(8.5, 17.5) * HOUR, 60_000);
  return Math.min(Math.round(at / 60_000) * 60_000, now - HOUR);
}
