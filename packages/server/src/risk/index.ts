import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createRiskRoutes } from './routes.js';

export { createRiskWorker, RISK_WORKER_INTERVAL_MS } from './risk-worker.js';
export { sweepRiskRegister, type RiskSweepOutcome, type RiskSweepOptions } from './risk-sweep.js';
export { evaluateRisk, type RiskAssessment, type RiskCase, type RiskColour, type RiskReason } from './evaluate-risk.js';
export { DEFAULT_RISK_RULES, riskRuleSchema, riskRuleListSchema, type RiskRule } from './risk-rules.js';

/**
 * Builds the router of the risk register: GET /risk-register, GET /risk-register/:enterpriseId and the rules.
 * @example
 * api.use(createRiskRouter(deps, registry));
 */
export function createRiskRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createRiskRoutes(deps, registry);
}
