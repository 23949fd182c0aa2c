import { z } from 'zod';

/**
 * The SMS templates the host has had approved by its SMS provider; a workflow picks one by name.
 * @example
 * SMS_TEMPLATE_NAMES.includes('matter_referred'); // true
 */
export const SMS_TEMPLATE_NAMES = ['matter_referred', 'mediation_started'] as const;

/**
 * Zod schema of the `send_sms` action's params: which approved template, and which case field
 * holds the phone number. The engine checks every workflow's params against it at registration.
 * @example
 * sendSmsParams.parse({ template: 'matter_referred' }); // { template: 'matter_referred', phoneField: 'worker_phone' }
 */
export const sendSmsParams = z.strictObject({
  template: z.enum(SMS_TEMPLATE_NAMES),
  phoneField: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, { error: 'a field id in lower snake case, e.g. "worker_phone"' })
    .default('worker_phone'),
});

/**
 * Parameters of the `send_sms` action after parsing.
 * @example
 * const params: SendSmsParams = { template: 'mediation_started', phoneField: 'worker_phone' };
 */
export type SendSmsParams = z.infer<typeof sendSmsParams>;
