import type { Effect, LocalizedText, Workflow } from '@shuoshi/engine';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Localize = (text: LocalizedText | null | undefined) => string;

/**
 * What describing a step's effects needs: the workflow (for titles and agency names), translate,
 * the localizer and a time formatter.
 * @example
 * const ctx: EffectContext = { workflow, translate, l, time: (iso) => formatDateTime(iso, locale) };
 */
export interface EffectContext {
  workflow: Workflow;
  translate: Translate;
  l: Localize;
  time: (iso: string) => string;
}

// Timers are shown as deadlines, and the state change as the step's state: not repeated as effects.
const SILENT = new Set<Effect['type']>(['scheduleTimer', 'cancelTimer', 'stateChanged', 'assigned', 'migrated']);

/**
 * Tells the role's name: the panel's own for built-in roles, the workflow's for custom ones.
 * @example
 * roleName('chamber_mediator', ctx); // '商会调解员'
 */
export function roleName(role: string, ctx: Pick<EffectContext, 'workflow' | 'translate' | 'l'>): string {
  const custom = ctx.workflow.roles?.[role]?.title;
  return ctx.translate(`shuoshi.roles.${role}`, { _: custom ? ctx.l(custom) : role });
}

function stateTitle(id: string, ctx: EffectContext): string {
  const title = ctx.workflow.states[id]?.title;
  return title ? ctx.l(title) : id;
}

function agencyName(code: string, ctx: EffectContext): string {
  const name = ctx.workflow.agencies?.[code]?.title;
  return name ? ctx.l(name) : code;
}

/**
 * One effect of a simulated step in words (a referral and its reply deadline, a notification and
 * to whom, a warning change, an SLA breach…); undefined for bookkeeping effects such as timers.
 * @example
 * describeEffect({ type: 'refer', agency: 'congress_liaison', replyDueAt, ... }, ctx); // '转交「人大联络站」，答复期限 2025-10-13 09:00'
 */
export function describeEffect(effect: Effect, ctx: EffectContext): string | undefined {
  const { translate } = ctx;
  if (SILENT.has(effect.type)) return undefined;
  switch (effect.type) {
    case 'refer':
      return translate('shuoshi.workflows.sim_effect_refer', { agency: agencyName(effect.agency, ctx), due: ctx.time(effect.replyDueAt) });
    case 'referralClosed':
      return translate('shuoshi.workflows.sim_effect_referral_closed', { agency: agencyName(effect.agency, ctx), status: translate(`shuoshi.referral.status_${effect.status}`) });
    case 'notify': {
      const to = [...(effect.to.roles ?? []).map((role) => roleName(role, ctx)), ...(effect.to.assignee ? [translate('shuoshi.workflows.sim_assignee')] : []), ...(effect.to.worker ? [translate('shuoshi.workflows.sim_worker')] : [])];
      return translate('shuoshi.workflows.sim_effect_notify', { to: to.join('、') || '—', message: ctx.l(effect.message) });
    }
    case 'requestFollowUp':
      return effect.dueAt ? translate('shuoshi.workflows.sim_effect_follow_up_due', { due: ctx.time(effect.dueAt) }) : translate('shuoshi.workflows.sim_effect_follow_up');
    case 'warningChanged':
      return translate('shuoshi.workflows.sim_effect_warning', { from: translate(`shuoshi.warning.${effect.from}`), to: translate(`shuoshi.warning.${effect.to}`) });
    case 'slaBreached':
      return translate('shuoshi.workflows.sim_effect_breached', { state: stateTitle(effect.state, ctx), due: ctx.time(effect.dueAt) });
    case 'caseClosed':
      return translate('shuoshi.workflows.sim_effect_closed', { state: stateTitle(effect.state, ctx) });
    case 'action':
      return translate('shuoshi.workflows.sim_effect_action', { name: ctx.l(ctx.workflow.actions?.[effect.name]?.title) || effect.name });
    default:
      return undefined;
  }
}
