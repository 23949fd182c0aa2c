import { createEngine, extendWorkflow, isEngineError, unionGrievance, type Actor, type StepResult } from '@shuoshi/engine';
import type { ActionHandler } from './action-handler.js';
import { carryOutActions } from './carry-out-actions.js';
import { HOST_ACTIONS } from './host-actions.js';
import { smsGrievance, smsGrievanceOverlay } from './sms-grievance.js';
import { createSmsSender, type SentSms } from './sms-sender.js';

const operator: Actor = { id: 'op-chen', roles: ['intake_operator'] };
const admin: Actor = { id: 'admin-ye', roles: ['township_admin'] };
const caseId = 'NH-2025-0227';
const sent: SentSms[] = [];
// The host's side of the contract: one function per action it registered with the engine.
const handlers: Record<string, ActionHandler> = { send_sms: createSmsSender(sent) };
const maskPhone = (phone: string): string => phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2');

// The engine runs no I/O: this script is the host, and the SMS handler records instead of sending.
let now = Date.parse('2025-11-04T09:10:00+08:00');
const engine = createEngine({ workflows: [smsGrievance], actions: HOST_ACTIONS, now: () => now });

function report(label: string, { snapshot, effects }: StepResult): void {
  const title = smsGrievance.states[snapshot.state]?.title;
  console.log(`${label} → ${title?.zh ?? snapshot.state} ${title?.en ?? ''}`);
  for (const effect of effects) {
    if (effect.type === 'action') console.log(`  动作效果 action effect: ${effect.name} ${JSON.stringify(effect.params)}（进入 on entering ${effect.state}）`);
  }
  const before = sent.length;
  const ran = carryOutActions(effects, handlers, { caseId, snapshot, workflow: smsGrievance });
  for (const sms of sent.slice(before)) console.log(`  短信 SMS → ${maskPhone(sms.to)}：${sms.text.zh}\n      ${sms.text.en}`);
  if (ran === 0) console.log('  （无宿主动作 no host action）');
}

console.log(`${smsGrievance.title.zh} / ${smsGrievance.title.en}\n`);
let step = engine.start({ key: smsGrievance.key }, {
  data: { title: '下夜班后打车难', description: '夜班22:00下班后要步行约3公里才能打到车。', worker_phone: '13800001234' },
  actor: operator,
  channel: 'phone',
});
report('开案 opened', step);
now += 3_600_000;
step = engine.apply(step.snapshot, { type: 'accept' }, operator);
report('accept 受理', step);
now += 3_600_000;
step = engine.apply(step.snapshot, {
  type: 'escalate',
  data: { category: 'commute', referral_agency: 'people_congress_liaison', referral_note: '建议形成代表建议，推动开通夜班公交。' },
}, admin);
report('escalate 跨界联动', step);

console.log('\n引擎拒绝的配置 / what the engine refuses:');
try {
  createEngine({ workflows: [smsGrievance] });
} catch (error) {
  if (!isEngineError(error)) throw error;
  console.log(`  未注册动作 unregistered action → ${error.code}: ${error.message}`);
}
const badTemplate = extendWorkflow(unionGrievance, {
  ...smsGrievanceOverlay,
  states: { escalation: { onEntry: [{ type: 'action', name: 'send_sms', params: { template: 'weekly_digest' } }] } },
});
if (badTemplate.ok) {
  try {
    createEngine({ workflows: [badTemplate.workflow], actions: HOST_ACTIONS });
  } catch (error) {
    if (!isEngineError(error)) throw error;
    console.log(`  参数不符 bad params → ${error.code}: ${error.message}`);
  }
}
