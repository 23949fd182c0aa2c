export { seedDemoIfEmpty, isDatabaseEmpty, type SeedOptions, type SeedSummary } from './seed-demo.js';
export { buildDemoData, type DemoCase, type DemoData, type DemoOptions } from './build-demo-data.js';
export { DEMO_PASSWORD, DEMO_STAFF, ROLE_LABELS, type DemoStaff } from './demo-staff.js';
export { DEMO_TENANTS, demoTenantPaths, type DemoTenant } from './demo-tenants.js';
export { DEMO_AGENCIES, DEMO_ENTERPRISES, type DemoAgency, type DemoEnterprise } from './demo-organisations.js';
export { demoWorkflows, type DemoWorkflow } from './demo-workflows.js';
