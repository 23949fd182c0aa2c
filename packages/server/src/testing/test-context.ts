import { BUILTIN_TEMPLATES } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password.js';
import type { Database } from '../db/database.js';
import { createAppTestContext, type AppTestContext } from './app-test-context.js';
import { NINGHAI_TENANTS } from './demo-tenants.js';

/** The password of every test user. */
export const TEST_PASSWORD = 'test-password-1';

/**
 * Test users: one per role in the county and the two townships (username = `${tenant}.${role}`).
 * @example
 * await ctx.login('chalu.mediator');
 */
export const TEST_USERS: ReadonlyArray<{ tenant: string; role: string }> = ['ninghai', 'chalu', 'huchen', 'hengxiang'].flatMap((tenant) =>
  ['county_admin', 'township_admin', 'intake_operator', 'mediator', 'early_warning_officer', 'lawyer', 'counsellor', 'supervisor']
    .filter((role) => (tenant === 'ninghai' ? true : role !== 'county_admin'))
    .map((role) => ({ tenant, role })),
);

/**
 * A migrated database with the Ninghai tenant tree, test users and the built-in templates
 * published by the county, plus the app over it.
 * @example
 * const ctx: TestContext = await createTestContext();
 * const token = await ctx.login('chalu.intake_operator');
 */
export type TestContext = AppTestContext;

/**
 * Opens a fresh test database — PostgreSQL in its own schema when DATABASE_URL is set, else an
 * in-memory PGlite — and seeds it. Share one per test file: a PGlite costs seconds.
 * @example
 * const ctx = await createTestContext();
 * afterAll(() => ctx.close());
 */
export async function createTestContext(): Promise<TestContext> {
  return createAppTestContext({ label: 't', start: new Date('2025-09-29T09:00:00+08:00'), password: TEST_PASSWORD, seed: seedTestData });
}

async function seedTestData(db: Kysely<Database>): Promise<void> {
  const paths = new Map<string, string>();
  for (const tenant of NINGHAI_TENANTS) {
    const path = `${tenant.parent ? paths.get(tenant.parent) : '/'}${tenant.id}/`;
    paths.set(tenant.id, path);
    await db.insertInto('tenants').values({ tenant_id: tenant.id, parent_id: tenant.parent, level: tenant.level, name_zh: tenant.zh, name_en: tenant.en, path }).execute();
  }
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const { tenant, role } of TEST_USERS) {
    await db.insertInto('users').values({ tenant_id: tenant, user_id: `${tenant}.${role}`, username: `${tenant}.${role}`, display_name: `${tenant} ${role}`, password_hash: passwordHash, roles: [role] }).execute();
  }
  for (const workflow of BUILTIN_TEMPLATES) {
    await db
      .insertInto('workflows')
      .values({
        tenant_id: 'ninghai',
        workflow_id: `${workflow.key}@${workflow.version}`,
        key: workflow.key,
        version: workflow.version,
        status: 'published',
        title_zh: workflow.title.zh,
        title_en: workflow.title.en,
        definition: JSON.stringify(workflow),
        published_at: new Date(),
      })
      .execute();
  }
}
