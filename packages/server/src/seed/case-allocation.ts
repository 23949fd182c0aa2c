/** Which kind of matter a group of demo cases is. */
export type CaseKind = 'grievance' | 'trucker' | 'farmer' | 'mediation' | 'legal_aid' | 'idea';

/**
 * How many demo cases of a kind a union holds.
 * @example
 * const a: Allocation = { tenant: 'chalu', kind: 'trucker', count: 20 };
 */
export interface Allocation {
  tenant: string;
  kind: CaseKind;
  count: number;
}

/**
 * The demo's cases by union and kind (259; the stalled showcase cases and the state coverage
 * top the total up to 300): the county hotline, 岔路镇's truckers' corner, 胡陈乡's help-farmers
 * panel, the Gaotan workstation's sub-points (grievances and labour-dispute mediation) and lawyers
 * (legal aid), the southern zone's night-call line, and the two enterprise unions' golden ideas.
 * @example
 * DEMO_ALLOCATIONS.reduce((n, a) => n + a.count, 0); // 259
 */
export const DEMO_ALLOCATIONS: readonly Allocation[] = [
  { tenant: 'ninghai', kind: 'grievance', count: 12 },
  { tenant: 'chalu', kind: 'trucker', count: 20 },
  { tenant: 'chalu', kind: 'grievance', count: 12 },
  { tenant: 'huchen', kind: 'farmer', count: 18 },
  { tenant: 'huchen', kind: 'grievance', count: 10 },
  ...[1, 2, 3, 4, 5].flatMap((point): Allocation[] => [
    { tenant: `gaotan_sp${point}`, kind: 'grievance', count: 7 },
    { tenant: `gaotan_sp${point}`, kind: 'mediation', count: 8 },
  ]),
  { tenant: 'gaotan_ws', kind: 'legal_aid', count: 24 },
  { tenant: 'nanbu_ws', kind: 'grievance', count: 24 },
  { tenant: 'nanbu', kind: 'grievance', count: 8 },
  { tenant: 'hengxiang', kind: 'grievance', count: 12 },
  { tenant: 'hengxiang', kind: 'idea', count: 10 },
  { tenant: 'fangzheng', kind: 'grievance', count: 14 },
  { tenant: 'fangzheng', kind: 'idea', count: 20 },
];

/**
 * A stalled case to show on the dashboards: nobody acted after `afterEvent` (or after the
 * opening, when null) for `idle`, so its clock and warnings run. `route` picks the path.
 * @example
 * const s: Showcase = { tenant: 'nanbu_ws', kind: 'grievance', route: 'escalation', afterEvent: 'escalate', idle: { kind: 'natural', ms: 30 * 86_400_000 }, matter: '下夜班' };
 */
export interface Showcase {
  tenant: string;
  kind: CaseKind;
  route: string;
  afterEvent: string | null;
  idle: { kind: 'working_hour' | 'natural'; ms: number };
  /** Part of the matter's title, to pick a particular story. */
  matter?: string;
}

const WH = (n: number): Showcase['idle'] => ({ kind: 'working_hour', ms: n * 3_600_000 });
const D = (n: number): Showcase['idle'] => ({ kind: 'natural', ms: n * 86_400_000 });

/**
 * Stalled cases the demo always has: referrals awaiting a reply (some overdue), yellow and red
 * SLA warnings, the Gaotan workstation's five yellow labour-dispute warnings, fresh intakes.
 * @example
 * DEMO_SHOWCASES.filter((s) => s.afterEvent === 'escalate').length; // 4
 */
export const DEMO_SHOWCASES: readonly Showcase[] = [
  { tenant: 'nanbu_ws', kind: 'grievance', route: 'escalation', afterEvent: 'escalate', idle: D(6), matter: '夜班公交' },
  { tenant: 'nanbu_ws', kind: 'grievance', route: 'escalation', afterEvent: 'escalate', idle: D(32), matter: '夜班公交' },
  { tenant: 'ninghai', kind: 'grievance', route: 'escalation', afterEvent: 'escalate', idle: D(28), matter: '拖欠两个月工资' },
  { tenant: 'gaotan_sp2', kind: 'grievance', route: 'escalation', afterEvent: 'escalate', idle: D(2), matter: '坑洼' },
  { tenant: 'chalu', kind: 'trucker', route: 'traffic', afterEvent: 'route_to_traffic', idle: WH(10) },
  { tenant: 'chalu', kind: 'trucker', route: 'traffic', afterEvent: 'route_to_traffic', idle: D(12) },
  { tenant: 'huchen', kind: 'farmer', route: 'chamber_failed', afterEvent: 'escalate', idle: D(9) },
  { tenant: 'gaotan_sp4', kind: 'mediation', route: 'refused', afterEvent: 'employer_refused', idle: D(20) },
  { tenant: 'gaotan_ws', kind: 'legal_aid', route: 'referred', afterEvent: 'decline_conflict', idle: D(3) },
  { tenant: 'gaotan_ws', kind: 'legal_aid', route: 'referred', afterEvent: 'decline_conflict', idle: D(12) },
  // 王玉琪调处工作室: five labour disputes marked yellow, defused early (the source page).
  ...[1, 2, 3, 4, 5].map((point): Showcase => ({ tenant: `gaotan_sp${point}`, kind: 'grievance', route: 'mediation', afterEvent: 'claim', idle: WH(68) })),
  { tenant: 'fangzheng', kind: 'grievance', route: 'direct', afterEvent: 'claim', idle: WH(35) },
  { tenant: 'hengxiang', kind: 'grievance', route: 'direct', afterEvent: 'claim', idle: WH(55) },
  { tenant: 'chalu', kind: 'grievance', route: 'direct', afterEvent: 'accept', idle: WH(7) },
  { tenant: 'huchen', kind: 'grievance', route: 'direct', afterEvent: 'accept', idle: WH(20) },
  { tenant: 'nanbu_ws', kind: 'grievance', route: 'direct', afterEvent: null, idle: WH(2) },
  { tenant: 'ninghai', kind: 'grievance', route: 'direct', afterEvent: null, idle: WH(12) },
];
