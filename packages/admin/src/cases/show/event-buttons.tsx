import { Box, Button, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { ShuoshiDataProvider } from '../../api/data-provider.js';
import type { AvailableEvent, CaseRecord, FieldDefinition } from '../../api/types.js';
import { localize } from '../../i18n/use-localized.js';
import { EventFormDialog } from './event-form-dialog.js';

/**
 * A button for each event the user may send now (GET /cases/:id/events/available), each opening
 * the event's form; nothing to press on a closed case.
 * @example
 * <EventButtons record={record} fields={workflow?.definition.fields} onChanged={refetch} />
 */
export function EventButtons({ record, fields, onChanged }: { record: CaseRecord; fields: Record<string, FieldDefinition> | undefined; onChanged: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ShuoshiDataProvider>();
  const [open, setOpen] = useState<AvailableEvent | null>(null);
  const available = useQuery({
    queryKey: ['shuoshi', 'available-events', record.id, record.version],
    queryFn: () => dataProvider.availableEvents(record.id),
  });

  if (available.isPending) return <CircularProgress size={20} aria-label={translate('ra.page.loading')} />;
  const events = available.data ?? [];
  if (events.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="no-events">
        {translate(record.status === 'closed' ? 'shuoshi.events.closed' : 'shuoshi.events.none')}
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} role="toolbar" aria-label={translate('shuoshi.events.title')}>
      {events.map((event) => (
        <Button key={event.event} variant={event.target ? 'contained' : 'outlined'} size="small" onClick={() => setOpen(event)} data-event-button={event.event}>
          {localize(event.label, locale)}
        </Button>
      ))}
      {open && (
        <EventFormDialog
          record={record}
          event={open}
          fields={fields}
          onClose={() => setOpen(null)}
          onReload={() => {
            setOpen(null);
            onChanged();
          }}
          onDone={(updated) => {
            setOpen(null);
            notify('shuoshi.events.sent', { type: 'success', messageArgs: { event: localize(open.label, locale), state: localize(updated.stateTitle, locale) || updated.state } });
            onChanged();
          }}
        />
      )}
    </Box>
  );
}
