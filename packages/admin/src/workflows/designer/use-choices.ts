import { BUILTIN_AGENCIES, BUILTIN_ROLES, type Workflow } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';

/**
 * A choice for a picker: an id and its label in the current language.
 * @example
 * const choice: Choice = { id: 'mediator', label: '调解员' };
 */
export type Choice = { id: string; label: string };

/**
 * The ids a workflow's forms may pick from, labelled in the current language: roles (built in
 * and declared), agencies (built in and declared), fields, states and events.
 * @example
 * const { roles, fields } = useChoices(workflow);
 */
export function useChoices(workflow: Workflow): { roles: Choice[]; agencies: Choice[]; fields: Choice[]; states: Choice[]; events: Choice[]; actions: Choice[] } {
  const translate = useTranslate();
  const l = useLocalized();
  const roles: Choice[] = BUILTIN_ROLES.map((id) => ({ id, label: translate(`shuoshi.roles.${id}`, { _: id }) }));
  for (const [id, role] of Object.entries(workflow.roles ?? {})) if (!roles.some((r) => r.id === id)) roles.push({ id, label: l(role.title) || id });
  const agencies: Choice[] = Object.entries({ ...BUILTIN_AGENCIES, ...(workflow.agencies ?? {}) }).map(([id, agency]) => ({ id, label: l(agency.title) || id }));
  const fields = Object.entries(workflow.fields).map(([id, field]) => ({ id, label: l(field.label) || id }));
  const states = Object.entries(workflow.states).map(([id, state]) => ({ id, label: l(state.title) || id }));
  const events: Choice[] = [];
  for (const state of Object.values(workflow.states)) for (const t of state.transitions) if (!events.some((e) => e.id === t.event)) events.push({ id: t.event, label: l(t.label) || t.event });
  const actions = Object.entries(workflow.actions ?? {}).map(([id, action]) => ({ id, label: l(action.title) || id }));
  return { roles, agencies, fields, states, events, actions };
}
