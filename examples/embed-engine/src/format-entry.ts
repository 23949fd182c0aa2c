import type { ActiveTimer, Actor, Effect, LocalizedText, Recipients, WarningCause, WarningLevel, Workflow } from '@shuoshi/engine';
import type { TimelineEntry } from './in-memory-store.js';
import { shanghaiTime } from './shanghai-time.js';

const COLOURS: Record<WarningLevel, string> = { green: '🟢 绿 green', yellow: '🟡 黄 yellow', red: '🔴 红 red' };

// The engine knows roles by id only; a host shows people the names they use at work.
const ROLE_TITLES: Record<string, string> = {
  county_admin: '县总工会管理员 county admin',
  township_admin: '乡镇工会管理员 township admin',
  intake_operator: '接线员 intake operator',
  mediator: '调解员 mediator',
  early_warning_officer: '预警员 early-warning officer',
  lawyer: '律师 lawyer',
  counsellor: '心理咨询师 counsellor',
  supervisor: '督办 supervisor',
  worker: '职工 worker',
  agency: '联动单位 agency',
  system: '系统 system',
};

const CHANNELS: Record<string, string> = { phone: '电话 phone', walk_in: '来访 walk-in', online: '网上 online', mini_program: '小程序 mini program' };

const both = (text: LocalizedText | undefined, fallback: string): string => (text ? `${text.zh} ${text.en}` : fallback);

function stateTitle(workflow: Workflow, state: string): string {
  return both(workflow.states[state]?.title, state);
}

function eventLabel(workflow: Workflow, event: string): string {
  for (const state of Object.values(workflow.states)) {
    const transition = state.transitions.find((t) => t.event === event);
    if (transition) return `${event}「${transition.label.zh} / ${transition.label.en}」`;
  }
  return event;
}

function actorLabel(workflow: Workflow, actor: Actor): string {
  if (actor.agency) return `${both(workflow.agencies?.[actor.agency]?.title, actor.agency)}（${actor.id}）`;
  const roles = actor.roles.map((role) => ROLE_TITLES[role] ?? role).join('，');
  return actor.name ? `${actor.name}（${roles}）` : `${actor.id}（${roles}）`;
}

function timerLabel(workflow: Workflow, timer: ActiveTimer): string {
  const state = workflow.states[timer.state]?.title.zh ?? timer.state;
  if (timer.kind === 'warning') return `${state} · ${timer.level === 'red' ? '红' : '黄'}色预警 ${timer.level ?? 'yellow'} warning`;
  if (timer.kind === 'sla') return `${state} · 办理时限 SLA`;
  if (timer.kind === 'referral') return `${state} · 答复期限 reply deadline`;
  return `${state} · 超时自动 timeout → ${timer.ref ?? ''}`;
}

function recipients(to: Recipients): string {
  const who = [...(to.worker ? ['职工 worker'] : []), ...(to.assignee ? ['经办人 assignee'] : []), ...(to.roles ?? []).map((r) => ROLE_TITLES[r] ?? r)];
  return who.join('，');
}

function causeLabel(workflow: Workflow, cause: WarningCause): string {
  if (cause.source === 'rule') return both(workflow.warningRules?.[cause.id]?.title, cause.id);
  if (cause.source === 'referral') return '交办逾期 referral overdue';
  const [state = '', step = '0'] = cause.id.split('#');
  const at = workflow.states[state]?.warnings?.[Number(step)]?.at ?? '';
  return `${workflow.states[state]?.title.zh ?? state} ${at}`;
}

function summarise(workflow: Workflow, effect: Effect): string | undefined {
  switch (effect.type) {
    case 'scheduleTimer':
      return `⏱ 定时 schedule：${timerLabel(workflow, effect.timer)} @ ${shanghaiTime(effect.timer.dueAt)}`;
    case 'cancelTimer':
    case 'stateChanged':
      // Shown once per entry: the cancels grouped, the state change on the state line.
      return undefined;
    case 'notify':
      return `✉ 通知 notify → ${recipients(effect.to)}：${effect.message.zh} / ${effect.message.en}`;
    case 'refer':
      return `📨 交办 refer → ${both(workflow.agencies?.[effect.agency]?.title, effect.agency)}，答复期限 reply due ${shanghaiTime(effect.replyDueAt)}`;
    case 'referralClosed':
      return `📨 交办结束 referral closed：${effect.agency} ${effect.status}`;
    case 'requestFollowUp':
      return `☎ 请求回访 follow-up requested${effect.dueAt ? `，截止 due ${shanghaiTime(effect.dueAt)}` : ''}`;
    case 'warningChanged':
      return `⚠ 预警 warning ${COLOURS[effect.from]} → ${COLOURS[effect.to]}${effect.causes.length > 0 ? `（${effect.causes.map((c) => causeLabel(workflow, c)).join('，')}）` : ''}`;
    case 'slaBreached':
      return `⌛ 超时 SLA breached：${stateTitle(workflow, effect.state)}，时限 due ${shanghaiTime(effect.dueAt)}`;
    case 'assigned':
      return `👤 指派 assigned：${effect.from ?? '—'} → ${effect.to ?? '—'}`;
    case 'caseClosed':
      return `✔ 归档 case closed：${stateTitle(workflow, effect.state)}`;
    case 'migrated':
      return `⇄ 迁移 migrated：${effect.from.key} v${effect.from.version} → ${effect.to.key} v${effect.to.version}`;
    case 'action':
      return `⚙ 宿主动作 action ${effect.name} ${JSON.stringify(effect.params)}`;
  }
}

function headline(workflow: Workflow, entry: TimelineEntry): string {
  if (entry.kind === 'opened') return `开案 opened · ${CHANNELS[entry.label] ?? entry.label} · ${actorLabel(workflow, entry.actor)}`;
  if (entry.kind === 'timer' && entry.timer) return `定时器到期 timer fired · ${timerLabel(workflow, entry.timer)}`;
  return `${eventLabel(workflow, entry.label)} · ${actorLabel(workflow, entry.actor)}`;
}

/**
 * Formats one timeline entry as lines of Chinese with English: Beijing time, what happened and
 * who did it, the state and warning colour after it, and one line per effect.
 * @example
 * for (const entry of store.timeline(caseId)) console.log(formatEntry(workflow, entry).join('\n'));
 */
export function formatEntry(workflow: Workflow, entry: TimelineEntry): string[] {
  const moved = entry.effects.find((e) => e.type === 'stateChanged');
  const state = moved?.type === 'stateChanged' && moved.from !== null
    ? `${stateTitle(workflow, moved.from)} → ${stateTitle(workflow, moved.to)}`
    : stateTitle(workflow, entry.state);
  const cancelled = entry.effects.flatMap((e) => (e.type === 'cancelTimer' ? [e.timerId] : []));
  return [
    `#${entry.seq} ${shanghaiTime(entry.at)}  ${headline(workflow, entry)}`,
    `    状态 state：${state} · 预警 ${COLOURS[entry.warning]}${entry.status === 'closed' ? ' · 已归档 closed' : ''}`,
    ...entry.effects.flatMap((effect) => {
      const line = summarise(workflow, effect);
      return line ? [`      ${line}`] : [];
    }),
    ...(cancelled.length > 0 ? [`      ✕ 取消定时 cancelled：${cancelled.join('，')}`] : []),
  ];
}
