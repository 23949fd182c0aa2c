import type { LocalizedText } from '@shuoshi/engine';
import type { ActionHandler } from './action-handler.js';
import { sendSmsParams, type SendSmsParams } from './send-sms-params.js';

/**
 * An SMS the host has sent (here: recorded instead of handed to a provider).
 * @example
 * const sms: SentSms = { caseId: 'NH-0001', to: '13800001234', template: 'matter_referred', text: { zh: '…', en: '…' } };
 */
export interface SentSms {
  caseId: string;
  to: string;
  template: SendSmsParams['template'];
  text: LocalizedText;
}

const TEMPLATES: Record<SendSmsParams['template'], LocalizedText> = {
  matter_referred: {
    zh: '【宁海县总工会】您反映的「{title}」已转交{agency}办理，我们会跟踪答复并告知您。查询码：{caseId}',
    en: '[Ninghai federation of trade unions] Your matter "{title}" has been referred to the {agency}; we will follow up and tell you their reply. Tracking code: {caseId}',
  },
  mediation_started: {
    zh: '【宁海县总工会】您反映的「{title}」已转调解员办理，调解员将尽快与您联系。查询码：{caseId}',
    en: '[Ninghai federation of trade unions] Your matter "{title}" is with a mediator, who will contact you soon. Tracking code: {caseId}',
  },
};

const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/**
 * Creates the handler of the `send_sms` action: renders the template from the case and records the
 * SMS in `sent`. A worker who stayed anonymous left no number, so nothing is sent.
 * @example
 * const sent: SentSms[] = [];
 * const handlers = { send_sms: createSmsSender(sent) };
 */
export function createSmsSender(sent: SentSms[]): ActionHandler {
  return (rawParams, { caseId, snapshot, workflow }) => {
    // The engine checked the workflow's params at registration; parsing again gives them their type and defaults.
    const params = sendSmsParams.parse(rawParams);
    const phone = snapshot.data[params.phoneField];
    if (typeof phone !== 'string' || phone === '') return;
    const agency = workflow.agencies?.[String(snapshot.data.referral_agency)]?.title;
    const title = typeof snapshot.data.title === 'string' ? snapshot.data.title : caseId;
    const template = TEMPLATES[params.template];
    sent.push({
      caseId,
      to: phone,
      template: params.template,
      text: {
        zh: fill(template.zh, { title, caseId, agency: agency?.zh ?? '' }),
        en: fill(template.en, { title, caseId, agency: agency?.en ?? '' }),
      },
    });
  };
}
