/**
 * A union of the demo's tenant tree.
 * @example
 * const t: DemoTenant = { id: 'chalu', parent: 'ninghai', level: 'township', zh: '岔路镇总工会', en: 'Chalu Town Union' };
 */
export interface DemoTenant {
  id: string;
  parent: string | null;
  level: 'county' | 'township' | 'park' | 'enterprise' | 'workstation';
  zh: string;
  en: string;
}

const GAOTAN_SUB_POINTS: readonly DemoTenant[] = [
  ['gaotan_sp1', '机械制造片', 'machinery'],
  ['gaotan_sp2', '文具用品片', 'stationery'],
  ['gaotan_sp3', '电子电器片', 'electronics'],
  ['gaotan_sp4', '纺织服装片', 'garments'],
  ['gaotan_sp5', '仓储物流片', 'logistics'],
].map(([id, zh, en], index) => ({
  id: id as string,
  parent: 'gaotan_ws',
  level: 'workstation' as const,
  zh: `高坛园区劳动关系调处第${'一二三四五'[index]}分点（${zh as string}）`,
  en: `Gaotan labour-relations sub-point ${index + 1} (${en as string})`,
}));

/**
 * The Ninghai tenant tree of the demo, from the source page: the county federation; 岔路镇 with
 * 高坛园区 and its mediation workstation (王玉琪调处工作室) and five sub-points; 胡陈乡; and
 * 南部滨海经济开发区 with its 职工说事 workstation (the night-call line) and two enterprise unions
 * (恒祥保洁, 方正汽车模具). A superset of the test tree in `testing/demo-tenants.ts`, same ids.
 * @example
 * DEMO_TENANTS.filter((t) => t.parent === 'gaotan_ws').length; // 5
 */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  { id: 'ninghai', parent: null, level: 'county', zh: '宁海县总工会', en: 'Ninghai County Federation of Trade Unions' },
  { id: 'chalu', parent: 'ninghai', level: 'township', zh: '岔路镇总工会', en: 'Chalu Town Union' },
  { id: 'huchen', parent: 'ninghai', level: 'township', zh: '胡陈乡总工会', en: 'Huchen Township Union' },
  { id: 'gaotan', parent: 'chalu', level: 'park', zh: '高坛园区工会联合会', en: 'Gaotan Park Union Federation' },
  { id: 'gaotan_ws', parent: 'gaotan', level: 'workstation', zh: '王玉琪调处工作室', en: 'Wang Yuqi Mediation Workstation' },
  ...GAOTAN_SUB_POINTS,
  { id: 'nanbu', parent: 'ninghai', level: 'park', zh: '南部滨海经济开发区工会', en: 'Southern Coastal Economic Development Zone Union' },
  { id: 'nanbu_ws', parent: 'nanbu', level: 'workstation', zh: '南部滨海经济开发区职工说事工作室', en: 'Southern Coastal Zone Workers’ Voice Workstation' },
  { id: 'hengxiang', parent: 'nanbu', level: 'enterprise', zh: '恒祥保洁有限公司工会', en: 'Hengxiang Cleaning Co. Union' },
  { id: 'fangzheng', parent: 'nanbu', level: 'enterprise', zh: '宁波方正汽车模具股份有限公司工会', en: 'Ningbo Fangzheng Auto Mould Co. Union' },
];

/**
 * The materialised path of every demo tenant (`/ninghai/chalu/gaotan/`), as the tenants table keeps it.
 * @example
 * demoTenantPaths().get('gaotan_ws'); // '/ninghai/chalu/gaotan/gaotan_ws/'
 */
export function demoTenantPaths(tenants: readonly DemoTenant[] = DEMO_TENANTS): Map<string, string> {
  const paths = new Map<string, string>();
  for (const tenant of tenants) {
    const parentPath = tenant.parent === null ? '/' : paths.get(tenant.parent);
    if (parentPath === undefined) throw new Error(`Tenant "${tenant.id}" names parent "${String(tenant.parent)}", which is not listed before it.`);
    paths.set(tenant.id, `${parentPath}${tenant.id}/`);
  }
  return paths;
}
