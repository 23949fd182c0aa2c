import { useLocaleState } from 'react-admin';
import { formatDate, formatDateTime } from './formatters.js';

/**
 * A date and time (or a date with `dateOnly`) in the user's locale, with the ISO value as tooltip.
 * @example
 * <DateTimeText value={record.openedAt} />
 */
export function DateTimeText({ value, dateOnly = false }: { value: string | null | undefined; dateOnly?: boolean }) {
  const [locale] = useLocaleState();
  if (!value) return null;
  return (
    <time dateTime={value} title={value}>
      {dateOnly ? formatDate(value, locale) : formatDateTime(value, locale)}
    </time>
  );
}
