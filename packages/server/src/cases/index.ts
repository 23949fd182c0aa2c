import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createCaseRoutes, type CaseRouters } from './routes.js';

export { createAttachmentUploadParser, type CaseRouters } from './routes.js';

/**
 * Builds the routers of the cases resource: all its routes, and the one of sending an event.
 * @example
 * api.use(createCasesRouter(deps, registry).all);
 */
export function createCasesRouter(deps: AppDeps, registry: RouteRegistry): CaseRouters {
  return createCaseRoutes(deps, registry);
}
export { createCaseWriteService, HOST_EVENTS, type CaseWriteService, type WriteResult } from './service.js';
export { stepCaseRow, versionConflict, type StepOutcome, type StepRequest, type StepResponse } from './step-case.js';
export { findCaseById, lockCasesByIds, type CaseRow } from './repository.js';
export { createCaseRowCache, type CaseRowCache } from './case-row-cache.js';
export { presentCase, maskCaseData, workflowOf } from './present-case.js';
export { openCase, OPEN_EVENT, type OpenCaseInput } from './open-case.js';
export { tenantInScope, visibleWorkflow, visibleWorkflowKeys } from './lookups.js';
