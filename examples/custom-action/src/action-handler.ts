import type { CaseSnapshot, Workflow } from '@shuoshi/engine';

/**
 * What a handler knows when it carries out an action: the case after the step, and its workflow.
 * @example
 * const context: ActionContext = { caseId: 'NH-0001', snapshot, workflow: smsGrievance };
 */
export interface ActionContext {
  caseId: string;
  snapshot: CaseSnapshot;
  workflow: Workflow;
}

/**
 * The host-side code behind one registered action; the engine only names it in an `action` effect.
 * @example
 * const handlers: Record<string, ActionHandler> = { send_sms: createSmsSender(sent) };
 */
export type ActionHandler = (params: Record<string, unknown>, context: ActionContext) => void;
