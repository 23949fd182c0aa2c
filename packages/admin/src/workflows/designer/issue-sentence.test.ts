import { unionGrievance, validateWorkflow, VALIDATION_CODES, type Workflow } from '@shuoshi/engine';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../i18n/i18n-provider.js';
import { ISSUE_PARTS } from './issue-place.js';
import { issueSentence, type SentenceIssue } from './issue-sentence.js';
import { renderMessage, type Translate } from './message-ref.js';
import { validateDraft } from './use-live-validation.js';

const zh: Translate = polyglotI18nProvider((locale) => messagesOf(locale), 'zh-CN').translate;
const en: Translate = polyglotI18nProvider((locale) => messagesOf(locale), 'en').translate;
const label = (zh: string, en: string) => ({ zh, en });

function edited(change: (w: Workflow) => void): Workflow {
  const workflow = structuredClone(unionGrievance);
  change(workflow);
  return workflow;
}

function issuesOf(workflow: Workflow, code: string): SentenceIssue[] {
  return validateWorkflow(workflow).issues.filter((issue) => issue.code === code);
}

function said(issue: SentenceIssue | undefined, workflow: Workflow): { zh: string; en: string; key: string; general: boolean } {
  if (!issue) throw new Error('the engine reported no such issue');
  const inZh = issueSentence(issue, workflow, 'zh-CN');
  return { zh: renderMessage(inZh, zh), en: renderMessage(issueSentence(issue, workflow, 'en'), en), key: inZh.key, general: inZh.general };
}

// One edit of the grievance template per code, and what its Chinese sentence must say.
const CASES: Array<[code: string, change: (w: Workflow) => void, expected: string]> = [
  ['UNKNOWN_INITIAL', (w) => { w.initial = 'intak'; }, '开始环节“intak”不存在：请在流程设置的“开始环节”中选一个已有环节。'],
  ['UNREACHABLE_STATE', (w) => { w.states['lonely'] = { title: label('孤立环节', 'Lonely'), transitions: [{ event: 'close', label: label('归档', 'Close'), target: 'closed' }] }; }, '从开始环节“受理”无法到达环节“孤立环节”'],
  ['NO_PATH_TO_FINAL', (w) => {
    w.states['loop'] = { title: label('空转', 'Idle'), transitions: [{ event: 'again', label: label('再来', 'Again'), target: 'loop' }] };
    w.states['intake']?.transitions.push({ event: 'to_loop', label: label('转空转', 'To idle'), target: 'loop' });
  }, '从环节“空转”走不到任何结束环节，进入这里的事项永远无法办结：请从它（或它流转到的环节）添加一个通往结束环节（如“不予受理”）的操作。'],
  ['DEAD_END', (w) => {
    w.states['stuck'] = { title: label('商会调解', 'Chamber mediation'), transitions: [] };
    w.states['intake']?.transitions.push({ event: 'to_stuck', label: label('转商会', 'To the chamber'), target: 'stuck' });
  }, '环节“商会调解”不是结束环节，却没有任何操作，进入这里的事项会卡住：请为它添加一个操作，或把它设为结束环节。'],
  ['FINAL_WITH_TRANSITIONS', (w) => { w.states['closed']?.transitions.push({ event: 'reopen', label: label('重开', 'Reopen'), target: 'reopened' }, { event: 'undo', label: label('撤销归档', 'Unclose'), target: 'resolved' }); }, '环节“归档”是结束环节，却还有操作（重开、撤销归档）'],
  ['NO_FINAL_STATE', (w) => { for (const state of Object.values(w.states)) delete state.final; }, '请把最后一个环节（例如“归档”）设为结束环节。'],
  ['UNKNOWN_ROLE', (w) => { w.states['triage']!.transitions[0]!.roles = ['medator']; }, '环节“研判分流”的操作“直接办理”的可操作角色中的角色“medator”不存在'],
  ['UNKNOWN_FIELD', (w) => { w.warningRules!['many_workers']!.when = { field: 'workers_afected', op: 'gte', value: 10 }; }, '预警规则“涉及10人以上”的条件中的字段“workers_afected”不存在'],
  ['UNKNOWN_AGENCY', (w) => { w.states['escalation']!.referral = { agency: 'courtt', replyWithin: '15wd', replyEvent: 'agency_replied' }; }, '环节“跨界联动”转办的单位“courtt”不存在'],
  ['UNKNOWN_ACTION', (w) => { w.states['intake']!.onEntry = [{ type: 'action', name: 'send_smss' }]; }, '环节“受理”进入时要执行的自定义动作“send_smss”不存在'],
  ['DUPLICATE_EVENT', (w) => { w.states['intake']!.transitions.push({ event: 'accept', label: label('再受理', 'Accept again'), target: 'triage' }); }, '环节“受理”中有两个操作的编号都是“accept”'],
  ['BAD_DURATION', (w) => { w.states['intake']!.warnings = [{ at: '100%', level: 'red' }, { at: '80%', level: 'yellow' }]; }, '环节“受理”的第 2 级预警触发点“80%”不晚于上一级'],
  ['UNKNOWN_CALENDAR', (w) => { w.states['intake']!.sla = { within: '1wd', calendar: 'ninghai' }; }, '环节“受理”的办理时限使用的工作日历“ninghai”不存在'],
  ['BAD_CONDITION', (w) => { w.warningRules!['wage_arrears']!.when = { field: 'category', op: 'gt', value: 'wages' }; }, '预警规则“欠薪诉求”的条件中，字段“诉求类别”是“单选”字段，不能用“大于”比较'],
  ['REQUIRED_FIELD_UNDEFINED', (w) => { w.states['intake']!.transitions[1]!.requires = ['decline_reasn']; }, '环节“受理”的操作“不予受理”要求填写字段“decline_reasn”，但没有这个字段'],
  ['BAD_FIELD', (w) => { w.fields['common_demand']!.maxLength = 3; }, '字段“共性诉求”是“是/否”字段，不能设置最多字数（“3”）'],
  ['BAD_REFERRAL', (w) => { w.states['escalation']!.referral!.replyEvent = 'agency_replyed'; }, '环节“跨界联动”收到答复的操作“agency_replyed”不是这个环节的操作'],
  ['BAD_TIMEOUT', (w) => { w.states['intake']!.onTimeout = { event: 'acept' }; }, '环节“受理”超时后自动执行的操作“acept”不是这个环节的操作'],
  ['BAD_SEPARATION', (w) => { w.states['follow_up']!.transitions[0]!.separation = { notActorOf: ['resolv'] }; }, '环节“回访评价”的操作“满意，归档”的回避设置提到操作“resolv”'],
  ['SCHEMA', (w) => { w.states['intake']!.sla = { within: '5x' }; }, '环节“受理”的办理时限填写的“5x”不符合要求：请检查并改正。'],
];

describe('the sentence of a validation issue', () => {
  it('names the state and event by their titles and says how to fix a wrong target', () => {
    const workflow = edited((w) => { w.states['triage']!.transitions[4]!.target = 'legal_aidd'; });
    const sentence = said(issuesOf(workflow, 'UNKNOWN_TARGET')[0], workflow);
    expect(sentence.zh).toBe('环节“研判分流”的操作“跨界联动”流转到“legal_aidd”，但没有这个环节：请在该操作的“流转到”中选一个已有环节，或添加这个环节。');
    const event = unionGrievance.states['triage']!.transitions[4]!.label.en;
    expect(sentence.en).toBe(`The event "${event}" of the state "Triage" goes to "legal_aidd", but there is no such state: choose an existing state under "Goes to" for this event, or add a state "legal_aidd".`);
    expect(sentence.general).toBe(false);
  });

  it.each(CASES)('says %s as a whole Chinese sentence, and in English', (code, change, expected) => {
    const workflow = edited(change);
    const sentence = said(issuesOf(workflow, code)[0], workflow);
    expect(sentence.zh).toContain(expected);
    expect(sentence.zh).toMatch(/。$/);
    expect(sentence.en).toMatch(/\.$/);
    for (const text of [sentence.zh, sentence.en]) expect(text).not.toMatch(/%\{|shuoshi\./);
    // The English sentence names things by their English titles: no Chinese is left in it.
    expect(sentence.en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('covers every validation code the engine reports', () => {
    const covered = new Set(['UNKNOWN_TARGET', 'LOCKED_NODE', ...CASES.map(([code]) => code)]);
    expect(VALIDATION_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('tells the variants of one code apart', () => {
    const ladder = edited((w) => { w.states['intake']!.warnings = [{ at: '1d', level: 'red' }, { at: '2d', level: 'yellow' }]; });
    expect(said(issuesOf(ladder, 'BAD_DURATION')[0], ladder).zh).toBe('环节“受理”的第 2 级预警把颜色降成了“黄色预警”：预警只能逐级升高，请改用更高的颜色，或调整顺序。');
    const noSla = edited((w) => { delete w.states['mediation']!.sla; });
    expect(said(issuesOf(noSla, 'BAD_DURATION').find((i) => i.segments.at(-1) === 'clock'), noSla).zh).toContain('环节“调解”的操作“等待补充材料（暂停计时）”设置了时限计时“停表”，但这个环节没有办理时限');
    expect(said(issuesOf(noSla, 'BAD_DURATION')[0], noSla).zh).toBe('环节“调解”的第 1 级预警设在时限的“80%”，但这个环节没有办理时限：请先设置办理时限，或把触发点改为时长（如 2wd）。');
    const same = edited((w) => { w.states['escalation']!.referral!.returnEvent = 'agency_replied'; });
    expect(said(issuesOf(same, 'BAD_REFERRAL')[0], same).key).toBe('shuoshi.validation.referral_same_events');
    const select = edited((w) => { delete w.fields['category']!.options; });
    expect(said(issuesOf(select, 'BAD_FIELD').find((i) => i.segments[1] === 'category'), select).zh).toBe('字段“诉求类别”是“单选”字段，却没有选项：请至少添加一个选项。');
    const value = edited((w) => { w.warningRules!['many_workers']!.when = { field: 'workers_affected', op: 'gte', value: 'ten' }; });
    const wrong = said(issuesOf(value, 'BAD_CONDITION')[0], value);
    expect(wrong.zh).toBe('预警规则“涉及10人以上”的条件中的“涉及职工人数 大于或等于”的比较值“ten”不合适：请按字段类型（整数）填写；单选字段要填它的选项之一。');
    expect(wrong.general).toBe(true);
  });

  it('says which keys the shape does not allow', () => {
    const workflow = edited((w) => { Object.assign(w.states['intake']!, { deadline: '3wd' }); });
    expect(said(issuesOf(workflow, 'SCHEMA')[0], workflow).zh).toBe('环节“受理”中有不认识的项“deadline”：请删除，或改正拼写。');
  });

  it('says what is missing when the shape lacks a key', () => {
    const workflow = edited((w) => { delete (w.states['triage'] as { title?: unknown }).title; });
    const sentence = said(issuesOf(workflow, 'SCHEMA')[0], workflow);
    expect(sentence.zh).toBe('环节“triage”缺少“名称”：请补上。');
    expect(sentence.en).toBe('Something is missing in the state "triage": fill in "name".');
  });

  it("reads an overlay's conflicts on the draft: a locked state, named by its title", () => {
    const draft = edited((w) => { w.states['resolved']!.title = { zh: '已办结', en: 'Resolved' }; });
    const issues = validateDraft(draft, unionGrievance, [], 'chalu-grievance', 1);
    const sentence = said(issues.find((i) => i.code === 'LOCKED_NODE'), draft);
    expect(sentence.zh).toBe('环节“已办结”由县总工会模板锁定，乡镇定制不能修改或删除它：请撤销对它的修改。');
    const wrong = edited((w) => { w.states['triage']!.transitions[0]!.target = 'direct_handlin'; });
    const target = validateDraft(wrong, unionGrievance, [], 'chalu-grievance', 1).find((i) => i.code === 'UNKNOWN_TARGET');
    expect(target?.value).toBe('direct_handlin');
    expect(said(target, wrong).zh).toContain('环节“研判分流”的操作“直接办理”流转到“direct_handlin”');
  });

  it('falls back to a general sentence that names the place and the kind', () => {
    const sentence = said({ code: 'BOTH_CHANGED', segments: ['states', 'mediation', 'sla'] }, unionGrievance);
    expect(sentence.zh).toBe('环节“调解”的办理时限有问题（模板和乡镇定制都修改了）：请按提示修改。');
    expect(sentence.general).toBe(true);
    expect(said({ code: 'SOMETHING_NEW', segments: [] }, unionGrievance).zh).toBe('流程设置有问题（SOMETHING_NEW）：请按提示修改。');
  });

  it('has a text for every part it may name, in both languages', () => {
    for (const [kind, parts] of Object.entries(ISSUE_PARTS)) {
      for (const part of parts) {
        for (const translate of [zh, en]) expect(translate(`shuoshi.validation.part_${kind}.${part}`, { _: '' }), `${kind}.${part}`).not.toBe('');
      }
    }
  });
});
