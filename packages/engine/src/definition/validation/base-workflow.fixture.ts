import type { StateDefinition } from '../state.js';
import type { Workflow } from '../workflow.js';
import type { ValidationCode, ValidationIssue } from './validation-issue.js';

const t = (zh: string, en: string) => ({ zh, en });

/**
 * A small valid workflow touching every rule, fresh on each call so a test can break one thing.
 * @example
 * const wf = createBaseWorkflow(); stateOf(wf, 'triage').transitions[0]!.target = 'nowhere';
 */
export function createBaseWorkflow(): Workflow {
  return {
    key: 'test-grievance',
    version: 1,
    title: t('测试维权', 'Test grievance'),
    calendar: 'cn-mainland',
    initial: 'intake',
    roles: { union_liaison: { title: t('联络员', 'Union liaison') } },
    agencies: { county_petition_desk: { title: t('县信访窗口', 'County petition desk') } },
    actions: { send_sms: { title: t('发送短信', 'Send SMS') } },
    fields: {
      category: {
        type: 'select',
        label: t('类别', 'Category'),
        required: true,
        options: [
          { value: 'wages', label: t('工资', 'Wages') },
          { value: 'injury', label: t('工伤', 'Injury') },
          { value: 'other', label: t('其他', 'Other') },
        ],
      },
      workers_affected: { type: 'integer', label: t('涉及人数', 'Workers affected'), min: 1 },
      agency: {
        type: 'select',
        label: t('转办单位', 'Agency'),
        options: [
          { value: 'court', label: t('法院', 'Court') },
          { value: 'county_petition_desk', label: t('县信访窗口', 'County petition desk') },
        ],
      },
      resolution: { type: 'longtext', label: t('处理结果', 'Resolution'), maxLength: 2000 },
      satisfied: { type: 'boolean', label: t('是否满意', 'Satisfied') },
      incident_date: { type: 'date', label: t('发生日期', 'Incident date') },
      shifts: {
        type: 'multiselect',
        label: t('班次', 'Shifts'),
        options: [
          { value: 'night', label: t('夜班', 'Night') },
          { value: 'day', label: t('白班', 'Day') },
        ],
      },
    },
    states: {
      intake: {
        title: t('受理', 'Intake'),
        roles: ['intake_operator'],
        sla: { within: '1wd' },
        warnings: [
          { at: '80%', level: 'yellow' },
          { at: '100%', level: 'red', notify: { roles: ['supervisor'] } },
        ],
        transitions: [
          { event: 'accept', label: t('受理', 'Accept'), target: 'triage', assign: 'actor' },
          { event: 'reject', label: t('不予受理', 'Reject'), target: 'closed', requires: ['resolution'] },
        ],
      },
      triage: {
        title: t('分流', 'Triage'),
        roles: ['mediator', 'union_liaison'],
        transitions: [
          {
            event: 'handle',
            label: t('直接办理', 'Handle directly'),
            target: 'handling',
            condition: {
              all: [
                { field: 'category', op: 'in', value: ['wages', 'injury'] },
                { field: 'workers_affected', op: 'lt', value: 10 },
              ],
            },
          },
          { event: 'refer', label: t('转办', 'Refer'), target: 'referred', requires: ['agency'] },
          { event: 'mediate', label: t('调解', 'Mediate'), target: 'mediation' },
        ],
      },
      mediation: {
        title: t('调解', 'Mediation'),
        sla: { within: '15wd' },
        onTimeout: { event: 'give_up' },
        transitions: [
          { event: 'agree', label: t('达成协议', 'Agree'), target: 'resolved', separation: { notActorOf: ['accept'] } },
          { event: 'wait_for_worker', label: t('等待职工', 'Wait for the worker'), clock: 'pause' },
          { event: 'worker_back', label: t('职工回复', 'Worker is back'), clock: 'resume' },
          { event: 'give_up', label: t('调解不成', 'Give up'), target: 'closed' },
        ],
      },
      referred: {
        title: t('已转办', 'Referred'),
        referral: { agencyField: 'agency', replyWithin: '10wd', replyEvent: 'reply', returnEvent: 'return_case' },
        transitions: [
          { event: 'reply', label: t('回复', 'Reply'), target: 'resolved', roles: ['agency', 'mediator'] },
          { event: 'return_case', label: t('退单', 'Return'), target: 'triage', roles: ['agency'] },
        ],
      },
      handling: {
        title: t('办理', 'Handling'),
        transitions: [{ event: 'resolve', label: t('办结', 'Resolve'), target: 'resolved', requires: ['resolution'] }],
      },
      resolved: {
        title: t('已办结', 'Resolved'),
        tags: ['resolved'],
        onEntry: [
          { type: 'notify', to: { worker: true, roles: ['supervisor'] }, message: t('已办结', 'Resolved') },
          { type: 'requestFollowUp', within: '3wd' },
          { type: 'action', name: 'send_sms', params: { template: 'resolved' } },
        ],
        transitions: [
          {
            event: 'follow_up',
            label: t('回访', 'Follow up'),
            target: 'closed',
            roles: ['counsellor'],
            requires: ['satisfied'],
            separation: { notHandler: true },
            condition: { field: 'satisfied', op: 'eq', value: true },
          },
          { event: 'reopen', label: t('重新办理', 'Reopen'), target: 'triage', condition: { not: { field: 'satisfied', op: 'eq', value: true } } },
        ],
      },
      closed: { title: t('已归档', 'Closed'), final: true, transitions: [] },
    },
    warningRules: {
      many_workers: { when: { field: 'workers_affected', op: 'gte', value: 10 }, level: 'red', notify: { roles: ['supervisor'] } },
      night_shift: { when: { field: 'shifts', op: 'contains', value: 'night' }, level: 'yellow' },
      old_incident: { when: { field: 'incident_date', op: 'lt', value: '2025-01-01' }, level: 'yellow' },
    },
  };
}

/**
 * Returns a state of a test workflow, failing loudly when it is missing.
 * @example
 * stateOf(createBaseWorkflow(), 'triage').roles; // ['mediator', 'union_liaison']
 */
export function stateOf(workflow: Workflow, id: string): StateDefinition {
  const state = workflow.states[id];
  if (!state) throw new Error(`Test workflow has no state "${id}".`);
  return state;
}

/**
 * Finds the one issue with this code and path, failing with the whole list when it is not there.
 * @example
 * const issue = findIssue(result.issues, 'UNKNOWN_TARGET', 'states.triage.transitions[0].target');
 */
export function findIssue(issues: readonly ValidationIssue[], code: ValidationCode, path: string): ValidationIssue {
  const issue = issues.find((candidate) => candidate.code === code && candidate.path === path);
  if (!issue) {
    const listing = issues.map((i) => `  ${i.code} ${i.path}: ${i.message}`).join('\n');
    throw new Error(`Expected ${code} at ${path}; got:\n${listing || '  (no issues)'}`);
  }
  return issue;
}
