import type { ActionRegistration } from '@shuoshi/engine';
import { sendSmsParams } from './send-sms-params.js';

/**
 * The actions this host registers with the engine: their names and the params they accept.
 * Workflows may ask for these and no others.
 * @example
 * const engine = createEngine({ workflows: [smsGrievance], actions: HOST_ACTIONS });
 */
export const HOST_ACTIONS: Readonly<Record<string, ActionRegistration>> = Object.freeze({
  send_sms: { description: 'Send the worker an SMS from an approved template', params: sendSmsParams },
});
