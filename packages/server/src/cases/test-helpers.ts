import request from 'supertest';
import type { TestContext } from '../testing/test-context.js';
import type { CaseDto } from './schemas.js';

/** What the sanitation worker at Hengxiang asked for (the source page's sleeves demand). */
export const SLEEVES_DATA = {
  title: '环卫工人希望发放可拆卸袖套',
  description: '夏天扫地戴袖套太热，冬天又不够，希望发放可拆卸的袖套。',
  worker_name: '李阿姨',
  worker_phone: '13812345678',
  enterprise: '恒祥保洁有限公司',
} as const;

/**
 * Signs in test users once per file and remembers their tokens.
 * @example
 * const tokens = tokenCache(ctx);
 * await tokens('chalu.intake_operator');
 */
export function tokenCache(ctx: TestContext): (username: string) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (username) => {
    let token = tokens.get(username);
    if (!token) {
      token = ctx.login(username);
      tokens.set(username, token);
    }
    return token;
  };
}

/**
 * Opens a union-grievance case through the API and answers it (fails the test on anything but 201).
 * @example
 * const opened = await openCase(ctx, token, { tenantId: 'chalu' });
 */
export async function openCase(ctx: TestContext, token: string, overrides: Record<string, unknown> = {}): Promise<CaseDto> {
  const response = await request(ctx.app)
    .post('/api/cases')
    .set('Authorization', `Bearer ${token}`)
    .send({ workflow: { key: 'union-grievance' }, channel: 'walk_in', data: SLEEVES_DATA, ...overrides });
  if (response.status !== 201) throw new Error(`opening a case failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as CaseDto;
}
