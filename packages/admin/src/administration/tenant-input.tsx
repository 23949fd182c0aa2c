import { AutocompleteInput, ReferenceInput, useLocaleState } from 'react-admin';
import type { LocalizedText } from '../api/types.js';
import { localize } from '../i18n/use-localized.js';

/**
 * Picks a union of the user's subtree by name (for the union a record belongs to).
 * @example
 * <TenantInput source="tenantId" />
 */
export function TenantInput({ source = 'tenantId', helperText }: { source?: string; helperText?: string; alwaysOn?: boolean }) {
  const [locale] = useLocaleState();
  return (
    <ReferenceInput source={source} reference="tenants" sort={{ field: 'path', order: 'ASC' }}>
      <AutocompleteInput optionText={(tenant: { name: LocalizedText }) => localize(tenant.name, locale)} filterToQuery={(q: string) => (q ? { q } : {})} sx={{ minWidth: 320 }} {...(helperText ? { helperText } : {})} />
    </ReferenceInput>
  );
}
