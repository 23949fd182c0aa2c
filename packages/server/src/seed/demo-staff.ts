import { BUILTIN_ROLE_TITLES } from '../roles/builtin-role-titles.js';

/**
 * A demo staff account: readable username, the union it belongs to and its roles.
 * @example
 * const s: DemoStaff = { username: 'chalu.admin', tenant: 'chalu', roles: ['township_admin'], displayName: '叶海燕' };
 */
export interface DemoStaff {
  username: string;
  tenant: string;
  roles: string[];
  displayName: string;
}

/** The password every demo account shares; printed at start-up. */
export const DEMO_PASSWORD = 'shuoshi-demo';

/**
 * Role names in the demo's usernames (`chalu.intake`) and in the printed table.
 * @example
 * ROLE_LABELS.mediator.zh; // '调解员'
 */
export const ROLE_LABELS: Readonly<Record<string, { short: string; zh: string; en: string }>> = {
  county_admin: { short: 'admin', ...BUILTIN_ROLE_TITLES.county_admin },
  township_admin: { short: 'admin', ...BUILTIN_ROLE_TITLES.township_admin },
  intake_operator: { short: 'intake', ...BUILTIN_ROLE_TITLES.intake_operator },
  mediator: { short: 'mediator', ...BUILTIN_ROLE_TITLES.mediator },
  early_warning_officer: { short: 'warning', ...BUILTIN_ROLE_TITLES.early_warning_officer },
  lawyer: { short: 'lawyer', ...BUILTIN_ROLE_TITLES.lawyer },
  counsellor: { short: 'counsellor', ...BUILTIN_ROLE_TITLES.counsellor },
  supervisor: { short: 'supervisor', ...BUILTIN_ROLE_TITLES.supervisor },
  // Declared by the demo's township overlays (see the roles/ resource), not built in.
  chamber_mediator: { short: 'chamber', zh: '商会调解员', en: 'Chamber mediator' },
  idea_evaluator: { short: 'evaluator', zh: '金点子评审员', en: 'Idea evaluator' },
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗叶应葛邬俞袁'.split('');
const GIVEN = ['海燕', '建国', '丽娟', '志强', '晓明', '雪芬', '伟', '静', '国平', '春燕', '立新', '美玲', '振华', '小红', '宏伟', '慧', '军', '秀英', '敏', '卫东', '佳怡', '子豪', '雅琴', '国庆', '婷'];

// [tenant, username prefix, roles and how many of each]
const ROSTER: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, number]>]> = [
  ['ninghai', 'ninghai', [['county_admin', 1], ['supervisor', 1], ['intake_operator', 1], ['mediator', 1], ['lawyer', 1], ['counsellor', 1], ['early_warning_officer', 1]]],
  ['chalu', 'chalu', [['township_admin', 1], ['intake_operator', 1], ['mediator', 1], ['early_warning_officer', 1], ['lawyer', 1], ['counsellor', 1], ['supervisor', 1]]],
  ['huchen', 'huchen', [['township_admin', 1], ['intake_operator', 1], ['mediator', 1], ['early_warning_officer', 1], ['lawyer', 1], ['counsellor', 1], ['supervisor', 1], ['chamber_mediator', 2]]],
  ['gaotan', 'gaotan', [['township_admin', 1], ['supervisor', 1], ['counsellor', 1]]],
  ['gaotan_ws', 'gaotan', [['intake_operator', 1], ['lawyer', 3]]],
  ['nanbu', 'nanbu', [['township_admin', 1], ['supervisor', 1], ['mediator', 1], ['early_warning_officer', 1], ['lawyer', 1], ['counsellor', 1]]],
  ['nanbu_ws', 'nanbu', [['intake_operator', 2]]],
  ['hengxiang', 'hengxiang', [['township_admin', 1], ['intake_operator', 1], ['idea_evaluator', 1]]],
  ['fangzheng', 'fangzheng', [['township_admin', 1], ['intake_operator', 1], ['idea_evaluator', 2]]],
];

// The Gaotan workstation's 10 enterprise mediators and 5 early-warning officers sit in its 5 sub-points.
const GAOTAN_SUB_POINT_STAFF: DemoStaff[] = [1, 2, 3, 4, 5].flatMap((point) => [
  { username: `gaotan.mediator${point * 2 - 1}`, tenant: `gaotan_sp${point}`, roles: ['mediator'], displayName: '' },
  { username: `gaotan.mediator${point * 2}`, tenant: `gaotan_sp${point}`, roles: ['mediator'], displayName: '' },
  { username: `gaotan.warning${point}`, tenant: `gaotan_sp${point}`, roles: ['early_warning_officer'], displayName: '' },
]);

function buildStaff(): DemoStaff[] {
  const staff: DemoStaff[] = [];
  for (const [tenant, prefix, roles] of ROSTER) {
    for (const [role, count] of roles) {
      const short = ROLE_LABELS[role]?.short ?? role;
      for (let n = 1; n <= count; n++) {
        staff.push({ username: `${prefix}.${short}${count > 1 ? n : ''}`, tenant, roles: [role], displayName: '' });
      }
    }
  }
  staff.push(...GAOTAN_SUB_POINT_STAFF);
  // Names are drawn in a fixed order so that every seed gives everyone the same name.
  return staff.map((member, index) => ({
    ...member,
    displayName: `${SURNAMES[(index * 7) % SURNAMES.length] ?? '王'}${GIVEN[(index * 11) % GIVEN.length] ?? '伟'}`,
  }));
}

/**
 * Every demo staff account: each role in the county, the townships and parks (`chalu.admin`,
 * `huchen.chamber1`), the Gaotan workstation's 10 mediators, 5 early-warning officers and 3
 * lawyers (`gaotan.mediator1` ... ), the night-call operators of the southern zone and the
 * enterprise unions' chairs, operators and idea evaluators.
 * @example
 * DEMO_STAFF.find((s) => s.username === 'gaotan.mediator1')?.tenant; // 'gaotan_sp1'
 */
export const DEMO_STAFF: readonly DemoStaff[] = Object.freeze(buildStaff());
