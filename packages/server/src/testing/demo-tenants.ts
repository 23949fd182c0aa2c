/**
 * A union in the tenant tree, as seed data.
 * @example
 * const t: TenantSeed = { id: 'chalu', parent: 'ninghai', level: 'township', zh: '岔路镇总工会', en: 'Chalu Town Union' };
 */
export interface TenantSeed {
  id: string;
  parent: string | null;
  level: 'county' | 'township' | 'park' | 'enterprise' | 'workstation';
  zh: string;
  en: string;
}

/**
 * The Ninghai tenant tree from the source page, used by the demo seed and the tests.
 * @example
 * NINGHAI_TENANTS.find((t) => t.id === 'gaotan');
 */
export const NINGHAI_TENANTS: readonly TenantSeed[] = [
  { id: 'ninghai', parent: null, level: 'county', zh: '宁海县总工会', en: 'Ninghai County Federation of Trade Unions' },
  { id: 'chalu', parent: 'ninghai', level: 'township', zh: '岔路镇总工会', en: 'Chalu Town Union' },
  { id: 'huchen', parent: 'ninghai', level: 'township', zh: '胡陈乡总工会', en: 'Huchen Township Union' },
  { id: 'gaotan', parent: 'chalu', level: 'park', zh: '高坛园区工会联合会', en: 'Gaotan Park Union Federation' },
  { id: 'gaotan_ws', parent: 'gaotan', level: 'workstation', zh: '王玉琪调处工作室', en: 'Wang Yuqi Mediation Workstation' },
  { id: 'nanbu', parent: 'ninghai', level: 'park', zh: '南部滨海经济开发区工会', en: 'Southern Coastal Economic Development Zone Union' },
  { id: 'hengxiang', parent: 'nanbu', level: 'enterprise', zh: '恒祥保洁有限公司工会', en: 'Hengxiang Cleaning Co. Union' },
];
