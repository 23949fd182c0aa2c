/**
 * An outside body of the demo (county tenant); `code` is the agency id workflows refer to.
 * @example
 * const a: DemoAgency = { code: 'court', zh: '宁海县人民法院', en: 'Ninghai County People’s Court', contact: '0574-65xx' };
 */
export interface DemoAgency {
  code: string;
  zh: string;
  en: string;
  contact: string;
}

/**
 * An employer of the demo, kept in the union of its locality.
 * @example
 * const e: DemoEnterprise = { id: 'ent-hengxiang', tenant: 'nanbu', name: '宁海县恒祥保洁有限公司', industry: '保洁服务', workers: 160 };
 */
export interface DemoEnterprise {
  id: string;
  tenant: string;
  name: string;
  industry: string;
  workers: number;
}

/**
 * The outside bodies the county works with (跨界联动): the eight of the source page plus those the
 * built-in templates refer to (labour inspection, emergency management, arbitration, legal aid centre).
 * @example
 * DEMO_AGENCIES.map((a) => a.code).includes('transport_group'); // true
 */
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { code: 'people_congress_liaison', zh: '宁海县人大代表联络站', en: "Ninghai people's congress liaison station", contact: '0574-65560101' },
  { code: 'cppcc', zh: '宁海县政协委员工作室', en: 'Ninghai CPPCC members’ office', contact: '0574-65560102' },
  { code: 'judicial_office', zh: '司法所', en: 'Judicial office', contact: '0574-65560103' },
  { code: 'chamber_of_commerce', zh: '胡陈乡商会', en: 'Huchen chamber of commerce', contact: '0574-65560104' },
  { code: 'traffic_enforcement', zh: '岔路镇交通执法队', en: 'Chalu traffic enforcement team', contact: '0574-65560105' },
  { code: 'transport_group', zh: '宁海县交通集团', en: 'Ninghai county transport group', contact: '0574-65560106' },
  { code: 'hr_bureau', zh: '宁海县人力资源和社会保障局', en: 'Ninghai HR and social security bureau', contact: '0574-65560107' },
  { code: 'court', zh: '宁海县人民法院', en: "Ninghai county people's court", contact: '0574-65560108' },
  { code: 'labour_inspection', zh: '宁海县劳动保障监察大队', en: 'Ninghai labour inspection brigade', contact: '0574-65560109' },
  { code: 'emergency_management', zh: '宁海县应急管理局', en: 'Ninghai emergency management bureau', contact: '0574-65560110' },
  { code: 'arbitration_commission', zh: '宁海县劳动人事争议仲裁院', en: 'Ninghai labour dispute arbitration commission', contact: '0574-65560111' },
  { code: 'legal_aid_center', zh: '宁海县法律援助中心', en: 'Ninghai legal aid centre', contact: '0574-65560112' },
];

/**
 * Employers whose workers raise matters in the demo: the two of the source page (恒祥保洁, 方正汽车模具)
 * in the southern coastal zone, factories of the Gaotan park, truckers' outfits in Chalu and the fruit
 * cooperatives of Huchen (names other than the page's two are invented).
 * @example
 * DEMO_ENTERPRISES.filter((e) => e.tenant === 'huchen').length; // 4
 */
export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = [
  { id: 'ent-hengxiang', tenant: 'nanbu', name: '宁海县恒祥保洁有限公司', industry: '保洁服务', workers: 160 },
  { id: 'ent-fangzheng', tenant: 'nanbu', name: '宁波方正汽车模具股份有限公司', industry: '汽车模具', workers: 1200 },
  { id: 'ent-binhai-precision', tenant: 'nanbu', name: '宁海滨海精工机械有限公司', industry: '机械制造', workers: 420 },
  { id: 'ent-binhai-battery', tenant: 'nanbu', name: '宁海滨海新能源配件有限公司', industry: '新能源配件', workers: 650 },
  { id: 'ent-gaotan-mould', tenant: 'gaotan', name: '宁海县高坛模塑有限公司', industry: '模具塑料', workers: 380 },
  { id: 'ent-gaotan-stationery', tenant: 'gaotan', name: '宁海县兴达文具制造有限公司', industry: '文具用品', workers: 540 },
  { id: 'ent-gaotan-electric', tenant: 'gaotan', name: '宁海县华鑫电器有限公司', industry: '电子电器', workers: 310 },
  { id: 'ent-gaotan-garment', tenant: 'gaotan', name: '宁海县锦绣服饰有限公司', industry: '纺织服装', workers: 270 },
  { id: 'ent-gaotan-logistics', tenant: 'gaotan', name: '宁海县通达仓储物流有限公司', industry: '仓储物流', workers: 150 },
  { id: 'ent-chalu-transport', tenant: 'chalu', name: '宁海县岔路顺通运输有限公司', industry: '道路货运', workers: 90 },
  { id: 'ent-chalu-tea', tenant: 'chalu', name: '宁海县岔路天明茶业有限公司', industry: '茶叶加工', workers: 60 },
  { id: 'ent-huchen-bayberry', tenant: 'huchen', name: '宁海县胡陈杨梅专业合作社', industry: '水果种植', workers: 45 },
  { id: 'ent-huchen-peach', tenant: 'huchen', name: '宁海县胡陈桃源水蜜桃专业合作社', industry: '水果种植', workers: 38 },
  { id: 'ent-huchen-loquat', tenant: 'huchen', name: '宁海县胡陈白枇杷专业合作社', industry: '水果种植', workers: 26 },
  { id: 'ent-huchen-produce', tenant: 'huchen', name: '宁海县胡陈东山果蔬专业合作社', industry: '果蔬种植', workers: 52 },
];

/**
 * A made-up unified social credit code for a demo enterprise (18 characters, Ninghai's area code).
 * @example
 * demoCreditCode(3); // '91330226MA2H000039'
 */
export function demoCreditCode(index: number): string {
  return `91330226MA2H${String(index * 13 + 0).padStart(5, '0')}${index % 10}`;
}
