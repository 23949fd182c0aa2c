import { extendWorkflow, unionGrievance, type Overlay, type Workflow } from '@shuoshi/engine';

/**
 * An overlay on `union-grievance` v1 that texts the worker when the matter is referred to an
 * outside body or goes to mediation: both states ask the host for `send_sms` on entry.
 * @example
 * const result = extendWorkflow(unionGrievance, smsGrievanceOverlay);
 */
export const smsGrievanceOverlay: Overlay = {
  key: 'union-grievance-sms',
  version: 1,
  extends: { key: 'union-grievance', version: 1 },
  title: { zh: '职工诉求处理（短信告知）', en: "Workers' matter handling (SMS updates)" },
  // Declared here so the workflow validates on its own; the engine still insists the host registers it.
  actions: { send_sms: { title: { zh: '发送短信', en: 'Send an SMS' } } },
  states: {
    escalation: { onEntry: [{ type: 'action', name: 'send_sms', params: { template: 'matter_referred' } }] },
    mediation: { onEntry: [{ type: 'action', name: 'send_sms', params: { template: 'mediation_started', phoneField: 'worker_phone' } }] },
  },
};

function resolve(overlay: Overlay): Workflow {
  const result = extendWorkflow(unionGrievance, overlay);
  if (!result.ok) throw new Error(`The SMS overlay does not resolve: ${result.conflicts.map((c) => `${c.path}: ${c.message}`).join(' | ')}`);
  return result.workflow;
}

/**
 * `union-grievance` with SMS updates to the worker, resolved from `smsGrievanceOverlay`.
 * @example
 * createEngine({ workflows: [smsGrievance], actions: HOST_ACTIONS });
 */
export const smsGrievance: Workflow = resolve(smsGrievanceOverlay);
