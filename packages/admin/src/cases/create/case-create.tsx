import { Box, Typography } from '@mui/material';
import { AutocompleteInput, Create, ReferenceInput, SelectInput, SimpleForm, required, useLocaleState, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { CHANNELS, type FieldDefinition, type LocalizedText, type Workflow } from '../../api/types.js';
import { localize } from '../../i18n/use-localized.js';
import { FieldInput, toFieldValue } from '../show/field-input.js';
import { latestWorkflows, usePublishedWorkflows } from '../use-workflow-catalog.js';

/**
 * The fields asked when a case is opened: the required ones, and those no event asks for later
 * (what the worker says, who they are); fields that a step fills (category at triage, the
 * resolution, the rating) wait for their step.
 * @example
 * openingFields(unionGrievance).map(([id]) => id); // ['title', 'description', 'worker_name', ...]
 */
export function openingFields(workflow: Workflow): Array<[string, FieldDefinition]> {
  const askedLater = new Set(Object.values(workflow.states).flatMap((state) => state.transitions.flatMap((transition) => transition.requires ?? [])));
  const fields = Object.entries(workflow.fields).filter(([id, field]) => field.required === true || (!askedLater.has(id) && field.type !== 'rating'));
  // Required first: definitions come back from jsonb, which does not keep the fields' order.
  return fields.sort(([, a], [, b]) => Number(b.required === true) - Number(a.required === true));
}

function WorkflowFields({ workflows }: { workflows: ReadonlyArray<{ key: string; definition: Workflow }> }) {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const key = useWatch({ name: 'workflowKey' }) as string | undefined;
  const workflow = workflows.find((w) => w.key === key)?.definition;
  if (!workflow) return <Typography color="text.secondary">{translate('shuoshi.cases.choose_workflow')}</Typography>;
  return (
    <Box sx={{ width: '100%', maxWidth: 720 }}>
      {openingFields(workflow).map(([id, field]) => (
        <FieldInput key={`${workflow.key}.${id}`} id={`data.${id}`} field={field} label={localize(field.label, locale)} required={field.required === true} optionLabel={(option) => localize(option.label, locale)} {...(field.description ? { helperText: localize(field.description, locale) } : {})} />
      ))}
    </Box>
  );
}

/**
 * Opening a case (intake operators and admins): the workflow, the channel, the union and
 * enterprise, and the workflow's opening fields; the case page opens once it is created.
 * @example
 * <Resource name="cases" create={CaseCreate} />
 */
export function CaseCreate() {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const { workflows } = usePublishedWorkflows();
  const latest = latestWorkflows(workflows);
  const transform = (values: Record<string, unknown>) => {
    const workflow = workflows.find((w) => w.key === values['workflowKey'])?.definition;
    const raw = (values['data'] ?? {}) as Record<string, unknown>;
    const data: Record<string, unknown> = {};
    for (const [id, value] of Object.entries(raw)) {
      const field = workflow?.fields[id];
      const converted = field ? toFieldValue(field, value) : value;
      if (converted !== undefined) data[id] = converted;
    }
    return { workflow: { key: values['workflowKey'] }, channel: values['channel'], tenantId: values['tenantId'], enterpriseId: values['enterpriseId'], data };
  };
  return (
    <Create transform={transform} redirect="show">
      <SimpleForm defaultValues={{ channel: 'phone' }}>
        <SelectInput source="workflowKey" label="resources.cases.fields.workflowKey" choices={latest.map((w) => ({ id: w.key, name: localize(w.title, locale) }))} validate={required()} />
        <SelectInput source="channel" choices={CHANNELS.map((id) => ({ id, name: translate(`shuoshi.channel.${id}`) }))} validate={required()} />
        <ReferenceInput source="tenantId" reference="tenants" sort={{ field: 'path', order: 'ASC' }}>
          <AutocompleteInput optionText={(tenant: { name: LocalizedText }) => localize(tenant.name, locale)} filterToQuery={(q: string) => (q ? { q } : {})} helperText="shuoshi.cases.tenant_help" sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <ReferenceInput source="enterpriseId" reference="enterprises" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => (q ? { q } : {})} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <WorkflowFields workflows={latest} />
      </SimpleForm>
    </Create>
  );
}
