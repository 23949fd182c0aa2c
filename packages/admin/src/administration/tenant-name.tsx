import { useLocaleState, useRecordContext } from 'react-admin';
import type { LocalizedText } from '../api/types.js';
import { localize } from '../i18n/use-localized.js';

/**
 * The current record's bilingual `name` in the user's language (unions, agencies).
 * @example
 * <ReferenceField source="tenantId" reference="tenants"><LocalizedName /></ReferenceField>
 */
export function LocalizedName({ indent = false }: { indent?: boolean; label?: string; source?: string; sortBy?: string }) {
  const record = useRecordContext<{ name: LocalizedText; path?: string }>();
  const [locale] = useLocaleState();
  if (!record) return null;
  // Depth in the union tree: /ninghai/chalu/gaotan/ is 3 levels deep.
  const depth = indent && record.path ? record.path.split('/').filter(Boolean).length - 1 : 0;
  return <span style={depth > 0 ? { paddingLeft: `${depth * 1.5}em` } : undefined}>{localize(record.name, locale)}</span>;
}
