import type { Exporter, TranslateFunction } from 'react-admin';
import type { CaseRecord, LocalizedText } from '../api/types.js';
import { formatDateTime } from '../format/formatters.js';
import { localize } from '../i18n/use-localized.js';
import { downloadText, toCsv } from './to-csv.js';

/**
 * The cases CSV exporter: one row per case with its reference, title, state, warning, union,
 * assignee, channel, dates and overdue flag, in the user's language (names looked up).
 * @example
 * <ExportButton exporter={createCaseExporter(translate, locale)} maxResults={10000} />
 */
export function createCaseExporter(translate: TranslateFunction, locale: string): Exporter {
  return async (records, fetchRelatedRecords) => {
    const cases = records as CaseRecord[];
    const [tenants, users] = await Promise.all([
      fetchRelatedRecords<{ id: string; name: LocalizedText }>(cases, 'tenantId', 'tenants'),
      fetchRelatedRecords<{ id: string; displayName: string }>(cases.filter((c) => c.assigneeId), 'assigneeId', 'users'),
    ]);
    const columns = ['reference', 'title', 'state', 'warning', 'tenantId', 'assigneeId', 'channel', 'openedAt', 'dueAt', 'overdue', 'status', 'closedAt'] as const;
    const header = columns.map((column) => translate(`resources.cases.fields.${column}`));
    const rows = cases.map((c) => [
      c.reference,
      c.title,
      localize(c.stateTitle, locale) || c.state,
      translate(`shuoshi.warning.${c.warning}`),
      localize(tenants[c.tenantId]?.name, locale) || c.tenantId,
      c.assigneeId ? (users[c.assigneeId]?.displayName ?? c.assigneeId) : '',
      translate(`shuoshi.channel.${c.channel}`, { _: c.channel }),
      formatDateTime(c.openedAt, locale),
      formatDateTime(c.dueAt, locale),
      translate(c.overdue ? 'ra.boolean.true' : 'ra.boolean.false'),
      translate(`shuoshi.status.${c.status}`),
      formatDateTime(c.closedAt, locale),
    ]);
    downloadText(toCsv(header, rows), `${translate('shuoshi.cases.export_filename')}.csv`, 'text/csv');
  };
}
