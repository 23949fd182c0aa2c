import { DEMO_PASSWORD, DEMO_STAFF, ROLE_LABELS } from '../seed/demo-staff.js';
import { DEMO_TENANTS } from '../seed/demo-tenants.js';
import type { SeedSummary } from '../seed/seed-demo.js';

/**
 * What the start-up text reports.
 * @example
 * const facts: BannerFacts = { url: 'http://127.0.0.1:3000', database: 'PGlite /srv/data', seeded: null, demoUsers: ['chalu.admin'], adminDist: undefined, startMs: 900 };
 */
export interface BannerFacts {
  url: string;
  database: string;
  seeded: SeedSummary | null;
  /** The demo usernames that exist in the database. */
  demoUsers: readonly string[];
  adminDist: string | undefined;
  startMs: number;
}

/** The demo accounts the start-up table shows, one or two per union; the others follow the same pattern. */
export const FEATURED_LOGINS: readonly string[] = [
  'ninghai.admin',
  'ninghai.supervisor',
  'ninghai.intake',
  'chalu.admin',
  'chalu.intake',
  'chalu.mediator',
  'huchen.admin',
  'huchen.chamber1',
  'gaotan.admin',
  'gaotan.mediator1',
  'gaotan.warning1',
  'gaotan.lawyer1',
  'nanbu.admin',
  'nanbu.intake1',
  'hengxiang.admin',
  'fangzheng.evaluator1',
];

// Terminals draw CJK characters two columns wide.
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return columns;
}

function pad(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(1, columns - width(text)));
}

/**
 * The demo logins as a table (username, password, role, union, in Chinese and English), for the
 * featured accounts that exist, with a line on the rest.
 * @example
 * loginTable(['chalu.admin']).join('\n');
 */
export function loginTable(demoUsers: readonly string[]): string[] {
  const existing = new Set(demoUsers);
  const rows = FEATURED_LOGINS.flatMap((username) => {
    const staff = DEMO_STAFF.find((s) => s.username === username);
    if (!staff || !existing.has(username)) return [];
    const role = ROLE_LABELS[staff.roles[0] ?? ''];
    const tenant = DEMO_TENANTS.find((t) => t.id === staff.tenant);
    return [[username, DEMO_PASSWORD, role ? `${role.zh} ${role.en}` : staff.roles.join(', '), tenant ? `${tenant.zh} ${tenant.en}` : staff.tenant]];
  });
  if (rows.length === 0) return [];
  const header = ['用户名 username', '密码 password', '角色 role', '工会 union'];
  const columns = header.map((title, i) => Math.max(width(title), ...rows.map((row) => width(row[i] ?? ''))) + 2);
  const line = (cells: readonly string[]): string => `  ${cells.map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, columns[i] ?? 0))).join('')}`.trimEnd();
  const others = demoUsers.length - rows.length;
  return [
    line(header),
    ...rows.map(line),
    ...(others > 0 ? [`  … 另有 ${others} 个演示账号，同一密码，用户名为 <工会>.<角色> / ${others} more demo accounts, same password, named <union>.<role> (e.g. gaotan.mediator2, huchen.lawyer, fangzheng.intake)`] : []),
  ];
}

/**
 * The text printed when the server is up: where it listens, the data, the demo and its logins.
 * @example
 * console.log(startupBanner(facts).join('\n'));
 */
export function startupBanner(facts: BannerFacts): string[] {
  const seeded = facts.seeded;
  const logins = loginTable(facts.demoUsers);
  return [
    '',
    `职工说事 Shuoshi 服务已启动 / server is up: ${facts.url}  (${(facts.startMs / 1000).toFixed(1)} s)`,
    `  数据 data:       ${facts.database}`,
    seeded
      ? `  演示数据 demo:  首次启动，已生成宁海县演示数据 / first start, seeded the Ninghai demo: ${seeded.tenants} unions, ${seeded.users} staff, ${seeded.cases} cases, ${seeded.events} events (${(seeded.ms / 1000).toFixed(1)} s)`
      : logins.length > 0
        ? '  演示数据 demo:  已存在，保留全部记录 / already there, every record kept'
        : '  演示数据 demo:  无 / none (run `shuoshi seed` on an empty database, or create users through the API)',
    facts.adminDist ? `  管理后台 admin:  ${facts.url}/  (${facts.adminDist})` : '  管理后台 admin:  未构建，仅提供 API / not built, API only',
    `  API:            ${facts.url}/api   OpenAPI: ${facts.url}/api/openapi.json   health: ${facts.url}/healthz`,
    ...(logins.length > 0
      ? [
          '',
          '演示账号 Demo logins:',
          ...logins,
          '',
          `  登录 sign in: curl -s -X POST ${facts.url}/api/auth/login -H 'content-type: application/json' -d '{"username":"chalu.admin","password":"${DEMO_PASSWORD}"}'`,
        ]
      : []),
    '',
    '按 Ctrl+C 停止 / press Ctrl+C to stop',
    '',
  ];
}
