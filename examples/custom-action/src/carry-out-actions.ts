import type { Effect } from '@shuoshi/engine';
import type { ActionContext, ActionHandler } from './action-handler.js';

/**
 * Carries out the `action` effects of one step with the host's handlers, in order, and returns how
 * many ran. Other effects are left to the rest of the host.
 * @example
 * const { snapshot, effects } = engine.apply(snapshot, event, actor);
 * carryOutActions(effects, { send_sms: createSmsSender(sent) }, { caseId, snapshot, workflow });
 */
export function carryOutActions(effects: readonly Effect[], handlers: Readonly<Record<string, ActionHandler>>, context: ActionContext): number {
  let ran = 0;
  for (const effect of effects) {
    if (effect.type !== 'action') continue;
    const handler = handlers[effect.name];
    // The engine refuses workflows naming unregistered actions, so a gap here is a host bug, not bad data.
    if (!handler) {
      throw new Error(`No handler for action "${effect.name}" (asked for on entering "${effect.state}"); handlers: ${Object.keys(handlers).join(', ') || 'none'}. Add one for every action passed to createEngine({ actions }).`);
    }
    handler(effect.params, context);
    ran += 1;
  }
  return ran;
}
