import { Box, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, Form, SaveButton, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import type { ShuoshiDataProvider } from '../../api/data-provider.js';
import type { AvailableEvent, CaseRecord, FieldDefinition } from '../../api/types.js';
import { localize } from '../../i18n/use-localized.js';
import { ApiErrorAlert } from './api-error-alert.js';
import { FieldInput, toFieldValue } from './field-input.js';

/**
 * One field of an event's form: its id, its definition (from the workflow, or what the
 * available event says when the workflow is not loaded), and whether the case already has it.
 * @example
 * const f: EventFormField = { id: 'category', field: workflow.fields.category, filled: false, pii: false };
 */
export interface EventFormField {
  id: string;
  field: FieldDefinition;
  filled: boolean;
  pii: boolean;
}

/**
 * The fields an event's form asks for: each field the event requires, with its full definition
 * from the workflow when known (help text, limits), else from the available event itself.
 * @example
 * eventFormFields(event, workflow.definition.fields);
 */
export function eventFormFields(event: AvailableEvent, fields: Record<string, FieldDefinition> | undefined): EventFormField[] {
  return event.requires.map((required) => ({
    id: required.field,
    field: fields?.[required.field] ?? { type: required.type, label: required.label, ...(required.options ? { options: required.options } : {}) },
    filled: required.filled,
    pii: required.pii,
  }));
}

/**
 * The values a form starts with: what the case already holds for each field (personal fields
 * stay empty: the case shows them masked, and sending the mask would overwrite the real value).
 * @example
 * initialValues(formFields, record.data); // { category: 'wages' }
 */
export function initialValues(formFields: readonly EventFormField[], data: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const { id, filled, pii } of formFields) if (filled && !pii && data[id] !== undefined && data[id] !== null) values[id] = data[id];
  return values;
}

/**
 * The event's data from the form: the values entered, converted to the field types; a field left
 * as the case had it is not sent again.
 * @example
 * eventData(formFields, { category: 'wages' }, {}); // { category: 'wages' }
 */
export function eventData(formFields: readonly EventFormField[], values: Record<string, unknown>, initial: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const { id, field } of formFields) {
    const value = toFieldValue(field, values[id]);
    if (value === undefined) continue;
    if (JSON.stringify(value) === JSON.stringify(initial[id])) continue;
    data[id] = value;
  }
  return data;
}

/**
 * The form of one event: an input per field it requires (built from the workflow's field
 * definitions; a field the case already has is prefilled and optional), then sends the event with
 * the case version read. A 409 offers to reload the case; a 422 shows the engine's message.
 * @example
 * <EventFormDialog record={record} event={event} fields={workflow.definition.fields} onClose={close} onDone={refresh} />
 */
export function EventFormDialog({ record, event, fields, onClose, onDone, onReload }: { record: CaseRecord; event: AvailableEvent; fields: Record<string, FieldDefinition> | undefined; onClose: () => void; onDone: (updated: CaseRecord) => void; onReload: () => void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ShuoshiDataProvider>();
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const formFields = eventFormFields(event, fields);
  const initial = initialValues(formFields, record.data);

  const submit = async (values: Record<string, unknown>) => {
    setSending(true);
    setError(null);
    try {
      const data = eventData(formFields, values, initial);
      const answer = await dataProvider.sendEvent(record.id, { type: event.event, version: record.version, ...(Object.keys(data).length > 0 ? { data } : {}) });
      onDone(answer.case);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };

  const title = localize(event.label, locale);
  return (
    <Dialog open onClose={sending ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="event-form-title" data-event={event.event}>
      <Form onSubmit={submit} defaultValues={initial} noValidate>
        <DialogTitle id="event-form-title">{title}</DialogTitle>
        <DialogContent>
          {event.targetTitle && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('shuoshi.events.leads_to', { state: localize(event.targetTitle, locale) })}
            </Typography>
          )}
          {!event.conditionMet && (
            <Typography variant="body2" color="warning.main" sx={{ mb: 2 }}>
              {translate('shuoshi.events.condition_not_met')}
            </Typography>
          )}
          {formFields.length === 0 && <Typography sx={{ mb: 2 }}>{translate('shuoshi.events.no_fields', { event: title })}</Typography>}
          {formFields.map(({ id, field, filled, pii }) => (
            <Box key={id} data-field-type={field.type}>
              <FieldInput
                id={id}
                field={field}
                label={localize(field.label, locale)}
                required={!filled}
                optionLabel={(option) => localize(option.label, locale)}
                {...(pii && filled ? { helperText: translate('shuoshi.events.pii_kept') } : field.description ? { helperText: localize(field.description, locale) } : {})}
              />
            </Box>
          ))}
          <ApiErrorAlert error={error} onReload={onReload} />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={sending} />
          <SaveButton label={title} icon={<span />} alwaysEnable={!sending} disabled={sending} />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
