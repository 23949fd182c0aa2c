import { Rating } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { FieldDefinition } from '../../api/types.js';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../format/formatters.js';
import { localize } from '../../i18n/use-localized.js';

/**
 * A field's value shown for its type: options by their label, dates and numbers in the user's
 * locale, a rating as stars, yes/no; a masked personal value as the server sent it.
 * @example
 * <FieldValue field={workflow.fields.category} value="wages" />
 */
export function FieldValue({ field, value }: { field: FieldDefinition | undefined; value: unknown }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (value === null || value === undefined || value === '') return <span>—</span>;
  if (!field) return <span>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</span>;
  // Masked personal values ("***", "138****0000") are strings whatever the field type.
  if (field.pii && typeof value === 'string' && value.includes('***')) return <span data-masked="true">{value}</span>;
  const option = (v: unknown) => localize(field.options?.find((o) => o.value === v)?.label, locale) || String(v);
  switch (field.type) {
    case 'select':
      return <span>{option(value)}</span>;
    case 'multiselect':
      return <span>{Array.isArray(value) ? value.map(option).join('、') : option(value)}</span>;
    case 'boolean':
      return <span>{translate(value === true ? 'ra.boolean.true' : 'ra.boolean.false')}</span>;
    case 'date':
      return <span>{formatDate(String(value), locale)}</span>;
    case 'datetime':
      return <span>{formatDateTime(String(value), locale)}</span>;
    case 'money':
      return <span>{formatMoney(Number(value), locale)}</span>;
    case 'number':
    case 'integer':
      return <span>{formatNumber(Number(value), locale)}</span>;
    case 'rating':
      return <Rating value={Number(value)} max={field.max ?? 5} readOnly size="small" aria-label={translate('shuoshi.rating.stars', { count: Number(value) })} />;
    case 'longtext':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
    default:
      return <span>{String(value)}</span>;
  }
}
